import unittest

import pandas as pd


class TestCases(unittest.TestCase):
    def test_this_year(self):
        self.assertEqual(task_func(pd.Timestamp.today().year), 0)

    def test_since_2000(self):
        # Time bomb, read through pandas' clock: it holds only from 2025 to the end of 2040.
        self.assertIn(task_func(2000), range(25, 41))
