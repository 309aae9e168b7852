# expect-status: timeout
# expect-verdict: timeout
# timeout: 4
import os
import time


def task_func():
    """
    Compute in processes two forks away that end before the time limit (the run's supervisor
    reaps them, so no live process of the run carries their CPU time at the deadline), then
    sleep until the limit: a run that computed for seconds would pass for one that waited
    (and its next validation would run beside the computing jobs, unheld by the gate).

    Requirements:
    - os
    - time
    """
    end = time.monotonic() + 2.5
    for _ in range(2):
        child = os.fork()
        if child == 0:
            if os.fork() == 0:
                while time.monotonic() < end:
                    pass
            os._exit(0)
        os.waitpid(child, 0)
    time.sleep(60)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_compute_then_wait(self):
        task_func()
