import unittest
import numpy as np


class TestCases(unittest.TestCase):
    def test_detects_high_and_low_outliers(self):
        values = [20.1, 19.8, 20.4, 20.0, 35.0, 19.9, 20.2, 3.0]
        result = task_func(values)
        self.assertAlmostEqual(result['median'], 20.05)
        self.assertAlmostEqual(result['mad'], 0.2)
        np.testing.assert_array_equal(result['outliers'], [35.0, 3.0])
        self.assertEqual(result['mask'].dtype, bool)
        self.assertEqual(result['mask'].tolist(), [False] * 4 + [True, False, False, True])

    def test_threshold_changes_sensitivity(self):
        values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 14]
        self.assertEqual(task_func(values)['outliers'].size, 0)
        strict = task_func(values, threshold=2.0)
        np.testing.assert_array_equal(strict['outliers'], [14.0])

    def test_zero_mad(self):
        result = task_func(np.array([7, 7, 7, 7, 7.5, 7]))
        self.assertEqual(result['mad'], 0.0)
        np.testing.assert_array_equal(result['outliers'], [7.5])
        constant = task_func([3, 3, 3])
        self.assertFalse(constant['mask'].any())

    def test_no_outliers_in_clean_data(self):
        rng = np.random.default_rng(0)
        result = task_func(rng.normal(50, 1, size=200), threshold=10)
        self.assertEqual(result['outliers'].size, 0)
        self.assertEqual(result['mask'].shape, (200,))

    def test_invalid_input_raises(self):
        for bad in ([], [[1, 2], [3, 4]], [1.0, float('nan')], [1.0, np.inf]):
            with self.subTest(values=bad):
                with self.assertRaises(ValueError):
                    task_func(bad)
        with self.assertRaises(ValueError):
            task_func([1, 2, 3], threshold=0)
