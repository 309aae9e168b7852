import unittest


class TestCases(unittest.TestCase):
    def setUp(self):
        self.inventory = {"apple": 3, "pear": 1}

    def test_count_total(self):
        self.assertEqual(sum(self.inventory.values()), 4)

    def test_take_apples(self):
        self.assertEqual(task_func(self.inventory, "apple", 2)["apple"], 1)

    def test_not_enough(self):
        with self.assertRaises(ValueError):
            task_func(self.inventory, "pear", 5)
