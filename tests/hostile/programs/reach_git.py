# expect-status: completed
# expect-verdict: pass
# expect-runtime: subprocess
# timeout: 20
import os
import subprocess


def task_func():
    """
    Find a git repository (the project's, or the bank's) and read another task's tests from it.

    Returns:
    list: The git folders found and what git printed from them (should be nothing).

    Requirements:
    - os
    - subprocess
    """
    found = []
    for directory, folders, _ in os.walk("/"):
        if directory.startswith(("/proc", "/sys", "/dev")):
            folders.clear()
            continue
        if ".git" in folders:
            found.append(os.path.join(directory, ".git"))
    for git_dir in ("@@PROJECT@@/.git", "@@BANK@@/.git", *found):
        try:
            shown = subprocess.run(
                ["git", f"--git-dir={git_dir}", "log", "--oneline", "-1"],
                capture_output=True,
                text=True,
                timeout=10,
            )
        except OSError:
            continue
        if shown.returncode == 0:
            found.append(shown.stdout)
    return found

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_no_repository(self):
        self.assertEqual(task_func(), [])
