# expect-status: timeout
# expect-verdict: timeout
# timeout: 3
import signal
import time


def task_func():
    """
    Ignore SIGALRM, SIGTERM and SIGINT, then sleep for ever.

    Requirements:
    - signal
    - time
    """
    for number in (signal.SIGALRM, signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(number, signal.SIG_IGN)
    signal.alarm(1)
    while True:
        time.sleep(0.1)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_sleeps(self):
        task_func()
