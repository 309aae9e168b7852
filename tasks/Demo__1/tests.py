import unittest


class TestCases(unittest.TestCase):
    def setUp(self):
        self.logs = "\n".join([
            "2024-05-10 08:00:00 [INFO] Worker booted",
            "2024-05-10 08:00:01 [DEBUG] Cache warmed",
            "2024-05-10 08:00:02 [WARNING] Disk usage at 85%",
            "",
            "2024-05-10 08:00:03 [ERROR] Upstream returned 502",
            "2024-05-10 08:00:04 [error] Upstream returned 502",
            "2024-05-10 08:00:05 [CRITICAL] Out of memory",
            "not a log line at all",
            "2024-05-10 08:00:06 [TRACE] Unknown level entry",
        ])

    def test_default_level_skips_debug(self):
        result = task_func(self.logs)
        self.assertEqual(result['counts'], {'INFO': 1, 'WARNING': 1, 'ERROR': 2, 'CRITICAL': 1})
        self.assertEqual(list(result['counts']), ['INFO', 'WARNING', 'ERROR', 'CRITICAL'])
        self.assertEqual(result['malformed'], 2)
        self.assertEqual(result['top_message'], 'Upstream returned 502')

    def test_debug_level_includes_everything(self):
        result = task_func(self.logs, min_level='debug')
        self.assertEqual(result['counts']['DEBUG'], 1)
        self.assertEqual(sum(result['counts'].values()), 6)
        self.assertEqual(result['malformed'], 2)

    def test_high_threshold(self):
        result = task_func(self.logs, min_level='ERROR')
        self.assertEqual(result['counts'], {'ERROR': 2, 'CRITICAL': 1})
        self.assertEqual(result['top_message'], 'Upstream returned 502')

    def test_tie_broken_by_first_occurrence(self):
        logs = "2024-01-01 00:00:00 [INFO] first\n2024-01-01 00:00:01 [INFO] second"
        result = task_func(logs)
        self.assertEqual(result['top_message'], 'first')

    def test_empty_and_blank_input(self):
        result = task_func("   \n\n  ")
        self.assertEqual(result, {'counts': {}, 'malformed': 0, 'top_message': None})

    def test_unknown_min_level_raises(self):
        with self.assertRaises(ValueError):
            task_func(self.logs, min_level='VERBOSE')
