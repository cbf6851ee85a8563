"""The rules of a case that intake, import, the workflow and the window share: its statuses, what a new case
starts as, how it is numbered, and which workflow actions are open at each moment (with the reason when not).
Pure functions of plain values: no database, no Qt."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from desktop.core.domain.consent_rules import STATUTORY_DUTY

NEW, IN_PROGRESS, CLOSED = "MOI", "DANG_XU_LY", "DA_DONG"
DEFAULT_PROCESS = "TT02_2020"
CHILD_PROTECTION = "ND56_2017"  # Luật Trẻ em 2016, ND 56/2017
MOVED_AWAY = "CHUYEN_DI"
APPROVED, REJECTED = "APPROVED", "REJECTED"
GOAL_ACHIEVED = "DAT_MUC_TIEU"
# The fields only the workflow writes: an edit form that changed them would skip its checks and its record.
WORKFLOW_FIELDS = ("step", "status", "closed_on", "closure_reason", "transfer_to", "transferred_from")
NOTE_KINDS = ("NOTE", "REOPEN")  # a visit or a call is a service or a home-visit form: they count as contact
REOPEN_REASON_MIN = 10  # "nhầm" is not a reason an inspector can read back


def is_open(status: str | None) -> bool:
    """A case still being worked: every status but closed."""
    return status != CLOSED


def intake_defaults(opened_on: dt.date, first_step: str = "TIEP_NHAN") -> dict[str, Any]:
    """What a new case starts as, before the officer's own values: the general process, its first step,
    new, opened on the day given (today at intake), on the commune's statutory duty (consent is recorded
    instead where it applies)."""
    return {"process_type": DEFAULT_PROCESS, "step": first_step, "status": NEW, "opened_on": opened_on,
            "legal_basis": STATUTORY_DUTY}


# Crockford's base32 without I, L, O, U: a tag read over the phone is not misheard as 1 or 0.
_TAG_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_NUMBER = re.compile(r"^(?P<year>\d{4})-(?:(?P<tag>[0-9A-Z]{4})-)?(?P<n>\d{5,})$")


def device_tag(device_id: str) -> str:
    """Four letters and digits that stand for a laptop in its case numbers (from its id, so two laptops of
    one commune number their cases apart without asking each other)."""
    digest = int.from_bytes(hashlib.sha256(device_id.encode("ascii")).digest()[:4], "big")
    return "".join(_TAG_ALPHABET[(digest >> (5 * i)) & 31] for i in range(4))


def case_number(year: int, tag: str, n: int) -> str:
    """"2026-K7QX-00042": the year, the laptop's tag, the laptop's own counter of that year."""
    return f"{year}-{tag}-{n:05d}"


def number_prefix(year: int, tag: str) -> str:
    """What every case number of one laptop and year starts with."""
    return f"{year}-{tag}-"


def counter_of(case_no: str | None) -> int:
    """The counter at the end of a case number ("2026-K7QX-00042" and the older "2026-00042" alike); 0 if none."""
    match = _NUMBER.match(case_no or "")
    return int(match["n"]) if match else 0


class StepLike(Protocol):
    """What the action rules read of a process step (forms.processes.Step)."""

    @property
    def code(self) -> str: ...

    @property
    def closes(self) -> bool: ...

    @property
    def approval(self) -> object | None: ...


@dataclass(frozen=True)
class CaseActions:
    """For each workflow action, None when it may be taken now, else the error code that says why not."""

    advance: str | None
    request_approval: str | None
    decide: str | None
    close: str | None
    transfer: str | None
    refer: str | None
    add_service: str | None
    reopen: str | None = "E_CASE_OPEN"

    def as_json(self) -> dict[str, str | None]:
        """The actions by name (the window enables a button when its value is None)."""
        return dict(self.__dict__)


def available_actions(status: str | None, step: StepLike | None, has_next_step: bool,
                      current: Mapping[str, Any] | None, transferred: bool = False) -> CaseActions:
    """Which actions a case allows: `step` is the definition of its current step (None if its process does
    not know it), `current` the open step record (approval asked / decided), if any; `transferred` when the
    case was closed by moving to another commune (which carries it on, so it is not reopened here)."""
    if not is_open(status):
        closed = "E_CASE_CLOSED"
        return CaseActions(advance=closed, request_approval=closed, decide=closed, close=closed, transfer=closed,
                           refer=closed, add_service=closed, reopen="E_CASE_TRANSFERRED" if transferred else None)
    needs_approval = step is not None and step.approval is not None
    asked = bool(current and current.get("approval_requested_at") and not current.get("decided_at"))
    approved = bool(current and current.get("decision") == APPROVED)
    if step is None:
        advance: str | None = "E_PROCESS_UNKNOWN"
    elif needs_approval and not approved:
        advance = "E_APPROVAL_PENDING"
    elif step.closes or not has_next_step:
        advance = "E_CLOSE_STEP"
    else:
        advance = None
    if not needs_approval:
        request: str | None = "E_NO_APPROVAL"
    elif asked or approved:
        request = "E_ALREADY_REQUESTED"
    else:
        request = None
    return CaseActions(advance=advance, request_approval=request, decide=None if asked else "E_NOT_REQUESTED",
                       close=None, transfer=None, refer=None, add_service=None)


def step_date_problem(at: dt.datetime, started_at: dt.datetime | None, now: dt.datetime) -> str | None:
    """Why `at` cannot be the day a step was done (entered later from paper): not after now, not before the
    step began; None when it can."""
    if at > now:
        return "E_STEP_DATE_FUTURE"
    if started_at is not None and at.date() < started_at.date():
        return "E_STEP_DATE_EARLY"
    return None


def closing_problem(reason: str, step: StepLike | None) -> str | None:
    """A case closes at any step for a reason outside it (moved, died, no contact, asked to stop), but
    "goal achieved" is the finding of the process's last step (review, evaluation): closing on it from an
    earlier step skips the review the law asks for."""
    if reason == GOAL_ACHIEVED and step is not None and not step.closes:
        return "E_CLOSE_EARLY"
    return None


def workflow_field_changes(current: Mapping[str, Any], values: Mapping[str, Any]) -> list[str]:
    """The workflow-only fields an edit would change (an unchanged value sent back by a form is fine)."""
    return [f for f in WORKFLOW_FIELDS if f in values and values[f] != current.get(f)]
