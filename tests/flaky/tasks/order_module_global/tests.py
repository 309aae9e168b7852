import unittest


class TestCases(unittest.TestCase):
    def test_count_starts_at_one(self):
        # Flaky: the registry is a module global, so it starts at one only if no other
        # test registered a handler before this one.
        self.assertEqual(task_func("csv", print), 1)

    def test_duplicate_rejected(self):
        task_func("json", repr)
        with self.assertRaises(ValueError):
            task_func("json", str)
