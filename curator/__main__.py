"""The `curator` command (`python -m curator`, or the `curator` script)."""

import sys


def main() -> None:
    """Loading the command's modules takes a moment: Ctrl+C then reads "interrupted" (exit
    130), as it does once a command runs, not a traceback."""
    try:
        from curator.cli import main as command
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        raise SystemExit(130) from None
    command()


if __name__ == "__main__":
    main()
