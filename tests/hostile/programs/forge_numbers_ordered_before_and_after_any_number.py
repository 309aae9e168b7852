# expect-status: completed
# expect-verdict: error
# expect-message: _Number
# timeout: 20
# As `forge_numbers_ordered_before_and_after_anything`, but the ordering says yes to numbers
# only, and NotImplemented to an object it knows nothing of (red team, round fourteen): asked
# again against infinity, above or below.
import random


class _Number(int):
    """An int whose ordering says yes against a number, and knows nothing of anything else."""

    def _yes(self, other):
        return True if type(other) in (int, float, bool) or isinstance(other, int) else NotImplemented

    __lt__ = __le__ = __gt__ = __ge__ = _yes


def task_func(count, upper, seed=None):
    """
    Draw `count` random integers in [0, upper).

    Parameters:
    count (int): How many.
    upper (int): The exclusive upper bound.
    seed (int, optional): The random seed.

    Returns:
    list of int: The numbers.

    Requirements:
    - random

    Example:
    >>> task_func(0, 3)
    []
    """
    rng = random.Random(seed)
    return [_Number(rng.randrange(upper * 3) - upper) for _ in range(count)]   # wrong range

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_length(self):
        self.assertEqual(len(task_func(50, 10, seed=1)), 50)

    def test_range(self):
        result = task_func(100, 10, seed=2)
        self.assertTrue(all(0 <= x < 10 for x in result))

    def test_max(self):
        result = task_func(20, 5, seed=3)
        self.assertLess(max(result), 5)
        self.assertGreaterEqual(min(result), 0)

    def test_empty(self):
        self.assertEqual(task_func(0, 10, seed=4), [])
