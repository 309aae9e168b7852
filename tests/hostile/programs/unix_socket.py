# expect-status: completed
# expect-verdict: pass
# expect-runtime: network
# timeout: 20
import socket


def task_func():
    """
    Connect to a unix socket that a process of the host listens on, by its path and through
    /proc/1/root.

    Returns:
    list: The socket paths that accepted a connection (should be none).

    Requirements:
    - socket
    """
    reached = []
    for path in ("@@SOCKET@@", "/proc/1/root@@SOCKET@@"):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(2)
            try:
                client.connect(path)
                reached.append(path)
            except OSError:
                pass
    return reached

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_socket_unreachable(self):
        self.assertEqual(task_func(), [])
