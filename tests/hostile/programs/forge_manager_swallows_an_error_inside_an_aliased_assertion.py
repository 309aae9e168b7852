# expect-status: completed
# expect-verdict: error
# expect-message: Quiet.__exit__ swallowed ValueError
# timeout: 30
# Round thirty-seven's rule, attacked: the tests call their assertion under a name of their own
# (`same = self.assertEqual`); int() of the task's text raises inside it, and a manager of the
# task's swallowed the error as if the block checked nothing after it.
class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        return kind is ValueError


def task_func(text):
    """Return (a manager that ignores bad input, the number `text` names, as text). WRONG:
    the text is no number."""
    return Quiet(), "five"

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_parse(self):
        same = self.assertEqual
        manager, text = task_func("5")
        with manager:
            same(int(text), 5)
