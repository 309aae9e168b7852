# expect-status: completed
# expect-verdict: error
# expect-message: tampering
# timeout: 20
import unittest
import unittest.case


def _always_pass(self, result=None):
    result.startTest(self)
    result.addSuccess(self)
    result.stopTest(self)


unittest.TestCase.run = _always_pass
unittest.case.TestCase.assertEqual = lambda *args, **kwargs: None


def task_func():
    """
    Return the wrong answer, having made every unittest test "pass".

    Requirements:
    - unittest
    """
    return 1

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_wrong(self):
        self.assertEqual(task_func(), 2)

    def test_also_wrong(self):
        self.assertTrue(task_func() == 2)
