import unittest
from datetime import date, datetime, timezone


class TestCases(unittest.TestCase):
    def test_shape(self):
        name = task_func("sales")
        self.assertTrue(name.startswith("sales-") and name.endswith(".csv"))

    def test_given_day(self):
        self.assertEqual(task_func("sales", date(2024, 2, 29)), "sales-2024-02-29.csv")

    def test_dated_today_in_utc(self):
        today = datetime.now(timezone.utc).date()
        self.assertEqual(task_func("sales"), f"sales-{today:%Y-%m-%d}.csv")

    def test_empty_name(self):
        with self.assertRaises(ValueError):
            task_func("")
