import unittest
from datetime import date


class TestCases(unittest.TestCase):
    def test_newborn(self):
        self.assertEqual(task_func(date.today()), 0)

    def test_born_in_2000(self):
        # Time bomb: the expected range holds only from 2025 to the end of 2040.
        self.assertIn(task_func(date(2000, 1, 1)), range(25, 41))

    def test_unborn_rejected(self):
        with self.assertRaises(ValueError):
            task_func(date(9999, 1, 1))
