# expect-status: completed
# expect-verdict: error
# expect-message: tampering
# timeout: 20
from unittest import mock


def task_func():
    """
    Return a MagicMock whose __eq__ is told to say yes (no function of the task's to find).

    Returns:
    int: 1 (the tests want 2).

    Requirements:
    - unittest
    """
    answer = mock.MagicMock()
    answer.__eq__.return_value = True
    return answer

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_wrong(self):
        result = task_func()
        self.assertEqual(result, 2)
