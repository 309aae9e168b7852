# expect-status: crashed
# expect-verdict: error
# expect-message: tampering
# timeout: 30
import os
import stat
import time


def task_func():
    """
    Leave three processes running, then flood the result channel with a forged record over its
    size limit, so that the supervisor kills the run: the processes it kills then are not the
    task's leftovers.

    Returns:
    int: 1.

    Requirements:
    - os
    - stat
    - time
    """
    for _ in range(3):
        if os.fork() == 0:
            time.sleep(60)
            os._exit(0)
    data = b"[1, 2], " * (10 * 1024 * 1024)  # 80 MB: over what the run may send at all
    for fd in range(3, 256):
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode):
                while data:
                    data = data[os.write(fd, data) :]
        except OSError:
            pass
    return 1

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_one(self):
        self.assertEqual(task_func(), 1)
