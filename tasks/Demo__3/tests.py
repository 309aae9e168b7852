import unittest


class TestCases(unittest.TestCase):
    def test_summer_conversion_and_statuses(self):
        result = task_func(
            ['2024-07-01 03:00', '2024-07-01 11:00', '2024-07-06 12:00'],
            'Europe/London', 'America/New_York',
        )
        self.assertEqual(result, [
            ('2024-06-30 22:00 EDT', 'weekend'),
            ('2024-07-01 06:00 EDT', 'off-hours'),
            ('2024-07-06 07:00 EDT', 'weekend'),
        ])

    def test_daylight_saving_changes_offset(self):
        winter = task_func(['2024-01-15 12:00'], 'UTC', 'Europe/Paris')
        summer = task_func(['2024-07-15 12:00'], 'UTC', 'Europe/Paris')
        self.assertEqual(winter, [('2024-01-15 13:00 CET', 'working')])
        self.assertEqual(summer, [('2024-07-15 14:00 CEST', 'working')])

    def test_custom_working_hours_boundaries(self):
        stamps = ['2024-03-12 07:00', '2024-03-12 06:59', '2024-03-12 15:00']
        result = task_func(stamps, 'Asia/Kolkata', 'Asia/Kolkata', work_start=7, work_end=15)
        self.assertEqual([status for _, status in result], ['working', 'off-hours', 'off-hours'])

    def test_empty_input(self):
        self.assertEqual(task_func([], 'UTC', 'Asia/Tokyo'), [])

    def test_unknown_time_zone_raises(self):
        with self.assertRaises(ValueError):
            task_func(['2024-01-01 10:00'], 'Mars/Olympus_Mons', 'UTC')
        with self.assertRaises(ValueError):
            task_func(['2024-01-01 10:00'], 'UTC', '../etc/passwd')

    def test_invalid_hours_or_format_raise(self):
        with self.assertRaises(ValueError):
            task_func(['2024-01-01 10:00'], 'UTC', 'UTC', work_start=18, work_end=9)
        with self.assertRaises(ValueError):
            task_func(['01/02/2024 10:00'], 'UTC', 'UTC')
