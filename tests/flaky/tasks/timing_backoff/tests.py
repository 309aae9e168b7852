import unittest


def failing(times, result="done"):
    """An operation that fails `times` times, then returns `result`."""
    calls = []

    def operation():
        calls.append(1)
        if len(calls) <= times:
            raise ConnectionError("not yet")
        return result

    return operation


class TestCases(unittest.TestCase):
    def test_first_try(self):
        self.assertEqual(task_func(failing(0)), "done")

    def test_succeeds_on_last_retry(self):
        # Slow: the default delays add up to 0.15 + 0.3 + 0.6 = 1.05 s.
        self.assertEqual(task_func(failing(3)), "done")

    def test_gives_up(self):
        with self.assertRaises(ConnectionError):
            task_func(failing(5), retries=2, delay=0.001)
