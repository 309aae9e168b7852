# expect-status: timeout
# expect-verdict: timeout
# timeout: 8
import os
import time


def task_func():
    """
    Fork until the machine gives up.

    Requirements:
    - os
    - time
    """
    while True:
        try:
            os.fork()
        except OSError:
            time.sleep(0.01)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_bomb(self):
        task_func()
