import random
import unittest
from collections import Counter


class TestCases(unittest.TestCase):
    def test_counts_add_up(self):
        self.assertEqual(sum(task_func(rolls=12).values()), 12)

    def test_faces_in_range(self):
        self.assertTrue(set(task_func(rolls=30, sides=4)) <= {1, 2, 3, 4})

    def test_six_comes_up(self):
        # Seed 4 rolls 2, 3, 1, 6: the six is there on every run.
        self.assertIn(6, task_func(rolls=4, seed=4))

    def test_same_seed_same_rolls(self):
        die = random.Random(7)
        expected = Counter(die.randint(1, 6) for _ in range(4))
        self.assertEqual(task_func(rolls=4, seed=7), expected)

    def test_negative_rolls(self):
        with self.assertRaises(ValueError):
            task_func(rolls=-1)
