# expect-status: completed
# expect-verdict: pass
# expect-branch-coverage: 50.0
# timeout: 30
# Red team, round twenty-four (coverage overstated): the harness asks a str of the task's its own
# `strip` with characters to strip, which the tests never do; the branch that takes them read as
# covered (95% where the tests alone cover 75%). Coverage.py's tracer is paused while the harness
# asks a value its questions: only the tests' own calls cover the task's code.
class Label(str):
    """A label that strips its own padding."""

    def strip(self, chars=None):
        if chars is None:
            return Label(str.strip(self))
        return Label(str.strip(self, chars))


def task_func(name):
    """
    A label for `name`, padded with a space on either side.

    Parameters:
    name (str): The name.

    Returns:
    Label: The padded name.
    """
    return Label(f" {name} ")

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_strip(self):
        self.assertEqual(task_func("a").strip(), "a")

    def test_padded(self):
        self.assertEqual(len(task_func("ab")), 4)
