import unittest


class TestCases(unittest.TestCase):
    def setUp(self):
        _HANDLERS.clear()

    def test_count_starts_at_one(self):
        self.assertEqual(task_func("csv", print), 1)

    def test_duplicate_rejected(self):
        task_func("json", repr)
        with self.assertRaises(ValueError):
            task_func("json", str)
