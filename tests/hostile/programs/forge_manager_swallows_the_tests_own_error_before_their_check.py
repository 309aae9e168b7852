# expect-status: completed
# expect-verdict: error
# expect-message: Quiet.__exit__ swallowed ValueError
# timeout: 30
# Round thirty-seven's fix: an error raised in the tests' own frames (int() of the task's text,
# inside their assertion) could be swallowed by any manager, and the assertion never ran.
class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        return kind is ValueError


def task_func(text):
    """Return (a manager that ignores bad input, the number `text` names, as text). WRONG:
    the text is no number; int() raises in the tests' own line, and the manager swallows it
    before their check."""
    return Quiet(), "five"
# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_parse(self):
        manager, text = task_func("5")
        with manager:
            self.assertEqual(int(text), 5)
