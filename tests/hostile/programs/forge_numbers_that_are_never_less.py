# expect-status: completed
# expect-verdict: error
# expect-message: otherwise than its own int does
# timeout: 30
# Red team, round nineteen: ints whose `__lt__` says no to everything: `sorted()` and `min()` keep the order given.
import random


class _Score(int):
    def __lt__(self, other):  # never less: sorted() keeps the order it was given
        return False


def task_func(n, seed=0):
    """
    `n` random scores between 0 and 100, sorted in ascending order.

    Parameters:
    n (int): How many scores.
    seed (int): The random seed.

    Returns:
    list of int: The scores, ascending.
    """
    rng = random.Random(seed)
    return [_Score(rng.randint(0, 100)) for _ in range(n)]  # wrong: not sorted

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_sorted(self):
        scores = task_func(20, seed=1)
        self.assertEqual(scores, sorted(scores))

    def test_sorted_list(self):
        result = task_func(10, seed=2)
        self.assertListEqual(result, sorted(result))

    def test_min_first(self):
        result = task_func(12, seed=3)
        self.assertEqual(result[0], min(result))

    def test_range(self):
        self.assertTrue(all(0 <= s <= 100 for s in task_func(30)))
