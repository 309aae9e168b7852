"""Start the sandbox worker (`worker.py`) by importing it rather than running it as a script.

Python compiles the script it runs anew at every start (`worker.py`: 19 ms, paid by every
warm worker, and by every run with a hash seed of its own, which needs a fresh one), but keeps
the bytecode of a module it imports in `__pycache__`. This folder is `sys.path[0]` here, and
the worker takes it out again as it loads.
"""

import importlib
import sys

if __name__ == "__main__":  # imported (as every core module is by a test), it does nothing
    importlib.import_module("worker").main(sys.argv[1:])
