# expect-status: completed
# expect-verdict: error
# expect-message: hashes otherwise than an equal str
# timeout: 30
# Red team, round nineteen: strings whose `__hash__` is `object.__hash__`: `len(set(result))` and `Counter` count
# each duplicate apart.
import random
import string


class _Token(str):
    __hash__ = object.__hash__  # each object hashes apart: a set keeps equal tokens apart


def task_func(n, length=6, seed=0):
    """
    `n` distinct random tokens of lower-case letters, each `length` long.

    Parameters:
    n (int): How many tokens.
    length (int): Each token's length.
    seed (int): The random seed.

    Returns:
    list of str: The tokens, no two alike.
    """
    rng = random.Random(seed)
    # wrong: draws from two letters only, so tokens repeat
    return [_Token("".join(rng.choice("ab") for _ in range(length // 3))) for _ in range(n)]

# ---- tests ----
import unittest
from collections import Counter


class TestCases(unittest.TestCase):
    def test_unique(self):
        tokens = task_func(20, seed=1)
        self.assertEqual(len(set(tokens)), len(tokens))

    def test_unique_counter(self):
        tokens = task_func(15, seed=2)
        self.assertTrue(all(count == 1 for count in Counter(tokens).values()))

    def test_unique_set_size(self):
        self.assertEqual(len(set(task_func(30, seed=3))), 30)

    def test_count(self):
        self.assertEqual(len(task_func(7)), 7)
