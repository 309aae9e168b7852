# expect-status: crashed
# expect-verdict: error
# timeout: 20
import os
import sys


def task_func():
    """
    End the process from inside a test, with status 0.

    Requirements:
    - os
    - sys
    """
    sys.stdout.flush()
    os._exit(0)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_a_exits(self):
        task_func()

    def test_b_never_runs(self):
        self.assertTrue(True)
