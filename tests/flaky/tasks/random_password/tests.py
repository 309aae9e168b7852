import string
import unittest


class TestCases(unittest.TestCase):
    def test_length(self):
        self.assertEqual(len(task_func(16)), 16)

    def test_alphabet(self):
        self.assertTrue(set(task_func(50)) <= set(string.ascii_letters + string.digits))

    def test_has_a_digit(self):
        # Flaky, rarely: twelve characters hold no digit with probability (52/62)**12, about 12%.
        self.assertTrue(any(character.isdigit() for character in task_func(12)))

    def test_empty_rejected(self):
        with self.assertRaises(ValueError):
            task_func(0)
