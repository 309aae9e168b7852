# expect-status: completed
# expect-verdict: error
# expect-message: Ledger.__exit__ swallowed KeyError
# timeout: 30
# Red team, round thirty-eight: the tests check under a name of their own (eq = self.assertEqual)
# after a step the task's transaction fails on purpose, and swallows.
import contextlib


class Ledger:
    """A ledger of accounts, used as a transaction: a failed operation in the block is
    rolled back and swallowed (logged)."""

    def __init__(self, balances):
        self.balances = dict(balances)

    def __enter__(self):
        self._saved = dict(self.balances)
        return self

    def __exit__(self, kind, error, trace):
        if kind is not None and not issubclass(kind, AssertionError):
            self.balances = self._saved
            return True
        return False

    def transfer(self, src, dst, amount):
        # WRONG: should move `amount`; it raises instead
        raise KeyError(src)

    def balance(self, name):
        return self.balances[name]


def task_func(balances):
    return Ledger(balances)
# ---- tests ----
import unittest

class TestCases(unittest.TestCase):

    def test_transfer(self):
        eq = self.assertEqual
        with task_func({'a': 10, 'b': 0}) as ledger:
            ledger.transfer('a', 'b', 4)
            eq(ledger.balance('a'), 6)
            eq(ledger.balance('b'), 4)
