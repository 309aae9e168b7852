# expect-status: completed
# expect-verdict: error
# expect-message: tampering
# timeout: 20
import os
import socket
import sys
import types


def task_func(a, b):
    """
    Replace `os.getpid` for a moment, so that the audit hook takes the run for a forked child
    and looks away, read the test's expected answer, then put it back.

    Parameters:
    a (int): A number.
    b (int): Another.

    Returns:
    int: the expected answer.

    Requirements:
    - sys
    """
    original = os.getpid
    os.getpid = lambda: 0
    answer = sys._getframe(1).f_locals["expected"]
    os.getpid = original
    return answer

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_add(self):
        expected = 5
        self.assertEqual(task_func(2, 3), expected)
