import unittest
from datetime import date


class TestCases(unittest.TestCase):
    def test_shape(self):
        name = task_func("sales")
        self.assertTrue(name.startswith("sales-") and name.endswith(".csv"))

    def test_dated_today(self):
        # Flaky: compares the UTC date with the local date, which differ for part of every
        # day wherever the time zone is not UTC.
        self.assertEqual(task_func("sales"), f"sales-{date.today():%Y-%m-%d}.csv")

    def test_empty_name(self):
        with self.assertRaises(ValueError):
            task_func("")
