import unittest
import os
import shutil
import sqlite3
import tempfile


class TestCases(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.db = os.path.join(self.dir, 'sales.db')
        conn = sqlite3.connect(self.db)
        conn.execute('CREATE TABLE sales (region TEXT, rep TEXT, revenue REAL)')
        conn.executemany('INSERT INTO sales VALUES (?, ?, ?)', [
            ('north', 'kim', 120.5),
            ('south', 'lee', 80.0),
            ('north', 'max', 79.5),
            ('east', 'ola', 200.0),
            ('west', 'pat', None),
            ('south', 'quy', 120.0),
        ])
        conn.commit()
        conn.close()

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_totals_ordered_with_ties(self):
        result = task_func(self.db, 'sales', 'region', 'revenue')
        # north, south and east all total 200.0; ties are ordered by group name.
        self.assertEqual(result, [('east', 200.0), ('north', 200.0), ('south', 200.0)])

    def test_null_only_group_excluded_and_other_grouping(self):
        result = task_func(self.db, 'sales', 'rep', 'revenue')
        self.assertEqual(result[0], ('ola', 200.0))
        self.assertNotIn('pat', [group for group, _ in result])
        self.assertEqual(len(result), 5)

    def test_top_n(self):
        result = task_func(self.db, 'sales', 'rep', 'revenue', top_n=2)
        self.assertEqual(result, [('ola', 200.0), ('kim', 120.5)])

    def test_missing_database_raises(self):
        with self.assertRaises(FileNotFoundError):
            task_func(os.path.join(self.dir, 'nope.db'), 'sales', 'region', 'revenue')

    def test_invalid_identifiers_and_top_n_raise(self):
        with self.assertRaises(ValueError):
            task_func(self.db, 'sales; DROP TABLE sales', 'region', 'revenue')
        with self.assertRaises(ValueError):
            task_func(self.db, 'sales', 'region\n', 'revenue')
        with self.assertRaises(ValueError):
            task_func(self.db, 'sales', 'region', 'revenue', top_n=0)
        conn = sqlite3.connect(self.db)
        self.assertEqual(conn.execute('SELECT COUNT(*) FROM sales').fetchone()[0], 6)
        conn.close()

    def test_unknown_table_or_column_raise(self):
        with self.assertRaises(ValueError):
            task_func(self.db, 'customers', 'region', 'revenue')
        with self.assertRaises(ValueError):
            task_func(self.db, 'sales', 'region', 'profit')
