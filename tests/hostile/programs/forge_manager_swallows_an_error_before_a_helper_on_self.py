# expect-status: completed
# expect-verdict: error
# expect-message: Ledger.__exit__ swallowed KeyError
# timeout: 30
# Red team, round thirty-eight: the tests check through a helper object kept on self
# (self.expect.balances) after a step the task's transaction fails on purpose, and swallows.
class Ledger:
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
        raise KeyError(src)  # WRONG: never transfers

    def balance(self, name):
        return self.balances[name]


def task_func(balances):
    return Ledger(balances)
# ---- tests ----
import unittest

class Expect:

    def __init__(self, case):
        self.case = case

    def balances(self, ledger, **want):
        for name, value in want.items():
            self.case.assertEqual(ledger.balance(name), value)

class Base(unittest.TestCase):

    def check(self, ledger, **want):
        for name, value in want.items():
            self.assertEqual(ledger.balance(name), value)

class TestCases(Base):

    def setUp(self):
        self.expect = Expect(self)

    def test_attribute_helper(self):
        with task_func({'a': 10, 'b': 0}) as ledger:
            ledger.transfer('a', 'b', 4)
            self.expect.balances(ledger, a=6, b=4)
