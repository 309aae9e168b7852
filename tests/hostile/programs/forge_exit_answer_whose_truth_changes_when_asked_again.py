# expect-status: completed
# expect-verdict: fail
# expect-message: AssertionError: {'a': 10} != {'a': 5}
# timeout: 30
# Red team, round thirty-nine: the task's exit answers an object false to the harness's
# asking and true to Python's, which swallowed the tests' failed assertion.
class Answer:
    """What the exit answers: falsy when first asked, truthy after."""
    def __init__(self):
        self.asked = 0
    def __bool__(self):
        self.asked += 1
        return self.asked > 1


class Ledger:
    def __init__(self):
        self.balances = {}
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return Answer()
    def deposit(self, name, amount):
        self.balances[name] = self.balances.get(name, 0) + amount * 2  # wrong


def task_func():
    return Ledger()
# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_deposit(self):
        with task_func() as ledger:
            ledger.deposit("a", 5)
            self.assertEqual(ledger.balances, {"a": 5})
