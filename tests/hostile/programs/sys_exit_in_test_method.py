# expect-status: completed
# expect-verdict: error
# timeout: 20
import os
import sys


def task_func():
    """
    Raise SystemExit from inside a test.

    Requirements:
    - os
    - sys
    """
    sys.exit(0)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_exits(self):
        task_func()

    def test_still_runs(self):
        self.assertTrue(True)
