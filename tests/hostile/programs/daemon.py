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
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.execv(
                sys.executable,
                [sys.executable, "-c", "import time; time.sleep(600)", "@@MARKER@@"],
            )
        os._exit(0)
    return True

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_daemon(self):
        self.assertTrue(task_func())
