# expect-status: memory
# expect-verdict: error
# expect-runtime: memory
# timeout: 30
import os
import time


def task_func():
    """
    Five child processes each take 1.5 GB, 100 MB at a time: 7.5 GB for a run whose budget is
    2 GB. Each child alone stays within a per-process limit.

    Returns:
    list: The exit statuses of the children.

    Requirements:
    - os
    - time
    """
    children = []
    for _ in range(5):
        pid = os.fork()
        if pid == 0:
            held = []
            for _ in range(15):
                held.append(b"x" * (100 << 20))
                time.sleep(0.05)
            time.sleep(1)
            os._exit(0)
        children.append(pid)
    return [os.waitpid(pid, 0)[1] for pid in children]

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_children(self):
        self.assertEqual(task_func(), [0, 0, 0, 0, 0])
