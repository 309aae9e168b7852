import unittest


class TestCases(unittest.TestCase):
    def test_distinct(self):
        self.assertEqual(task_func("red green Red blue"), ["blue", "green", "red"])

    def test_word_order(self):
        self.assertEqual(task_func("red green blue red"), ["blue", "green", "red"])

    def test_empty(self):
        self.assertEqual(task_func(""), [])
