import unittest


class TestCases(unittest.TestCase):
    def test_accents_punctuation_and_case(self):
        self.assertEqual(task_func('Héllo, Wörld! Ça va?'), 'hello-world-ca-va')
        self.assertEqual(task_func('--Already--Sluggy--'), 'already-sluggy')

    def test_compatibility_characters_and_dropped_symbols(self):
        self.assertEqual(task_func('Ｆｕｌｌｗｉｄｔｈ ﬁle №5'), 'fullwidth-file-no5')
        self.assertEqual(task_func('Price: 100€ 東京 deal'), 'price-100-deal')

    def test_custom_separator(self):
        self.assertEqual(task_func('Release Notes v2.1', separator='_'), 'release_notes_v2_1')
        self.assertEqual(task_func('Release Notes v2.1', separator='.'), 'release.notes.v2.1')

    def test_truncation_at_word_boundary(self):
        title = 'The Quick Brown Fox Jumps Over The Lazy Dog'
        self.assertEqual(task_func(title, max_length=20), 'the-quick-brown-fox')
        self.assertEqual(task_func(title, max_length=19), 'the-quick-brown-fox')
        self.assertEqual(task_func(title, max_length=18), 'the-quick-brown')
        self.assertTrue(all(len(task_func(title, max_length=n)) <= n for n in range(3, 60)))

    def test_hard_cut_of_long_first_word(self):
        self.assertEqual(task_func('Supercalifragilistic expialidocious', max_length=8), 'supercal')

    def test_invalid_arguments_raise(self):
        with self.assertRaises(ValueError):
            task_func('hello', max_length=0)
        with self.assertRaises(ValueError):
            task_func('hello', separator='/')
        with self.assertRaises(ValueError):
            task_func('東京 ¿¡!?')
