"""The `ctxh` subcommands: parse, call a service, print (desktop/cli/main.py runs them)."""

from desktop.cli.main import build_parser, run

__all__ = ["build_parser", "run"]
