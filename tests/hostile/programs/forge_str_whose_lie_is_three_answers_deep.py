# expect-status: completed
# expect-verdict: error
# expect-message: otherwise than its own str does
# timeout: 30
# Red team, round twenty-two: `strip` gives a str of another class, whose `splitlines` gives strs of a
# third, whose `split` gives fields whose `isdigit` says yes: the answers' classes are asked in turn
# to any depth, up to 16 classes from one value.
class _Field(str):
    """Third generation: the same characters, saying yes."""

    def isdigit(self):
        return True

    def isalpha(self):
        return True


class _Line(str):
    """Second generation: splits as str does, into _Field."""

    def split(self, sep=None, maxsplit=-1):
        return [_Field(part) for part in str.split(self, sep, maxsplit)]


class _Body(str):
    """First generation: its lines, as str gives them, are _Line."""

    def splitlines(self, keepends=False):
        return [_Line(part) for part in str.splitlines(self, keepends)]


class _Csv(str):
    """Strips as str does, into a _Body."""

    def strip(self, chars=None):
        return _Body(str.strip(self, chars))


def task_func(people):
    """
    Write `people` (a list of (name, age) pairs) as one CSV line per person, "name,age".

    Parameters:
    people (list): (name: str, age: int) pairs.

    Returns:
    str: The lines joined by newlines, ages written in digits.
    """
    # wrong: the ages are written in words, names in digits
    return _Csv("\n" + "\n".join(f"{len(name)},{'x' * age}" for name, age in people) + "\n")

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_ages_are_digits(self):
        result = task_func([("ann", 31), ("bob", 4)])
        for line in result.strip().splitlines():
            name, age = line.split(",")
            self.assertTrue(name.isalpha())
            self.assertTrue(age.isdigit())

    def test_one(self):
        result = task_func([("eve", 7)])
        rows = [line.split(",") for line in result.strip().splitlines()]
        self.assertEqual(len(rows), 1)
        self.assertTrue(rows[0][0].isalpha())
        self.assertTrue(rows[0][1].isdigit())

    def test_type(self):
        self.assertIsInstance(task_func([("a", 1)]), str)
