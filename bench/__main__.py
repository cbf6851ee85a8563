"""Run the benchmarks and write bench/results.md.

    python -m bench [--cases 100000]
                    [--only insert,search,cases,sync,hub,hubstatus,excel,window,build,durability,encryption,
                           reports,duplicates,watchdog,cards]
                    [--update]

A full run rewrites bench/results.md; a partial run prints its figures, and with --update replaces just its
sections in bench/results.md (noting when they were measured again).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
from pathlib import Path

from bench.common import ROOT, Result, demo_profile


def write(results: list[Result], cases: int) -> str:
    """The results as Markdown."""
    lines = [
        "# Benchmark results",
        "",
        f"Run {dt.datetime.now():%Y-%m-%d %H:%M} on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, SQLite {__import__('sqlite3').sqlite_version}; "
        f"profile of {cases:,} demo cases. Produced by `make bench` (`python -m bench`); every figure is beside "
        "a raw baseline measured in the same run. Ratios: for throughput, baseline time ÷ ours "
        "(the share of raw speed we keep); for latency, ours ÷ baseline.",
        "",
    ]
    section = None
    for r in results:
        if r.section != section:
            section = r.section
            lines += ["", f"## {section}", "", "| figure | ours | baseline | ratio | goal | met |",
                      "|---|---|---|---|---|---|"]
        met = "—" if r.met is None else ("yes" if r.met else "**no**")
        lines.append(f"| {r.name} | {r.ours} | {r.baseline} | {r.ratio} | {r.goal} | {met} |")
    return "\n".join(lines) + "\n"


def update(text: str, path: Path) -> str:
    """bench/results.md with the sections of `text` (a partial run) put in place of their older figures."""
    def split(markdown: str) -> tuple[str, dict[str, str]]:
        head, *parts = markdown.split("\n## ")
        return head, {part.split("\n", 1)[0]: "## " + part.rstrip() + "\n" for part in parts}

    head, sections = split(path.read_text(encoding="utf-8"))
    _new_head, fresh = split(text)
    sections.update(fresh)
    note = f"Re-measured {dt.datetime.now():%Y-%m-%d %H:%M} (a partial run): {'; '.join(fresh)}."
    # An older note that names only sections measured again now is dropped; the others stay.
    kept = [line for line in head.rstrip().splitlines() if not (
        line.startswith("Re-measured ") and all(f" {name}" in line for name in fresh)
        and line.count("; ") + 1 <= len(fresh))]
    while kept and not kept[-1].strip():
        kept.pop()
    return "\n".join([*kept, "", note, ""]) + "\n" + "\n".join(sections.values())


def main() -> int:
    """Parse arguments, run, print and write the table."""
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--only", default="insert,search,cases,sync,hub,hubstatus,excel,window,build,durability,"
                                          "encryption,reports,duplicates,watchdog,cards")
    parser.add_argument("--communes", type=int, default=100, help="communes of the simulated province (hub)")
    parser.add_argument("--update", action="store_true", help="a partial run replaces its sections of results.md")
    args = parser.parse_args()
    chosen = set(args.only.split(","))
    results: list[Result] = []
    # The large demo profile only for the benchmarks that read it (it takes minutes to build the first time).
    profile = demo_profile(args.cases) if chosen & {"search", "cases", "sync", "window", "build", "encryption",
                                                    "reports"} \
        else Path()
    if "insert" in chosen:
        from bench import bench_insert

        results += bench_insert.run(args.cases)
    if "search" in chosen:
        from bench import bench_search

        results += bench_search.run(profile)
    if "cases" in chosen:
        from bench import bench_cases

        results += bench_cases.run(profile)
    if "sync" in chosen:
        from bench import bench_sync

        results += bench_sync.run(profile)
    if "hub" in chosen:
        from bench import bench_hub

        results += bench_hub.run(args.communes)
    if "hubstatus" in chosen:
        from bench import bench_hub_status

        results += bench_hub_status.run()
    if "excel" in chosen:
        from bench import bench_excel

        results += bench_excel.run()
    if "window" in chosen:
        from bench import bench_window

        results += bench_window.run(profile)
    if "build" in chosen:
        from bench import bench_build

        results += bench_build.run(profile)
    if "durability" in chosen:
        from bench import bench_durability

        results += bench_durability.run()
    if "encryption" in chosen:
        from bench import bench_encryption

        results += bench_encryption.run(profile)
    if "reports" in chosen:
        from bench import bench_reports

        results += bench_reports.run(profile)
    if "duplicates" in chosen:
        from bench import bench_duplicates

        results += bench_duplicates.run()
    if "watchdog" in chosen:
        from bench import bench_watchdog

        results += bench_watchdog.run(args.cases)
    if "cards" in chosen:
        from bench import bench_cards

        results += bench_cards.run()
    text = write(results, args.cases)
    print(text)
    target = ROOT / "bench" / "results.md"
    if chosen == {"insert", "search", "cases", "sync", "hub", "hubstatus", "excel", "window", "build", "durability",
                  "encryption", "reports", "duplicates", "watchdog", "cards"}:
        target.write_text(text, encoding="utf-8")
    elif args.update and target.exists():
        target.write_text(update(text, target), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
