import unittest
import json
import os
import shutil
import tempfile


class TestCases(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, name, content):
        with open(os.path.join(self.dir, name), 'w', encoding='utf-8') as handle:
            if isinstance(content, str):
                handle.write(content)
            else:
                json.dump(content, handle)

    def test_layers_merged_in_alphabetical_order(self):
        self.write('b.json', {'log': {'level': 'warning'}, 'name': 'second'})
        self.write('a.json', {'log': {'level': 'debug', 'file': 'app.log'}, 'name': 'first'})
        result = task_func(self.dir)
        self.assertEqual(result, {'log': {'level': 'warning', 'file': 'app.log'}, 'name': 'second'})

    def test_non_json_files_and_directories_ignored(self):
        self.write('a.json', {'x': 1})
        self.write('notes.txt', 'not json at all')
        os.mkdir(os.path.join(self.dir, 'nested.json'))
        self.assertEqual(task_func(self.dir), {'x': 1})

    def test_dict_replaced_by_scalar_and_lists_replaced(self):
        self.write('1.json', {'cache': {'ttl': 5}, 'hosts': ['a', 'b']})
        self.write('2.json', {'cache': None, 'hosts': ['c']})
        self.assertEqual(task_func(self.dir), {'cache': None, 'hosts': ['c']})

    def test_override_applied_last_and_copied(self):
        self.write('base.json', {'db': {'host': 'localhost', 'port': 5432}})
        override = {'db': {'port': 6543}, 'extra': {'flag': True}}
        result = task_func(self.dir, override=override)
        self.assertEqual(result, {'db': {'host': 'localhost', 'port': 6543}, 'extra': {'flag': True}})
        result['extra']['flag'] = False
        self.assertTrue(override['extra']['flag'])

    def test_empty_directory(self):
        self.assertEqual(task_func(self.dir), {})

    def test_missing_directory_raises(self):
        with self.assertRaises(FileNotFoundError):
            task_func(os.path.join(self.dir, 'does-not-exist'))

    def test_invalid_layers_raise(self):
        self.write('a.json', '[1, 2, 3]')
        with self.assertRaises(ValueError):
            task_func(self.dir)
        self.write('a.json', '{"unterminated": ')
        with self.assertRaises(ValueError):
            task_func(self.dir)
