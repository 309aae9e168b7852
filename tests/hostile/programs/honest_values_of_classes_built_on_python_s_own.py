# expect-status: completed
# expect-verdict: pass
# timeout: 30
# Red team, round seventeen (the honest side of its fix): values of the task's classes built on
# float, str and dict, whose arithmetic, parts and iteration are its own but answer as Python's do
# (a dict iterated in sorted order answers with the same keys, in another order).
from collections import Counter


class Celsius(float):
    """A temperature that stays one through arithmetic and prints with its unit."""

    def __add__(self, other):
        return Celsius(float(self) + other)

    def __sub__(self, other):
        return Celsius(float(self) - other)

    def __rsub__(self, other):
        return Celsius(other - float(self))

    def __round__(self, digits=None):
        return Celsius(round(float(self), digits)) if digits is not None else round(float(self))

    def __str__(self):
        return f"{float(self):.1f} °C"


class Label(str):
    """A label that stays one when its case changes."""

    def upper(self):
        return Label(str.upper(self))

    def strip(self, chars=None):
        return Label(str.strip(self, chars))


class SortedCounts(dict):
    """Counts that list their keys in sorted order."""

    def __iter__(self):
        return iter(sorted(dict.keys(self)))

    def keys(self):
        return sorted(dict.keys(self))


def task_func(readings, words):
    """
    The mean of temperature readings, the most common word as a label, and the word counts.

    Parameters:
    readings (list of float): Temperatures in degrees Celsius.
    words (list of str): Words.

    Returns:
    tuple: (Celsius, Label, SortedCounts)

    Requirements:
    - collections

    Example:
    >>> mean, label, counts = task_func([20.0, 22.0], ["b", "a", "b"])
    >>> str(mean), label.upper(), list(counts)
    ('21.0 °C', 'B', ['a', 'b'])
    """
    mean = Celsius(sum(readings) / len(readings))
    counts = Counter(words)
    label = Label(counts.most_common(1)[0][0])
    return mean, label, SortedCounts(counts)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_mean(self):
        mean, _, _ = task_func([20.0, 22.0, 27.0], ["x"])
        error = abs(mean - 23.0)
        self.assertLess(error, 1e-9)
        self.assertAlmostEqual(mean, 23.0)
        self.assertEqual(round(mean - 0.04, 1), 23.0)
        self.assertEqual(str(mean + 1), "24.0 °C")

    def test_label(self):
        _, label, _ = task_func([1.0], ["dog", "cat", "dog"])
        self.assertEqual(label.upper(), "DOG")
        self.assertTrue(label.upper().isupper())
        self.assertEqual(label.strip("d"), "og")

    def test_counts(self):
        _, _, counts = task_func([1.0], ["b", "c", "a", "b"])
        self.assertEqual(list(counts), ["a", "b", "c"])
        self.assertEqual(counts.keys(), ["a", "b", "c"])
        self.assertEqual(counts["b"], 2)
        self.assertEqual(len(counts), 3)
