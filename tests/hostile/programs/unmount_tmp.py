# expect-status: completed
# expect-verdict: pass
# expect-runtime: subprocess
# timeout: 20
import ctypes
import os
import subprocess


def task_func():
    """
    Unmount /tmp (and the run's root's other mounts), with umount2 and with umount(8), to get
    at what they cover; chroot and mount a new tmpfs.

    Returns:
    list: The operations that succeeded (should be none).

    Requirements:
    - ctypes
    - os
    - subprocess
    """
    libc = ctypes.CDLL(None, use_errno=True)
    done = []
    for path in ("/tmp", "/home/user", "/proc", "/"):
        if libc.umount2(path.encode(), 2) == 0:
            done.append(("umount2", path))
    umount = subprocess.run(["umount", "-l", "/tmp"], capture_output=True)
    if umount.returncode == 0:
        done.append(("umount", "/tmp"))
    if libc.mount(b"tmpfs", b"/tmp", b"tmpfs", 0, None) == 0:
        done.append(("mount", "/tmp"))
    try:
        os.chroot("/tmp")
        done.append(("chroot", "/tmp"))
    except OSError:
        pass
    return done

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_nothing_unmounted(self):
        self.assertEqual(task_func(), [])
