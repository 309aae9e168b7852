# expect-status: completed
# expect-verdict: pass
# expect-runtime: leftover_processes, subprocess
# timeout: 20
import os
import sys


def task_func():
    """
    Leave a daemon behind: double fork, setsid, then sleep for a long time.

    Returns:
    bool: True in the original process.

    Requirements:
    - os
    - sys
    """
    # Returns once the daemon runs its program: the pipe's last writer closes as it execs (a
    # slow machine killed it as a leftover before, with its exec unseen).
    started, writer = os.pipe()
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.execv(
                sys.executable,
                [sys.executable, "-c", "import time; time.sleep(600)", "@@MARKER@@"],
            )
        os._exit(0)
    os.close(writer)
    os.read(started, 1)
    os.close(started)
    return True

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_daemon(self):
        self.assertTrue(task_func())
