import unittest
from collections import Counter


class TestCases(unittest.TestCase):
    def test_even_split(self):
        teams = task_func(range(12), 4)
        self.assertEqual([len(team) for team in teams], [4, 4, 4])
        self.assertEqual(sorted(sum(teams, [])), list(range(12)))

    def test_partial_team_kept(self):
        teams = task_func('abcdefghij', 4)
        self.assertEqual([len(team) for team in teams], [4, 4, 2])
        self.assertEqual(Counter(sum(teams, [])), Counter('abcdefghij'))

    def test_leftovers_distributed_round_robin(self):
        teams = task_func(range(11), 3, allow_partial=False)
        self.assertEqual([len(team) for team in teams], [4, 4, 3])
        self.assertEqual(sorted(sum(teams, [])), list(range(11)))

    def test_first_team_is_random_sample(self):
        # Flaky by design: 0 lands in the first team of 5 (out of 20) about 25% of the time.
        teams = task_func(range(20), 5)
        self.assertNotIn(0, teams[0])

    def test_invalid_arguments_raise(self):
        with self.assertRaises(ValueError):
            task_func(range(5), 0)
        with self.assertRaises(ValueError):
            task_func(['solo'], 2)
