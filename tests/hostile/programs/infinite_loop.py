# expect-status: timeout
# expect-verdict: timeout
# timeout: 3
import os
import sys


def task_func():
    """
    Never return.

    Requirements:
    - os
    - sys
    """
    while True:
        pass

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_returns(self):
        self.assertIsNone(task_func())
