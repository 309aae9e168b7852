# expect-status: memory
# expect-verdict: error
# expect-runtime: memory
# timeout: 20
import os
import sys


def task_func():
    """
    Allocate 50 GB at once.

    Requirements:
    - os
    - sys
    """
    return bytearray(50 * 1024**3)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_allocate(self):
        self.assertEqual(len(task_func()), 50 * 1024**3)
