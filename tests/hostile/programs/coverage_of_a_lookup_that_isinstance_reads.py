# expect-status: completed
# expect-verdict: pass
# expect-branch-coverage: 50.0
# timeout: 30
# Red team, round twenty-six (coverage overstated): a record whose `__getattribute__` serves its
# fields; `isinstance` reads `__class__` through it where the class is no subclass of the one
# asked of, and the harness's checks of what the tests compare did (67% where the tests alone
# cover 50%). The harness now asks a value's type, never its `__class__`.
class Record:
    def __init__(self, **fields):
        object.__setattr__(self, "_fields", fields)

    def __getattribute__(self, name):
        if name.startswith("__"):
            return object.__getattribute__(self, name)
        fields = object.__getattribute__(self, "_fields")
        if name in fields:
            return fields[name]
        return object.__getattribute__(self, name)

    def __eq__(self, other):
        if type(other) is not Record:
            return NotImplemented
        return object.__getattribute__(self, "_fields") == object.__getattribute__(other, "_fields")

    __hash__ = None


def task_func(name, age):
    """Return a record of a person."""
    return Record(name=name, age=age)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_fields(self):
        r = task_func("ann", 3)
        self.assertEqual(r.name, "ann")
        self.assertEqual(r, Record(name="ann", age=3))
