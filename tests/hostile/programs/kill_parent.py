# expect-status: completed
# expect-verdict: pass
# expect-runtime: signal
# timeout: 20
import os
import signal


def task_func():
    """
    Try to kill the parent process and every other process in sight.

    Returns:
    list: The pids that could be killed (should be none but the task's own).

    Requirements:
    - os
    - signal
    """
    killed = []
    targets = {os.getppid(), 1}
    targets.update(int(entry) for entry in os.listdir("/proc") if entry.isdigit())
    targets.discard(os.getpid())
    for pid in sorted(targets):
        try:
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
        except (OSError, ValueError):
            pass
    try:
        os.killpg(os.getpgid(os.getppid() or 1), signal.SIGKILL)
        killed.append("group")
    except OSError:
        pass
    return killed

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_nothing_killed(self):
        self.assertEqual(task_func(), [])
