import unittest
import numpy as np
import pandas as pd


class TestCases(unittest.TestCase):
    def setUp(self):
        self.df = pd.DataFrame({
            'store': ['b', 'a', 'b', 'c', 'a', 'b'],
            'sales': [100.0, 50.0, 300.0, 25.0, 25.0, 0.0],
            'units': [1, 2, 1, 0, 2, 4],
        })

    def test_unweighted_summary(self):
        result = task_func(self.df, 'store', 'sales')
        self.assertEqual(list(result.index), ['a', 'b', 'c'])
        self.assertEqual(result.index.name, 'store')
        self.assertEqual(list(result.columns), ['count', 'mean', 'share'])
        self.assertEqual(result['count'].tolist(), [2, 3, 1])
        self.assertEqual(result['mean'].tolist(), [37.5, 133.33, 25.0])
        self.assertEqual(result['share'].tolist(), [15.0, 80.0, 5.0])

    def test_weighted_mean_and_zero_weight_group(self):
        result = task_func(self.df, 'store', 'sales', weight_col='units')
        self.assertEqual(result.loc['a', 'mean'], 37.5)
        self.assertEqual(result.loc['b', 'mean'], 66.67)
        self.assertTrue(np.isnan(result.loc['c', 'mean']))
        self.assertEqual(result['share'].tolist(), [15.0, 80.0, 5.0])

    def test_zero_total_gives_nan_shares(self):
        df = pd.DataFrame({'g': ['x', 'y', 'x'], 'v': [1.0, 0.0, -1.0]})
        result = task_func(df, 'g', 'v')
        self.assertTrue(result['share'].isna().all())
        self.assertEqual(result['mean'].tolist(), [0.0, 0.0])

    def test_numeric_group_labels(self):
        df = pd.DataFrame({'year': [2023, 2022, 2023], 'amount': [1, 2, 3]})
        result = task_func(df, 'year', 'amount')
        self.assertEqual(list(result.index), [2022, 2023])
        self.assertAlmostEqual(result.loc[2023, 'share'], 66.67)

    def test_missing_columns_and_empty_raise(self):
        with self.assertRaises(ValueError):
            task_func(self.df, 'region', 'sales')
        with self.assertRaises(ValueError):
            task_func(self.df, 'store', 'sales', weight_col='weight')
        with self.assertRaises(ValueError):
            task_func(self.df.iloc[0:0], 'store', 'sales')

    def test_negative_weight_raises(self):
        df = self.df.assign(units=[1, 1, -1, 1, 1, 1])
        with self.assertRaises(ValueError):
            task_func(df, 'store', 'sales', weight_col='units')
