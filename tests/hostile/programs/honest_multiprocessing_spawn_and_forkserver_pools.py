# expect-status: completed
# expect-verdict: pass
# expect-runtime: leftover_processes
# timeout: 60
# multiprocessing's "spawn" and "forkserver" start each child from the main module's file: in a
# run that was the warm worker's script, which the run's root does not show, so every child
# failed to start and the pool started them again until the time limit (red team, round 42;
# as root the supervisor did not answer for 600 s). They now start as under `python -c`. The
# fork server and the resource tracker outlive the pool until the interpreter ends, which a
# run reports as processes left running; the fork server's unix socket, in the scratch, is
# no network.
import multiprocessing
import operator


def task_func(values, method):
    """
    Absolute values and products computed by a pool of worker processes.

    Parameters:
    - values (list of int): The numbers.
    - method (str): How the workers start: "spawn" or "forkserver".

    Returns:
    - tuple: (absolute values, products of each with 3)

    Requirements:
    - multiprocessing
    - operator

    Example:
    >>> task_func([-1, 2], "spawn")
    ([1, 2], [-3, 6])
    """
    with multiprocessing.get_context(method).Pool(2) as pool:
        absolute = pool.map(abs, values)
        products = pool.starmap(operator.mul, [(value, 3) for value in values])
    return absolute, products

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_spawn(self):
        self.assertEqual(task_func([-4, 5], "spawn"), ([4, 5], [-12, 15]))

    def test_forkserver(self):
        self.assertEqual(task_func([-2], "forkserver"), ([2], [-6]))
