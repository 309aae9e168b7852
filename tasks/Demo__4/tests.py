import unittest
import os
import shutil
import tempfile


class TestCases(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.path = os.path.join(self.dir, 'data.csv')

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, text):
        with open(self.path, 'w', newline='', encoding='utf-8') as handle:
            handle.write(text)

    def test_basic_statistics(self):
        self.write('city,temp\nOslo,4\nRome,18\nCairo,29\nLima,17\n')
        result = task_func(self.path, 'temp')
        self.assertEqual(result['count'], 4)
        self.assertEqual(result['mean'], 17.0)
        self.assertEqual(result['median'], 17.5)
        self.assertEqual(result['stdev'], 10.23)
        self.assertEqual((result['min'], result['max']), (4.0, 29.0))
        self.assertEqual(result['skipped'], 0)

    def test_skips_blank_missing_and_text_cells(self):
        self.write('id,score,note\n1,10,ok\n2,,empty\n3,abc,text\n4\n5,20,ok\n')
        result = task_func(self.path, 'score')
        self.assertEqual(result['count'], 2)
        self.assertEqual(result['skipped'], 3)
        self.assertEqual(result['mean'], 15.0)

    def test_precision(self):
        self.write('x\n1\n2\n2\n')
        result = task_func(self.path, 'x', precision=4)
        self.assertEqual(result['mean'], 1.6667)
        self.assertEqual(result['stdev'], 0.5774)

    def test_missing_column_raises(self):
        self.write('a,b\n1,2\n')
        with self.assertRaises(KeyError):
            task_func(self.path, 'c')

    def test_empty_file_raises(self):
        self.write('')
        with self.assertRaises(KeyError):
            task_func(self.path, 'a')

    def test_no_numeric_values_raises(self):
        self.write('name,value\nx,\ny,unknown\n')
        with self.assertRaises(ValueError):
            task_func(self.path, 'value')
