"""Every figure the programmes ask of a commune, one definition each (docs/reports.md gives the formulas, the
period rules and the sources; domain.md §8).

Pure functions over plain rows, so that the laptop, the command line and the hub count the same way: a
commune's figures are equal wherever they are computed. Every figure is "as of" the period's last day or
"over" the period, and each record is taken as it stood then: a worker counts from her start until she
left, a course counts once it has ended, an allowance and the base salary are those in force that month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from desktop.core.domain.calendar import working_days_between
from desktop.core.domain.periods import Period
from desktop.core.domain.roster_rules import UNTRAINED, Target

# Decision 112's "CTXH staff and collaborators": dedicated, part-time or concurrent, and collaborators.
CTXH_CATEGORIES = frozenset({"CHUYEN_TRACH", "KHONG_CHUYEN_TRACH", "CTV_CTXH"})
COLLABORATOR = "CTV_CTXH"
LEFT = "DA_NGHI"
# P5 (domain.md §8A): orphans with no support (Children Law Art. 10 a, c), abandoned (b), disabled (d),
# HIV (đ), victims of chemicals and those hit by disasters or epidemics (tags that adults carry too).
PRIORITY_CHILD_GROUPS = frozenset({"HCDB_A", "HCDB_B", "HCDB_C", "HCDB_D", "HCDB_DD", "CDHH", "THIEN_TAI"})
CHILDREN_ONLY = frozenset(g for g in PRIORITY_CHILD_GROUPS if g.startswith("HCDB_"))  # Art. 10: children by law
CHILD_AGE = 16  # Children Law Art. 1: a child is under 16
COUNSELLING = frozenset({"TU_VAN", "THAM_VAN"})
EMERGENCY_HOURS = 12
PLAN_WORKING_DAYS = 5
APPROVAL_WORKING_DAYS = 2
# Social-work training at intermediate level or above (the "trained to intermediate or university level in
# social work" of the HCMC reports, domain.md §8D).
FORMAL_SW_LEVELS = frozenset({"TRUNG_CAP", "CAO_DANG", "DAI_HOC", "THAC_SI", "TIEN_SI"})


class WorkerRow(NamedTuple):
    """A roster member as the reports need her. `left_marked_on` is the day her status was set to left
    (the status field's version), used when no end date was entered."""

    id: str
    category: str
    status: str
    start_date: dt.date | None
    end_date: dt.date | None
    left_marked_on: dt.date | None
    sw_qualification: str | None
    workplace_type: str | None


class AllowanceRow(NamedTuple):
    """A monthly allowance paid to a roster member from a date."""

    worker_id: str
    amount: int
    effective_from: dt.date
    effective_to: dt.date | None


class CourseRow(NamedTuple):
    """A class; it counts once it has ended (its start date if no end date was entered)."""

    id: str
    kind: str | None
    start_date: dt.date | None
    end_date: dt.date | None


class AttendanceRow(NamedTuple):
    """One person's attendance of one course (one lượt người)."""

    course_id: str
    worker_id: str
    completed: bool


class PersonRow(NamedTuple):
    """A beneficiary: birth date, target groups, and the day the commune first knew her."""

    id: str
    birth_date: dt.date | None
    groups: frozenset[str]
    known_on: dt.date | None


class CaseRow(NamedTuple):
    """A case file."""

    id: str
    beneficiary_id: str
    process_type: str
    opened_on: dt.date
    closed_on: dt.date | None
    closure_reason: str | None
    serious_danger: bool | None


class StepRow(NamedTuple):
    """One step of a case, with its approval where the law asks one."""

    case_id: str
    step_code: str
    started_at: dt.datetime
    completed_at: dt.datetime | None
    approval_requested_at: dt.datetime | None
    decided_at: dt.datetime | None
    decision: str | None


class ServiceRow(NamedTuple):
    """A service delivered in a case."""

    case_id: str
    service_type: str
    delivered_on: dt.date


class FacilityRow(NamedTuple):
    """A facility or service provider of the commune (the P2 register)."""

    id: str
    facility_type: str
    in_master_plan: bool
    offers_ctxh: bool
    ctxh_since: dt.date | None
    closed_on: dt.date | None


class ReferralRow(NamedTuple):
    """A referral of a case to a facility."""

    case_id: str
    facility_id: str | None
    referred_on: dt.date
    status: str


class BaselineRow(NamedTuple):
    """A baseline-year figure entered by hand, with its source, for a year before the app held data."""

    indicator: str
    year: int
    value: int
    source: str


@dataclass
class CommuneData:
    """Everything one commune's figures are computed from."""

    workers: list[WorkerRow] = field(default_factory=list)
    allowances: list[AllowanceRow] = field(default_factory=list)
    courses: list[CourseRow] = field(default_factory=list)
    attendances: list[AttendanceRow] = field(default_factory=list)
    people: list[PersonRow] = field(default_factory=list)
    cases: list[CaseRow] = field(default_factory=list)
    steps: list[StepRow] = field(default_factory=list)
    services: list[ServiceRow] = field(default_factory=list)
    facilities: list[FacilityRow] = field(default_factory=list)
    referrals: list[ReferralRow] = field(default_factory=list)
    baselines: list[BaselineRow] = field(default_factory=list)


@dataclass(frozen=True)
class Rates:
    """Reference data the figures need: the base salary in force from each date, public holidays, targets."""

    base_salary: Sequence[tuple[dt.date, int]] = ()
    holidays: frozenset[dt.date] = frozenset()
    targets: Mapping[str, Sequence[Target]] = field(default_factory=dict)
    baseline_years: Mapping[str, int] = field(default_factory=dict)

    def base_salary_on(self, day: dt.date) -> int | None:
        """The base salary in force on `day`, or None before the first one known."""
        value = None
        for since, amount in self.base_salary:
            if since <= day:
                value = amount
        return value


@dataclass(frozen=True)
class Figure:
    """One number of a report: a count, a share or a change against a baseline, with what it is made of.

    `people` says the figure counts people in hardship (beneficiaries, children, cases, services): those
    are the counts a report leaving the commune shows as "<5" when they are 1 to 4. `entity` and `ids` are
    the records behind the number, for the window to list them.
    """

    key: str
    value: float | None
    numerator: int | None = None
    denominator: int | None = None
    unit: str = "count"  # count | share | change | yes_no
    targets: tuple[Target, ...] = ()
    entity: str | None = None
    ids: tuple[str, ...] = ()
    people: bool = False
    source: str = ""

    def met(self) -> bool | None:
        """Whether the value meets every target it is measured against (None without a target or a value)."""
        if not self.targets or self.value is None:
            return None
        return all(t.met_by(self.value) for t in self.targets)


# --- who and what counted when ---------------------------------------------------------------------------


def on_roster(worker: WorkerRow, day: dt.date) -> bool:
    """On the roster on `day`: started by then (or no start date), and not ended or left before it.

    A worker marked as left without an end date counts until the day she was marked (so she stays in the
    headcounts of the years she worked). On leave (TAM_NGHI) is still on the roster.
    """
    if worker.start_date is not None and worker.start_date > day:
        return False
    if worker.end_date is not None:
        return worker.end_date >= day
    if worker.status == LEFT:
        return worker.left_marked_on is not None and worker.left_marked_on > day
    return True


def course_done_on(course: CourseRow) -> dt.date | None:
    """The day a course counts from: its end, else its start (None: no date, it counts at any date)."""
    return course.end_date or course.start_date


def trained_on(worker: WorkerRow, attended: Iterable[CourseRow], day: dt.date) -> bool:
    """P4's "trained" on `day`: a social-work qualification recorded, or a completed course that had ended by
    then (a course after the day does not count yet). General education alone does not count."""
    if worker.sw_qualification not in UNTRAINED:
        return True
    for course in attended:
        done = course_done_on(course)
        if done is None or done <= day:
            return True
    return False


def allowance_on(allowances: Iterable[AllowanceRow], day: dt.date) -> AllowanceRow | None:
    """The allowance in force on `day`: the latest that started by then and has not ended."""
    current = None
    for a in allowances:
        if a.effective_from <= day and (a.effective_to is None or a.effective_to >= day):
            if current is None or a.effective_from > current.effective_from:
                current = a
    return current


def age_on(birth: dt.date, day: dt.date) -> int:
    """Full years of age on `day`."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def is_priority_child(person: PersonRow, day: dt.date) -> bool:
    """A child of P5's groups on `day` (under 16; an unknown birth date counts when a child's group says so)."""
    if not person.groups & PRIORITY_CHILD_GROUPS:
        return False
    if person.birth_date is None:
        return bool(person.groups & CHILDREN_ONLY)
    return age_on(person.birth_date, day) < CHILD_AGE and person.birth_date <= day


def open_on(case: CaseRow, day: dt.date) -> bool:
    """Open at the end of `day`: opened by then and not closed by then. A case reopened counts as open (its
    closing date was cleared)."""
    return case.opened_on <= day and (case.closed_on is None or case.closed_on > day)


def open_during(case: CaseRow, period: Period) -> bool:
    """Open at some time in the period."""
    return case.opened_on <= period.end and (case.closed_on is None or case.closed_on >= period.start)


def _end_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59, 59, 999999))


# --- the figures -------------------------------------------------------------------------------------------


def _share(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def _count(key: str, ids: Iterable[str], entity: str, people: bool = False, source: str = "") -> Figure:
    chosen = tuple(sorted(set(ids)))
    return Figure(key, len(chosen), entity=entity, ids=chosen, people=people, source=source)


def _share_figure(key: str, part: Iterable[str], whole: Iterable[str], entity: str, targets: Sequence[Target],
                  people: bool = False, source: str = "") -> Figure:
    part_ids, whole_ids = set(part), set(whole)
    return Figure(key, _share(len(part_ids), len(whole_ids)), len(part_ids), len(whole_ids), "share",
                  tuple(targets), entity, tuple(sorted(part_ids)), people, source)


@dataclass
class _Index:
    """The data grouped the way the figures look it up."""

    data: CommuneData
    courses: dict[str, CourseRow]
    attended: dict[str, list[CourseRow]]
    allowances: dict[str, list[AllowanceRow]]
    people: dict[str, PersonRow]
    cases_of_person: dict[str, list[CaseRow]]
    steps: dict[str, dict[str, StepRow]]
    services_by_case: dict[str, list[ServiceRow]]
    case_person: dict[str, str]
    step_runs: dict[str, list[StepRow]]  # every run of every step, for the step a case stood in on a day

    @classmethod
    def of(cls, data: CommuneData) -> _Index:
        courses = {c.id: c for c in data.courses}
        attended: dict[str, list[CourseRow]] = {}
        for a in data.attendances:
            if a.completed and a.course_id in courses:
                attended.setdefault(a.worker_id, []).append(courses[a.course_id])
        allowances: dict[str, list[AllowanceRow]] = {}
        for al in data.allowances:
            allowances.setdefault(al.worker_id, []).append(al)
        cases_of_person: dict[str, list[CaseRow]] = {}
        for case in data.cases:
            cases_of_person.setdefault(case.beneficiary_id, []).append(case)
        steps: dict[str, dict[str, StepRow]] = {}
        runs: dict[str, list[StepRow]] = {}
        for step in data.steps:
            runs.setdefault(step.case_id, []).append(step)
            mine = steps.setdefault(step.case_id, {})
            if step.step_code not in mine or step.started_at > mine[step.step_code].started_at:
                mine[step.step_code] = step  # a step entered again (a re-plan): its latest run
        services: dict[str, list[ServiceRow]] = {}
        for s in data.services:
            services.setdefault(s.case_id, []).append(s)
        return cls(data, courses, attended, allowances, {p.id: p for p in data.people}, cases_of_person, steps,
                   services, {c.id: c.beneficiary_id for c in data.cases}, runs)


def _targets(rates: Rates, indicator: str) -> tuple[Target, ...]:
    return tuple(rates.targets.get(indicator, ()))


def staff_figures(index: _Index, period: Period, rates: Rates) -> list[Figure]:
    """Staff and collaborators on the roster at the period's end, by category, qualification and workplace;
    joined and left in the period; trained (P4) at the end and in the period; collaborators per commune; the
    allowance against the base salary, month by month."""
    end = period.end
    staff = [w for w in index.data.workers if on_roster(w, end)]
    ids = [w.id for w in staff]
    out = [_count("staff.total", ids, "worker", source="TT 07/2013; QĐ 112")]
    for code in sorted({w.category for w in staff}):
        out.append(_count(f"staff.by_category.{code}", [w.id for w in staff if w.category == code], "worker"))
    for code in sorted({w.sw_qualification or "CHUA_DAO_TAO" for w in staff}):
        out.append(_count(f"staff.by_training_level.{code}",
                          [w.id for w in staff if (w.sw_qualification or "CHUA_DAO_TAO") == code], "worker"))
    for code in sorted({w.workplace_type or "KHAC" for w in staff}):
        out.append(_count(f"staff.by_workplace.{code}",
                          [w.id for w in staff if (w.workplace_type or "KHAC") == code], "worker"))
    out.append(_count("staff.joined", [w.id for w in index.data.workers
                                       if period.contains(w.start_date)], "worker"))
    out.append(_count("staff.left", [w.id for w in index.data.workers if _left_in(w, period)], "worker"))
    out.append(_count("staff.formal_sw_training",
                      [w.id for w in staff if w.sw_qualification in FORMAL_SW_LEVELS], "worker"))
    ctxh_staff = [w for w in staff if w.category in CTXH_CATEGORIES]
    trained = [w.id for w in ctxh_staff if trained_on(w, index.attended.get(w.id, ()), end)]
    out.append(_share_figure("P4", trained, [w.id for w in ctxh_staff],
                             "worker", _targets(rates, "TRAINED_SHARE"),
                             source="QĐ 112/QĐ-TTg, chỉ tiêu 4"))
    out.append(_count("staff.trained_in_period", [
        w.id for w in index.data.workers
        if any(period.contains(course_done_on(c)) for c in index.attended.get(w.id, ()))
        and (on_roster(w, end) or _left_in(w, period))], "worker"))
    collaborators = [w.id for w in staff if w.category == COLLABORATOR]
    out.append(Figure("collaborators", len(collaborators), unit="count",
                      targets=_targets(rates, "COLLABORATORS_PER_COMMUNE"), entity="worker",
                      ids=tuple(sorted(collaborators)), source="TT 07/2013; kế hoạch của tỉnh"))
    out.append(_allowance_months(index, period, rates))
    out.append(_p1(index, ctxh_staff, end, rates))
    return out


def _left_in(worker: WorkerRow, period: Period) -> bool:
    if worker.end_date is not None:
        return period.contains(worker.end_date)
    return worker.status == LEFT and period.contains(worker.left_marked_on)


def _allowance_months(index: _Index, period: Period, rates: Rates) -> Figure:
    """Collaborator-months in the period paid at least the base salary in force, of all collaborator-months:
    each month is checked on its last day within the period."""
    met = total = 0
    short: set[str] = set()
    for _first, last in period.months():
        base = rates.base_salary_on(last)
        for w in index.data.workers:
            if w.category != COLLABORATOR or not on_roster(w, last):
                continue
            total += 1
            paid = allowance_on(index.allowances.get(w.id, ()), last)
            if base is not None and paid is not None and paid.amount >= base:
                met += 1
            else:
                short.add(w.id)
    return Figure("allowance_at_least_base", _share(met, total), met, total, "share", (), "worker",
                  tuple(sorted(short)), source="TT 07/2013 Điều 5; mức lương cơ sở theo tháng")


def _p1(index: _Index, ctxh_staff: Sequence[WorkerRow], day: dt.date, rates: Rates) -> Figure:
    """P1 for one commune: it has CTXH staff (at least one dedicated, part-time or collaborator) and every
    collaborator among them is paid at least the base salary in force. 1 of 1 or 0 of 1."""
    base = rates.base_salary_on(day)
    collaborators = [w for w in ctxh_staff if w.category == COLLABORATOR]
    paid_ok = all(
        base is not None and (a := allowance_on(index.allowances.get(w.id, ()), day)) is not None and a.amount >= base
        for w in collaborators)
    met = 1 if ctxh_staff and paid_ok else 0
    return Figure("P1", float(met), met, 1, "yes_no", _targets(rates, "UNITS_WITH_CTXH_STAFF"), "worker",
                  tuple(sorted(w.id for w in ctxh_staff)), source="QĐ 112/QĐ-TTg, chỉ tiêu 1")


def case_figures(index: _Index, period: Period, breakdowns: bool = True) -> list[Figure]:
    """Cases opened, open at the end and closed in the period; by group (a person in two groups counts in
    both, the totals count her once) and by the step they stood in at the end; closure reasons."""
    cases = index.data.cases
    opened = [c for c in cases if period.contains(c.opened_on)]
    still_open = [c for c in cases if open_on(c, period.end)]
    closed = [c for c in cases if period.contains(c.closed_on)]
    out = [
        _count("cases.opened", [c.id for c in opened], "case", True, "TT 02/2020 Điều 10"),
        _count("cases.open_at_end", [c.id for c in still_open], "case", True),
        _count("cases.closed", [c.id for c in closed], "case", True),
    ]
    if not breakdowns:
        return out
    for label, chosen in (("opened", opened), ("open_at_end", still_open)):
        by_group: dict[str, list[str]] = {}
        for c in chosen:
            person = index.people.get(c.beneficiary_id)
            for group in person.groups if person else ():
                by_group.setdefault(group, []).append(c.id)
        for group, ids in sorted(by_group.items()):
            out.append(_count(f"cases.{label}.by_group.{group}", ids, "case", True))
    cutoff = _end_of(period.end)
    by_step: dict[str, list[str]] = {}
    for c in still_open:
        runs = [s for s in index.step_runs.get(c.id, ()) if s.started_at <= cutoff]
        step = max(runs, key=lambda s: s.started_at).step_code if runs else "TIEP_NHAN"
        by_step.setdefault(step, []).append(c.id)
    for step, ids in sorted(by_step.items()):
        out.append(_count(f"cases.open_at_end.by_step.{step}", ids, "case", True))
    by_reason: dict[str, list[str]] = {}
    for c in closed:
        by_reason.setdefault(c.closure_reason or "KHAC", []).append(c.id)
    for reason, ids in sorted(by_reason.items()):
        out.append(_count(f"cases.closed.by_reason.{reason}", ids, "case", True))
    return out


def child_protection_figures(index: _Index, period: Period, rates: Rates) -> list[Figure]:
    """ND 56/2017: emergencies handled within 12 hours; plans made within 5 working days of the detailed
    assessment and approved within 2 working days of being submitted."""
    emergencies, handled = [], []
    made, made_in_time, decided, approved_in_time = [], [], [], []
    for c in index.data.cases:
        if c.process_type != "ND56_2017":
            continue
        steps = index.steps.get(c.id, {})
        intake = steps.get("TIEP_NHAN")
        if c.serious_danger and intake is not None and period.contains(intake.started_at.date()):
            emergencies.append(c.id)
            first = steps.get("DANH_GIA_BAN_DAU")
            deadline = intake.started_at + dt.timedelta(hours=EMERGENCY_HOURS)
            if first is not None and first.completed_at is not None and first.completed_at <= deadline:
                handled.append(c.id)
        plan = steps.get("KE_HOACH")
        submitted = plan.approval_requested_at or plan.completed_at if plan is not None else None
        if plan is not None and submitted is not None and period.contains(submitted.date()):
            made.append(c.id)
            if working_days_between(plan.started_at.date(), submitted.date(), rates.holidays) <= PLAN_WORKING_DAYS:
                made_in_time.append(c.id)
        if plan is not None and plan.decided_at is not None and period.contains(plan.decided_at.date()):
            decided.append(c.id)
            asked = plan.approval_requested_at or plan.started_at
            if plan.decision == "APPROVED" and working_days_between(
                    asked.date(), plan.decided_at.date(), rates.holidays) <= APPROVAL_WORKING_DAYS:
                approved_in_time.append(c.id)
    source = "NĐ 56/2017 Điều 25–31"
    return [
        _share_figure("child.emergency_within_12h", handled, emergencies, "case", (), True, source),
        _share_figure("child.plan_within_5_days", made_in_time, made, "case", (), True, source),
        _share_figure("child.approved_within_2_days", approved_in_time, decided, "case", (), True, source),
    ]


def service_figures(index: _Index, period: Period, rates: Rates) -> list[Figure]:
    """Services delivered in the period by type; people given any service (P3's people supported) and people
    counselled (tư vấn, tham vấn), each against the baseline year; referrals made; P5's priority children."""
    in_period = [s for s in index.data.services if period.contains(s.delivered_on)]
    case_person = index.case_person
    out = [Figure("services.total", len(in_period), entity="case",
                  ids=tuple(sorted({s.case_id for s in in_period})), people=True)]
    by_type: dict[str, list[str]] = {}
    for s in in_period:
        by_type.setdefault(s.service_type, []).append(s.case_id)
    for kind, case_ids in sorted(by_type.items()):
        out.append(Figure(f"services.by_type.{kind}", len(case_ids), entity="case", people=True,
                          ids=tuple(sorted(set(case_ids)))))
    supported = {case_person[s.case_id] for s in in_period if s.case_id in case_person}
    counselled = {case_person[s.case_id] for s in in_period if s.case_id in case_person
                  and s.service_type in COUNSELLING}
    out.append(_count("people.supported", supported, "beneficiary", True))
    out.append(_against_baseline("P3", "PEOPLE_SUPPORTED", supported, index, period, rates, None,
                                 "QĐ 112/QĐ-TTg, chỉ tiêu 3"))
    out.append(_count("people.counselled", counselled, "beneficiary", True))
    out.append(_against_baseline("people.counselled_vs_baseline", "PEOPLE_COUNSELLED", counselled, index,
                                 period, rates, COUNSELLING, "QĐ 112/QĐ-TTg"))
    referrals = [r for r in index.data.referrals if period.contains(r.referred_on)]
    out.append(Figure("referrals.made", len(referrals), entity="case", people=True,
                      ids=tuple(sorted({r.case_id for r in referrals}))))
    out.append(_p5(index, period, rates))
    return out


def _supported_in(index: _Index, period: Period, types: frozenset[str] | None) -> int:
    case_person = index.case_person
    return len({case_person[s.case_id] for s in index.data.services
                if period.contains(s.delivered_on) and s.case_id in case_person
                and (types is None or s.service_type in types)})


def _against_baseline(key: str, indicator: str, people: set[str], index: _Index, period: Period, rates: Rates,
                      types: frozenset[str] | None, source: str) -> Figure:
    """(this period − the same span of the baseline year) ÷ the baseline. The baseline is counted from the
    records when they reach back to it, else, for a whole year, taken from the figure entered for that year."""
    targets = _targets(rates, indicator)
    value, ids = len(people), tuple(sorted(people))
    baseline_year = rates.baseline_years.get(indicator)
    if baseline_year is None or baseline_year >= period.end.year:
        return Figure(key, None, value, None, "change", targets, "beneficiary", ids, True, source)
    span = period.shifted_years(baseline_year - period.end.year)
    entered = [b for b in index.data.baselines if b.indicator == indicator and b.year == baseline_year]
    earliest = min((c.opened_on for c in index.data.cases), default=None)
    yearly = period.kind in ("year", "reporting_year")
    if entered and yearly:  # an entered figure is a whole year's
        baseline = entered[-1].value
        source = f"{source}; năm gốc {baseline_year}: {entered[-1].source}"
    elif earliest is not None and earliest <= span.start:
        baseline = _supported_in(index, span, types)
    else:
        return Figure(key, None, value, None, "change", targets, "beneficiary", ids, True,
                      f"{source}; chưa có số liệu năm gốc {baseline_year}")
    change = (value - baseline) / baseline if baseline else None
    return Figure(key, change, value, baseline, "change", targets, "beneficiary", ids, True, source)


def _p5(index: _Index, period: Period, rates: Rates) -> Figure:
    """P5: priority children known at the period's end who were supported in it (a service delivered or a
    referral made in the period, in any of their cases) ÷ all priority children known then."""
    end = period.end
    children = [p for p in index.people.values() if is_priority_child(p, end) and _known_by(index, p, end)]
    served_cases = {s.case_id for s in index.data.services if period.contains(s.delivered_on)}
    served_cases |= {r.case_id for r in index.data.referrals if period.contains(r.referred_on)}
    supported = [p.id for p in children if any(c.id in served_cases for c in index.cases_of_person.get(p.id, ()))]
    return _share_figure("P5", supported, [p.id for p in children], "beneficiary",
                         _targets(rates, "PRIORITY_CHILDREN_SUPPORTED"), True, "QĐ 112/QĐ-TTg, chỉ tiêu 5")


def _known_by(index: _Index, person: PersonRow, day: dt.date) -> bool:
    """The commune knew the person by `day`: her record was made by then, or a case of hers opened by then
    (a file entered later for work done earlier)."""
    if person.known_on is None or person.known_on <= day:
        return True
    return any(c.opened_on <= day for c in index.cases_of_person.get(person.id, ()))


def facility_figures(index: _Index, period: Period, rates: Rates) -> list[Figure]:
    """P2: facilities in the master plan offering CTXH services at the period's end ÷ facilities in the plan."""
    end = period.end
    planned = [f for f in index.data.facilities if f.in_master_plan and (f.closed_on is None or f.closed_on > end)]
    offering = [f.id for f in planned if f.offers_ctxh and (f.ctxh_since is None or f.ctxh_since <= end)]
    return [_share_figure("P2", offering, [f.id for f in planned], "facility", _targets(rates, "FACILITIES_SHARE"),
                          source="QĐ 112/QĐ-TTg, chỉ tiêu 2")]


def training_figures(index: _Index, period: Period) -> list[Figure]:
    """Classes that ended in the period and their person-attendances (lượt người, completed)."""
    courses = [c for c in index.data.courses if period.contains(course_done_on(c))]
    chosen = {c.id for c in courses}
    attendances = [a for a in index.data.attendances if a.course_id in chosen and a.completed]
    return [
        _count("training.classes", chosen, "training_course"),
        Figure("training.attendances", len(attendances), entity="worker",
               ids=tuple(sorted({a.worker_id for a in attendances}))),
    ]


def commune_figures(data: CommuneData, period: Period, rates: Rates, breakdowns: bool = True) -> dict[str, Figure]:
    """Every figure of one commune over a period, by key (docs/reports.md lists them); without the cases'
    breakdowns by group, step and reason when `breakdowns` is False (a trend's earlier points)."""
    index = data.__dict__.get("_index")
    if index is None:  # built once per set of rows: a report and its previous period, a trend's six periods
        index = data.__dict__["_index"] = _Index.of(data)
    figures: list[Figure] = []
    figures += staff_figures(index, period, rates)
    figures += case_figures(index, period, breakdowns)
    figures += child_protection_figures(index, period, rates)
    figures += service_figures(index, period, rates)
    figures += facility_figures(index, period, rates)
    figures += training_figures(index, period)
    return {f.key: f for f in figures}


def province_total(figures: Sequence[Mapping[str, Figure]], rates: Rates) -> dict[str, Figure]:
    """The province's figures from its communes': counts add up, shares are recomputed from the summed
    numerators and denominators (never averaged), P1 becomes communes meeting it ÷ communes in scope, and the
    collaborators per commune become the share of communes meeting the target."""
    keys: list[str] = []
    for one in figures:
        keys += [k for k in one if k not in keys]
    total: dict[str, Figure] = {}
    for key in keys:
        present = [one[key] for one in figures if key in one]
        first = present[0]
        if first.unit == "change":
            # Only communes with a baseline can say how far they moved from it.
            known = [f for f in present if f.denominator is not None]
            numerator, denominator = sum(f.numerator or 0 for f in known), sum(f.denominator or 0 for f in known)
            total[key] = Figure(key, (numerator - denominator) / denominator if denominator else None,
                                numerator, denominator if known else None, "change", first.targets, first.entity,
                                (), first.people, first.source)
        elif first.unit in ("share", "yes_no"):
            shares_of = sum(f.numerator or 0 for f in present)
            whole: int | None = sum(f.denominator or 0 for f in present)
            if key == "P1":
                whole = len(figures)
            unit = "share" if key == "P1" else first.unit
            total[key] = Figure(key, _share(shares_of, whole or 0), shares_of, whole, unit, first.targets,
                                first.entity, (), first.people, first.source)
        elif key == "collaborators":
            meeting = sum(1 for f in present if f.met())
            total[key] = Figure(key, _share(meeting, len(figures)), meeting, len(figures), "share",
                                (), "worker", (), False, first.source)
        else:
            total[key] = Figure(key, sum(f.value or 0 for f in present), entity=first.entity, people=first.people,
                                source=first.source)
    return total
