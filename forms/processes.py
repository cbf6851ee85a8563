"""Case-management processes as data: steps, their forms, approvals and deadlines (domain.md §3).

A process file is JSON in forms/processes/. Adding the TT 01/2015 or TT 14/2020 variant is a new
file, not new code. load_processes() validates every file and refuses a bad one with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.paths import app_root
from forms.loading import load_folder, pair

PROCESS_DIR = app_root() / "forms" / "processes"


class ProcessDefinitionError(ValueError):
    """A process file breaks the format; the message names the file and the place."""


@dataclass(frozen=True)
class Deadline:
    """A step is due some hours or working days after another step started."""

    after: str
    hours: int | None
    working_days: int | None
    only_if: str | None
    why: tuple[str, str]
    from_start: bool = False  # counted from when `after` started (e.g. receipt), else from when it ended


@dataclass(frozen=True)
class Approval:
    """Who must approve a step's outcome, and within how many working days of its submission."""

    by: str
    working_days: int | None
    why: tuple[str, str] | None


@dataclass(frozen=True)
class Step:
    """One step of a process."""

    code: str
    title: tuple[str, str]
    forms: tuple[str, ...]
    approval: Approval | None
    deadline: Deadline | None
    closes: bool


@dataclass(frozen=True)
class Process:
    """A process: its code, version, title and ordered steps."""

    code: str
    version: int
    title: tuple[str, str]
    basis: str
    steps: tuple[Step, ...]

    def step(self, code: str) -> Step:
        """The step called `code`; KeyError if the process has none."""
        for step in self.steps:
            if step.code == code:
                return step
        raise KeyError(code)

    def next_step(self, code: str) -> Step | None:
        """The step after `code`, or None after the last one."""
        codes = [s.code for s in self.steps]
        index = codes.index(code)
        return self.steps[index + 1] if index + 1 < len(self.steps) else None


def _pair(value: Any, where: str) -> tuple[str, str]:
    return pair(value, where, ProcessDefinitionError)


def parse_process(data: Any, source: str) -> Process:
    """Check and build a Process from parsed JSON; raises ProcessDefinitionError naming the problem."""
    if not isinstance(data, dict):
        raise ProcessDefinitionError(f"{source}: not an object")
    for key in ("code", "version", "title", "steps"):
        if key not in data:
            raise ProcessDefinitionError(f"{source}: '{key}' is missing")
    if not isinstance(data["version"], int) or data["version"] < 1:
        raise ProcessDefinitionError(f"{source}: 'version' must be a positive integer")
    steps: list[Step] = []
    seen: set[str] = set()
    for index, raw in enumerate(data["steps"]):
        where = f"{source} step {index + 1}"
        if not isinstance(raw, dict) or not isinstance(raw.get("code"), str):
            raise ProcessDefinitionError(f"{where}: needs a 'code'")
        if raw["code"] in seen:
            raise ProcessDefinitionError(f"{where}: step '{raw['code']}' appears twice")
        deadline = None
        if "deadline" in raw:
            d = raw["deadline"]
            if d.get("after") not in seen:
                raise ProcessDefinitionError(f"{where}: a deadline must follow an earlier step, not {d.get('after')!r}")
            if (d.get("hours") is None) == (d.get("working_days") is None):
                raise ProcessDefinitionError(f"{where}: a deadline has either 'hours' or 'working_days'")
            if d.get("from", "end") not in ("start", "end"):
                raise ProcessDefinitionError(f"{where}: a deadline counts 'from' the 'start' or the 'end' of a step")
            deadline = Deadline(d["after"], d.get("hours"), d.get("working_days"), d.get("only_if"),
                                _pair(d.get("why"), f"{where} deadline 'why'"), d.get("from", "end") == "start")
        approval = None
        if "approval" in raw:
            a = raw["approval"]
            if not isinstance(a, dict) or not isinstance(a.get("by"), str):
                raise ProcessDefinitionError(f"{where}: an approval names who approves ('by')")
            approval = Approval(a["by"], a.get("working_days"),
                                _pair(a["why"], f"{where} approval 'why'") if "why" in a else None)
        steps.append(Step(raw["code"], _pair(raw.get("title"), f"{where} 'title'"), tuple(raw.get("forms", [])),
                          approval, deadline, bool(raw.get("closes", False))))
        seen.add(raw["code"])
    if not steps or not steps[-1].closes:
        raise ProcessDefinitionError(f"{source}: the last step must close the case")
    return Process(data["code"], data["version"], _pair(data["title"], f"{source} 'title'"), data.get("basis", ""),
                   tuple(steps))


def load_processes(folder: Path = PROCESS_DIR) -> dict[str, Process]:
    """Every process definition in `folder`, by code."""
    return load_folder(folder, parse_process, lambda p: p.code, ProcessDefinitionError)
