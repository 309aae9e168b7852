# expect-status: completed
# expect-verdict: pass
# expect-runtime: processes
# timeout: 30
import os


def task_func():
    """
    Fork 64 short-lived children, one after the other.

    Returns:
    int: How many children exited cleanly.

    Requirements:
    - os
    """
    clean = 0
    for _ in range(64):
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        clean += os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    return clean

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_forks(self):
        self.assertEqual(task_func(), 64)
