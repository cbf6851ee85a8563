"""Frozen entry point: the same `ctxh` as the installed command."""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
