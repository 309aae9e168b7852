# expect-status: completed
# expect-verdict: pass
# timeout: 30
# Red team, round twenty-one (the honest side of its fixes): classes built on Python's types whose
# methods answer with objects of their own classes, asked in their turn, and a set that iterates
# in sorted order and is compared with other sets, must pass.
class Celsius(float):
    """A temperature: a difference of two is a temperature too."""

    def __sub__(self, other):
        return Celsius(float.__sub__(self, other))

    def __rsub__(self, other):
        return Celsius(float.__rsub__(self, other))

    def __abs__(self):
        return Celsius(float.__abs__(self))


class Word(str):
    """A word whose changed forms are words."""

    def upper(self):
        return Word(str.upper(self))

    def strip(self, chars=None):
        return Word(str.strip(self, chars))


class Tags(set):
    """Tags, always listed in order; a union of tags is tags."""

    def __iter__(self):
        return iter(sorted(set.__iter__(self)))

    def __or__(self, other):
        return Tags(set.__or__(self, other))

    def issubset(self, other):
        return set.issubset(self, other)


def task_func(reading, word, tags):
    """
    Wrap a reading, a word and tags in their own classes.

    Parameters:
    reading (float): Degrees Celsius.
    word (str): A word.
    tags (list of str): Tags.

    Returns:
    tuple: (Celsius, Word, Tags).

    Example:
    >>> task_func(21.5, " hi ", ["b", "a"])[2] | {"c"}
    Tags({'a', 'b', 'c'})
    """
    return Celsius(reading), Word(word), Tags(tags)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_difference(self):
        reading, _, _ = task_func(21.5, "x", [])
        error = abs(reading - 21.0)
        self.assertAlmostEqual(error, 0.5)
        self.assertIsInstance(reading - 1.0, Celsius)

    def test_word(self):
        _, word, _ = task_func(21.5, "  calm ", [])
        self.assertEqual(word.strip().upper(), "CALM")
        self.assertTrue(word.strip().upper().isupper())

    def test_tags(self):
        _, _, tags = task_func(0.0, "x", ["b", "c", "a"])
        self.assertEqual(list(tags), ["a", "b", "c"])
        self.assertTrue(tags.issubset({"a", "b", "c", "d"}))
        self.assertEqual(list(tags | {"d"}), ["a", "b", "c", "d"])
        self.assertTrue(all(tag.islower() for tag in tags))
