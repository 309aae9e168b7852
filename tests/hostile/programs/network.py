# expect-status: completed
# expect-verdict: pass
# expect-runtime: network
# timeout: 20
import socket
import urllib.request


def task_func():
    """
    Try to reach a server that listens on the host's loopback, and the internet.

    Returns:
    list: What could be reached (should be nothing).

    Requirements:
    - socket
    - urllib
    """
    reached = []
    for host, port in (("127.0.0.1", @@PORT@@), ("1.1.1.1", 53)):
        try:
            with socket.create_connection((host, port), timeout=2):
                reached.append((host, port))
        except OSError:
            pass
    try:
        socket.getaddrinfo("example.com", 80)
        reached.append("dns")
    except OSError:
        pass
    return reached

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_isolated(self):
        self.assertEqual(task_func(), [])
