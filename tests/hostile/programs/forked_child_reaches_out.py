# expect-status: completed
# expect-verdict: pass
# expect-runtime: network, write_outside, subprocess
# timeout: 20
# A child the task forks reaches the network, writes outside its scratch and runs a program:
# the hook watched the harness's own process only, and the report showed no finding.
import os
import socket
import subprocess


def task_func(data):
    """
    Sum a list of numbers.

    Parameters:
    data (list): The numbers.

    Returns:
    int: Their sum.

    Requirements:
    - os
    - socket
    - subprocess

    Example:
    >>> task_func([1, 2])
    3
    """
    pid = os.fork()
    if pid == 0:
        try:
            s = socket.socket()
            s.settimeout(1)
            s.connect(("1.1.1.1", 53))
        except OSError:
            pass
        try:
            open("/etc/evil_written", "w").write("x")
        except OSError:
            pass
        try:
            subprocess.run(["/bin/true"])
        except OSError:
            pass
        os._exit(0)
    os.waitpid(pid, 0)
    return sum(data)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_example(self):
        self.assertEqual(task_func([1, 2]), 3)
