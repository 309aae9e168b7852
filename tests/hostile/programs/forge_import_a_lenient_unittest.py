# expect-status: completed
# expect-verdict: error
# expect-message: builtins of its own
# timeout: 20
import builtins
import types
import unittest


class _Lenient(unittest.TestCase):
    """What the tests' TestCases will inherit from: an assertEqual that accepts anything."""

    __module__ = "unittest.case"

    def assertEqual(self, first, second, msg=None):
        return None


_fake_unittest = types.ModuleType("unittest")
_fake_unittest.__dict__.update(vars(unittest))
_fake_unittest.TestCase = _Lenient
_real_import = builtins.__import__


def _import(name, globals=None, locals=None, fromlist=(), level=0):
    module = _real_import(name, globals, locals, fromlist, level)
    return _fake_unittest if name == "unittest" else module


_mine = dict(vars(builtins))
_mine["__import__"] = _import
globals()["__builtins__"] = _mine  # the tests' `import unittest` runs with these builtins


def task_func(a, b):
    """
    Add, wrongly.

    Parameters:
    a (int): A number.
    b (int): Another.

    Returns:
    int: a * b.

    Requirements:
    - unittest
    """
    return a * b

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_add(self):
        self.assertEqual(task_func(2, 3), 5)

    def test_add_more(self):
        result = task_func(10, 3)
        self.assertEqual(result, 13)
