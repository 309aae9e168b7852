# expect-status: completed
# expect-verdict: pass
# timeout: 20


def task_func():
    """
    Read the capability sets of the task's own process.

    Returns:
    dict: Each capability set that is not empty, with its mask (should be none).

    Requirements:
    - (standard library only)
    """
    with open("/proc/self/status") as status:
        sets = dict(line.split(":\t") for line in status if line.startswith("Cap"))
    held = {name: mask.strip() for name, mask in sets.items() if int(mask, 16)}
    with open("/proc/self/status") as status:
        no_new_privs = [line.split()[1] for line in status if line.startswith("NoNewPrivs")]
    if no_new_privs != ["1"]:
        held["NoNewPrivs"] = no_new_privs
    return held

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_no_capabilities(self):
        self.assertEqual(task_func(), {})
