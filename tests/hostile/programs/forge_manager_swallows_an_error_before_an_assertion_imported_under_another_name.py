# expect-status: completed
# expect-verdict: error
# expect-message: Ledger.__exit__ swallowed KeyError
# timeout: 30
# Red team, round thirty-nine: from numpy.testing import assert_allclose as close; the check
# after the task's error went unseen.
import contextlib


class Ledger:
    def __init__(self):
        self.log = []
    def __enter__(self):
        return self
    def __exit__(self, kind, error, trace):
        if kind is not None and not issubclass(kind, AssertionError):
            self.log.append(repr(error))   # log and ignore
            return True
        return False
    def balance(self, name):
        raise KeyError(name)               # wrong: always fails


def task_func():
    return Ledger()
# ---- tests ----
import unittest
from numpy.testing import assert_allclose as close

class TestCases(unittest.TestCase):

    def test_import_alias(self):
        with task_func() as ledger:
            b = ledger.balance('a')
            close(b, 0.0)
