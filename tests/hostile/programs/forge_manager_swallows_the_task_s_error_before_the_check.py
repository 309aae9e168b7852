# expect-status: completed
# expect-verdict: error
# expect-message: Safe.__exit__ swallowed KeyError
# timeout: 30
# Round thirty-seven's rule: a manager of the task's may swallow only what ends its block before
# any check; here the task's own error comes inside the tests' assertion, and after it.
import contextlib


class Safe:
    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        return kind is not None and issubclass(kind, LookupError)


def lookup(table, key):
    raise KeyError(key)


def task_func():
    """A manager within which lookups happen. WRONG: `lookup` always raises, the manager
    swallows it, and the check on its answer never runs."""
    return Safe()
# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_lookup(self):
        with task_func():
            self.assertEqual(lookup({"a": 1}, "a"), 1)

    def test_lookup_later(self):
        with task_func():
            value = lookup({"a": 1}, "a")
            self.assertEqual(value, 1)
