import unittest

import numpy as np


class TestCases(unittest.TestCase):
    def test_shape_kept(self):
        self.assertEqual(task_func(np.zeros((3, 4))).shape, (3, 4))

    def test_no_noise(self):
        np.testing.assert_array_equal(task_func([1.0, 2.0], noise=0.0), [1.0, 2.0])

    def test_noise_averages_out(self):
        # Flaky: the mean of 10 draws has standard deviation 0.032, so it misses the
        # tolerance of 0.02 about half the time.
        self.assertAlmostEqual(float(task_func(np.zeros(10)).mean()), 0.0, delta=0.02)

    def test_negative_noise(self):
        with self.assertRaises(ValueError):
            task_func([1.0], noise=-1.0)
