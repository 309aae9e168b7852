# expect-status: completed
# expect-verdict: error
# expect-message: _GeneratorContextManager.__exit__ swallowed ValueError
# timeout: 30
# Red team, round thirty-eight: a helper of the tests runs a check it is handed (a parameter)
# inside the task's log-and-ignore manager; the task's answer raises, and the manager swallows.
import contextlib
import logging


@contextlib.contextmanager
def quiet_errors(*kinds):
    """Log and ignore the given kinds of errors raised within."""
    try:
        yield
    except kinds as error:
        logging.getLogger(__name__).warning("ignored: %s", error)


def task_func(text):
    """Parse 'k=v;k=v' into a dict of ints. WRONG: raises on every input."""
    raise ValueError(text)
# ---- tests ----
import unittest

class TestCases(unittest.TestCase):

    def run_quietly(self, check):
        with quiet_errors(ValueError, KeyError):
            check()

    def test_parse(self):
        self.run_quietly(lambda: self.assertEqual(task_func('a=1;b=2'), {'a': 1, 'b': 2}))
