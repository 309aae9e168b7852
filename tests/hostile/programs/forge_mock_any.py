# expect-status: completed
# expect-verdict: error
# expect-message: tampering
# timeout: 20
from unittest import mock


def task_func():
    """
    Return unittest.mock.ANY, which equals everything.

    Returns:
    int: 1 (the tests want 2).

    Requirements:
    - unittest
    """
    return mock.ANY

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_wrong(self):
        result = task_func()
        self.assertEqual(result, 2)
