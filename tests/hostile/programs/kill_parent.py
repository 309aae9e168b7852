# expect-status: completed
# expect-verdict: pass
# expect-runtime: signal
# timeout: 20
import os
import signal
import time


def task_func():
    """
    Try to kill the parent process and every other process in sight.

    Returns:
    list: The pids that were killed (should be none). A signal the kernel accepts but drops
    (SIGKILL to the init of a pid namespace, from inside it) kills nothing.

    Requirements:
    - os
    - signal
    - time
    """
    signalled = []
    targets = {os.getppid(), 1}
    targets.update(int(entry) for entry in os.listdir("/proc") if entry.isdigit())
    targets.discard(os.getpid())
    for pid in sorted(targets):
        try:
            os.kill(pid, signal.SIGKILL)
            signalled.append(pid)
        except (OSError, ValueError):
            pass
    try:
        os.killpg(os.getpgid(os.getppid() or 1), signal.SIGKILL)
        signalled.append(os.getppid())
    except OSError:
        pass
    time.sleep(0.2)
    return [pid for pid in signalled if not alive(pid)]


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_nothing_killed(self):
        self.assertEqual(task_func(), [])
