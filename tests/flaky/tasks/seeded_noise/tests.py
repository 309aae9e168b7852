import unittest

import numpy as np


class TestCases(unittest.TestCase):
    def test_shape_kept(self):
        self.assertEqual(task_func(np.zeros((3, 4))).shape, (3, 4))

    def test_no_noise(self):
        np.testing.assert_array_equal(task_func([1.0, 2.0], noise=0.0), [1.0, 2.0])

    def test_noise_averages_out(self):
        expected = np.random.default_rng(3).normal(0.0, 0.1, size=10).mean()
        self.assertAlmostEqual(float(task_func(np.zeros(10), seed=3).mean()), expected)

    def test_negative_noise(self):
        with self.assertRaises(ValueError):
            task_func([1.0], noise=-1.0)
