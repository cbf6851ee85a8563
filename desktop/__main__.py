"""Entry point of `ctxh`: the window when no subcommand is given, else the command line.

Kept light: the window path must not import SQLAlchemy before the first window shows.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run ctxh with `argv` (default: sys.argv[1:]) and return the exit code."""
    from desktop.cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
