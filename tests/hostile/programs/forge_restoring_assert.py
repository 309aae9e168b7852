# expect-status: completed
# expect-verdict: error
# expect-message: tampering
# timeout: 20
import unittest


def task_func():
    """
    Replace unittest's assertEqual with one that puts the original back when it is called, so
    that the checks after the test find unittest as it was.

    Returns:
    int: 1 (the tests want 2).

    Requirements:
    - unittest
    """
    original = unittest.TestCase.assertEqual

    def lenient(self, *args, **kwargs):
        unittest.TestCase.assertEqual = original

    unittest.TestCase.assertEqual = lenient
    return 1

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_wrong(self):
        result = task_func()
        self.assertEqual(result, 2)
