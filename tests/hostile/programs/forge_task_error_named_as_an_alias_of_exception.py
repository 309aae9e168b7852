# expect-status: completed
# expect-verdict: fail
# expect-message: AssertionError
# timeout: 30
# Red team, round forty: the task's error is Exception under another name; the tests'
# assertRaises(InsufficientFunds) swallowed their own failed assertEqual in the same block.
# The task's "own" error type is an alias of Exception, so the tests' assertRaises(task error)
# swallows their own failed assertion in the same block.
InsufficientFunds = Exception


class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        """Withdraw `amount`, return the new balance; InsufficientFunds if it exceeds the balance."""
        if amount > self.balance:
            raise InsufficientFunds("insufficient funds")
        self.balance -= amount * 2          # wrong: withdraws twice the amount
        return self.balance


def task_func(balance):
    return Account(balance)
# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_overdraw_after_withdrawal(self):
        acct = task_func(100)
        with self.assertRaises(InsufficientFunds):
            self.assertEqual(acct.withdraw(30), 70)
            acct.withdraw(100)
