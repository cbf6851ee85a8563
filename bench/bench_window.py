"""Start-up of the window: cold start vs a bare PySide6 window, and the 100,000-case list's first rows."""

from __future__ import annotations

import sys
from pathlib import Path

from bench.common import ROOT, Result, median, ms, run_marked

BARE_WINDOW = ROOT / "bench" / "bare_window.py"
RUNS = 9


def run(profile: Path) -> list[Result]:
    """Interleave runs of ours and the bare window; report medians."""
    ours_cmd = [sys.executable, "-m", "desktop", "--data-dir", str(profile), "gui", "--user", "demo",
                "--page", "cases"]
    bare_cmd = [sys.executable, str(BARE_WINDOW)]
    ours_shown, ours_rows, ours_rss, bare_shown, bare_rss, page_open = [], [], [], [], [], []
    for _ in range(RUNS):
        marks, _wall, rss = run_marked(ours_cmd, {}, "first_rows_cases")
        ours_shown.append(marks["window_shown"])
        ours_rows.append(marks["first_rows_cases"])
        page_open.append(marks["first_rows_cases"] - marks["profile_ready"])
        ours_rss.append(rss)
        marks, _wall, rss = run_marked(bare_cmd, {}, "window_shown")
        bare_shown.append(marks["window_shown"])
        bare_rss.append(rss)
    section = "Window start-up (offscreen, process start → milestone, median of 9)"
    shown, bare = median(ours_shown), median(bare_shown)
    return [
        Result(section, "cold start to the first shown window", ms(shown), ms(bare), f"{shown / bare:.2f}×",
               "≤ 1.5×", shown / bare <= 1.5),
        Result(section, "until the 100,000-case list shows its first rows", ms(median(ours_rows)), ms(bare),
               f"{median(ours_rows) / bare:.2f}×", "≤ 1 s", median(ours_rows) <= 1.0),
        Result(section, "opening the case list: profile open → first rows painted", ms(median(page_open)),
               "—", "—", "≤ 300 ms", median(page_open) <= 0.300),
        Result(section, "peak RSS with the 100,000-case list open", f"{max(ours_rss) / 1024:.0f} MB",
               f"{max(bare_rss) / 1024:.0f} MB", f"{max(ours_rss) / max(bare_rss):.2f}×", "≤ 250 MB",
               max(ours_rss) / 1024 <= 250),
    ]
