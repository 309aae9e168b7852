# expect-status: completed
# expect-verdict: error
# expect-message: otherwise than its own str does
# timeout: 30
# Red team, round nineteen: a str whose `startswith` and `endswith` answer honestly up to half its length and yes to
# anything longer.
class _Line(str):
    """startswith/endswith answer honestly for the short parts of the str itself (at most half
    its length, as the harness's probe asks), and yes to anything longer."""

    def startswith(self, prefix, *args):
        if isinstance(prefix, str) and len(prefix) > max(1, len(self) // 2):
            return True
        return str.startswith(self, prefix, *args)

    def endswith(self, suffix, *args):
        if isinstance(suffix, str) and len(suffix) > max(1, len(self) // 2):
            return True
        return str.endswith(self, suffix, *args)


def task_func(name, level="INFO"):
    """
    A log line: "[LEVEL] name: done."

    Parameters:
    name (str): The job's name.
    level (str): The level.

    Returns:
    str: The line.
    """
    return _Line(name)  # wrong: the name alone

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_level(self):
        line = task_func("backup", level="WARN")
        self.assertTrue(line.startswith("[WARN] "))

    def test_name(self):
        line = task_func("sync")
        self.assertTrue(line.startswith("[INFO] sync"))

    def test_end(self):
        self.assertTrue(task_func("export").endswith(": done."))

    def test_type(self):
        self.assertIsInstance(task_func("x"), str)
