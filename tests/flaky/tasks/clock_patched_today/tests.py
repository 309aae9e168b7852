import unittest
from datetime import date
from unittest import mock


class FixedDate(date):
    """A date whose today() is always 15 June 2030."""

    @classmethod
    def today(cls):
        return cls(2030, 6, 15)


class TestCases(unittest.TestCase):
    def test_newborn(self):
        self.assertEqual(task_func(date.today()), 0)

    def test_born_in_2000(self):
        # The time bomb's twin: the clock the solution reads is patched, so it never goes off.
        with mock.patch.dict(task_func.__globals__, {"date": FixedDate}):
            self.assertEqual(task_func(date(2000, 1, 1)), 30)
            self.assertEqual(task_func(date(2000, 6, 16)), 29)

    def test_unborn_rejected(self):
        with self.assertRaises(ValueError):
            task_func(date(9999, 1, 1))
