"""Realistic synthetic Vietnamese data for demos, screenshots and benchmarks.

Deterministic for a seed: ids come from a seeded UUIDv7 generator and dates from a fixed anchor,
so two profiles filled with the same seed hold the same content and the same digest.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from desktop.core.context import AppContext
from desktop.core.derived import case_keys, person_keys
from desktop.core.domain.case_rules import CLOSED, IN_PROGRESS, NEW
from desktop.core.domain.consent_rules import STATUTORY_DUTY
from desktop.core.ids import SeededIds
from desktop.core.models import (
    Beneficiary,
    Case,
    CaseStep,
    Consent,
    FormAnswer,
    ServiceRecord,
    TrainingAttendance,
    TrainingCourse,
    Worker,
    WorkerAllowance,
)
from desktop.core.progress import NULL_PROGRESS, CancelToken, ProgressSink
from desktop.core.services.changes import Writing
from desktop.core.services.records import codebook

ANCHOR = dt.date(2026, 11, 1)
# Family names with their approximate share of the population.
FAMILY = [("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 4), ("Huỳnh", 2), ("Phan", 4.5),
          ("Vũ", 3), ("Võ", 2), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1),
          ("Lý", 0.5), ("Đinh", 0.8), ("Trương", 0.8), ("Lâm", 0.5), ("Mai", 0.5), ("Hà", 0.5), ("Tạ", 0.3)]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Thành", "Công", "Gia", "Anh", "Xuân", "Trọng", "Đình"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Kim", "Thanh", "Minh", "Phương", "Bảo", "Hồng", "Diệu"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khánh", "Khoa",
           "Long", "Lâm", "Minh", "Nam", "Nghĩa", "Phát", "Phong", "Phúc", "Quang", "Sơn", "Tài", "Thắng",
           "Thành", "Tiến", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Ánh", "Ấn", "Khang", "Lộc"]
GIVEN_F = ["Anh", "Ánh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Huệ",
           "Hương", "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương",
           "Quỳnh", "Tâm", "Thảo", "Thu", "Thủy", "Trang", "Trinh", "Tuyết", "Vân", "Yến", "Đào", "Ý"]
HAMLETS = ["Thôn Đông", "Thôn Đoài", "Thôn Trung", "Thôn Thượng", "Thôn Hạ", "Tổ dân phố 1", "Tổ dân phố 2",
           "Tổ dân phố 3", "Ấp Mỹ Lợi", "Ấp Phú Hòa", "Xóm Bến", "Xóm Chùa"]
COURSES = [
    ("Tập huấn kỹ năng quản lý trường hợp", "TAP_HUAN", "TAP_HUAN_NGAN_HAN", "Sở Y tế", 24),
    ("Bồi dưỡng nghiệp vụ công tác xã hội cơ bản", "BOI_DUONG", "CC_NGHIEP_VU_CTXH", "Trung tâm CTXH tỉnh", 80),
    ("Tập huấn bảo vệ trẻ em cấp xã", "TAP_HUAN", "TAP_HUAN_NGAN_HAN", "Sở Y tế", 16),
    ("Tập huấn tham vấn tâm lý cho người cao tuổi", "TAP_HUAN", "TAP_HUAN_NGAN_HAN", "Hội Người cao tuổi", 16),
    ("Đào tạo trung cấp công tác xã hội", "DAO_TAO", "TRUNG_CAP", "Trường Cao đẳng Y tế", 800),
    ("Bồi dưỡng chức danh nhân viên CTXH hạng IV", "BOI_DUONG", "CC_BOI_DUONG_CDNN", "Trường Chính trị tỉnh", 120),
]
SERVICE_WEIGHTS = [("TU_VAN", 25), ("THAM_VAN", 15), ("KET_NOI", 15), ("THAM_HO_GIA_DINH", 20),
                   ("GIAO_DUC", 5), ("HOA_GIAI", 5), ("PHCN", 4), ("TRI_LIEU", 3), ("BIEN_HO", 3),
                   ("TUYEN_TRUYEN", 3), ("DAM_PHAN", 2)]


class Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.families = [f for f, _ in FAMILY]
        self.family_weights = [w for _, w in FAMILY]

    def person(self) -> tuple[str, str]:
        gender = self.rng.choice(("NAM", "NU"))
        family = self.rng.choices(self.families, self.family_weights)[0]
        middle = self.rng.choice(MIDDLE_M if gender == "NAM" else MIDDLE_F)
        given = self.rng.choice(GIVEN_M if gender == "NAM" else GIVEN_F)
        if self.rng.random() < 0.3:
            extra = self.rng.choice(MIDDLE_M if gender == "NAM" else MIDDLE_F[3:])
            if extra != middle:
                middle = f"{middle} {extra}"
        return f"{family} {middle} {given}", gender


def _birth(rng: random.Random, min_age: int, max_age: int) -> dt.date:
    return ANCHOR - dt.timedelta(days=rng.randint(min_age * 365, max_age * 365 + 364))


def _phone(rng: random.Random) -> str:
    return rng.choice(["09", "03", "08", "07"]) + f"{rng.randrange(10**8):08d}"


def _cccd(rng: random.Random, birth: dt.date, gender: str) -> str:
    century_gender = (0 if birth.year < 2000 else 2) + (1 if gender == "NU" else 0)
    return f"{rng.randint(1, 96):03d}{century_gender}{birth.year % 100:02d}{rng.randrange(10**6):06d}"


def _person_profile(rng: random.Random) -> tuple[int, int, list[str], str]:
    """Age range, target groups and process type of a beneficiary."""
    roll = rng.random()
    if roll < 0.35:
        groups = rng.sample(["HCDB_A", "HCDB_B", "HCDB_C", "HCDB_D", "HCDB_H", "HCDB_I", "HCDB_N", "TCXH_01"],
                            rng.choice((1, 1, 2)))
        return 1, 15, groups, "ND56_2017"
    if roll < 0.65:
        groups = rng.sample(["TCXH_05A", "TCXH_05C", "HUU_TRI_XH", "HO_NGHEO"], rng.choice((1, 2)))
        return 60, 95, groups, "TT02_2020"
    if roll < 0.80:
        level = rng.choice(["TCXH_06_NANG", "TCXH_06_DBN"])  # ND 20 Art. 6.1e: two coefficients
        return 18, 70, [level, *rng.sample(["HO_NGHEO", "CDHH"], rng.choice((0, 1)))], "TT01_2015"
    if roll < 0.90:
        return 18, 60, [rng.choice(["TAM_THAN", "MA_TUY", "BAO_LUC_GD", "TCXH_08"])], "TT02_2020"
    return 18, 55, [rng.choice(["TCXH_04", "HO_NGHEO", "THIEN_TAI"])], "TT02_2020"


def generate(
    ctx: AppContext, cases: int, workers: int, seed: int, progress: ProgressSink = NULL_PROGRESS,
    cancel: CancelToken | None = None, chunk: int = 5000,
) -> dict[str, int]:
    """Add `workers` roster entries with their training and `cases` cases with their services.

    Written through the ChangeWriter (outbox entries included) in chunks of `chunk` cases, each its
    own transaction. Returns how many records of each kind were created.
    """
    rng = random.Random(seed)
    names = Names(rng)
    saved_ids = ctx.new_id
    ctx.new_id = SeededIds(seed)
    created = {"worker": 0, "training_course": 0, "training_attendance": 0, "beneficiary": 0, "case": 0,
               "service_record": 0}
    try:
        worker_ids = _roster(ctx, rng, names, workers, created)
        done = 0
        counters: dict[int, int] = {}
        for batch in _chunks(cases, chunk):
            if cancel is not None:
                cancel.check()
            _case_batch(ctx, rng, names, batch, worker_ids, counters, created)
            done += batch
            progress.report(done, cases, "cases")
    finally:
        ctx.new_id = saved_ids
    return created


def _chunks(total: int, size: int) -> Iterator[int]:
    while total > 0:
        yield min(size, total)
        total -= size


def _roster(ctx: AppContext, rng: random.Random, names: Names, count: int, created: dict[str, int]) -> list[str]:
    categories = ["CHUYEN_TRACH", "KHONG_CHUYEN_TRACH", "CTV_CTXH", "CTV_CTXH", "BVTE_XA", "CTV_BVTE", "TNV"]
    rows = []
    for i in range(count):
        full_name, gender = names.person()
        birth = _birth(rng, 22, 58)
        category = categories[i % len(categories)] if i < len(categories) else rng.choice(categories)
        education = rng.choice(["TRUNG_CAP", "CAO_DANG", "DAI_HOC", "DAI_HOC", "THAC_SI", "CHUA_DAO_TAO"])
        row: dict[str, Any] = {
            "full_name": full_name, "gender": gender, "birth_date": birth,
            "national_id": _cccd(rng, birth, gender), "phone": _phone(rng),
            "address": f"{rng.choice(HAMLETS)}", "category": category, "workplace_type": "UBND_XA",
            "position": {"CHUYEN_TRACH": "Công chức văn hóa – xã hội", "BVTE_XA": "Cán bộ bảo vệ trẻ em"}.get(
                category, "Cộng tác viên"),
            "education_level": education,
            "major": rng.choice(["Công tác xã hội", "Xã hội học", "Tâm lý học", "Giáo dục đặc biệt", "Luật"]),
            "sw_qualification": rng.choice(["CC_NGHIEP_VU_CTXH", "TAP_HUAN_NGAN_HAN", "CHUA_DAO_TAO", "TRUNG_CAP"]),
            "start_date": ANCHOR - dt.timedelta(days=rng.randint(60, 3650)), "status": "DANG_LAM",
        }
        if category == "CHUYEN_TRACH" and rng.random() < 0.7:
            row.update(title_grade="IV", title_code="V.09.04.03", practice_cert_no=f"CTXH-{rng.randrange(10**5):05d}",
                       practice_cert_expiry=ANCHOR + dt.timedelta(days=rng.randint(-60, 1500)))
        row.update(person_keys(row))
        rows.append(row)
    with Writing(ctx) as writer:
        worker_ids = writer.create_many(Worker, rows)
        course_rows = []
        for title, kind, level, organiser, hours in COURSES:
            start = ANCHOR - dt.timedelta(days=rng.randint(30, 1500))
            course_rows.append({"title": title, "kind": kind, "level": level, "organiser": organiser,
                                "start_date": start, "end_date": start + dt.timedelta(days=max(1, hours // 8)),
                                "hours": hours, "location": "Hội trường UBND xã"})
        course_ids = writer.create_many(TrainingCourse, course_rows)
        attendance = []
        for worker_id in worker_ids:
            for course_id in rng.sample(course_ids, rng.choice((0, 1, 1, 2, 3))):
                attendance.append({"course_id": course_id, "worker_id": worker_id, "completed": True,
                                   "certificate_no": f"CC{rng.randrange(10**6):06d}"})
        writer.create_many(TrainingAttendance, attendance)
        allowances = []
        for worker_id, row in zip(worker_ids, rows, strict=True):
            if row["category"] != "CTV_CTXH":
                continue
            allowances.append({"worker_id": worker_id, "amount": 2_340_000, "effective_from": dt.date(2024, 7, 1),
                               "decision_no": f"{rng.randint(10, 300)}/QĐ-UBND"})
            if rng.random() < 0.7:  # most communes raised the allowance with the base salary
                allowances.append({"worker_id": worker_id, "amount": 2_530_000,
                                   "effective_from": dt.date(2026, 7, 1),
                                   "decision_no": f"{rng.randint(10, 300)}/QĐ-UBND"})
        writer.create_many(WorkerAllowance, allowances)
    created["worker_allowance"] = created.get("worker_allowance", 0) + len(allowances)
    created["worker"] += len(worker_ids)
    created["training_course"] += len(course_ids)
    created["training_attendance"] += len(attendance)
    return worker_ids


def case_batch_rows(
    ctx: AppContext, rng: random.Random, names: Names, count: int, worker_ids: list[str],
    counters: dict[int, int],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of `count` demo cases: (beneficiaries, cases, services), not yet written."""
    people: list[dict[str, Any]] = []
    case_rows: list[dict[str, Any]] = []
    service_rows: list[dict[str, Any]] = []
    for _ in range(count):
        full_name, gender = names.person()
        min_age, max_age, groups, process = _person_profile(rng)
        birth = _birth(rng, min_age, max_age)
        person: dict[str, Any] = {
            "id": ctx.new_id(), "full_name": full_name, "gender": gender, "birth_date": birth,
            "national_id": _cccd(rng, birth, gender) if min_age >= 14 and rng.random() < 0.8 else None,
            "phone": _phone(rng) if rng.random() < 0.6 else None,
            "address": f"{rng.choice(HAMLETS)}", "commune_code": ctx.commune_code,
            "guardian_name": names.person()[0] if max_age < 18 else None,
            "target_groups": " ".join(sorted(groups)),
        }
        person.update(person_keys(person))
        people.append(person)
        # A case opens after the person is born (young children have short histories).
        opened = ANCHOR - dt.timedelta(days=rng.randint(0, min(5 * 365, (ANCHOR - birth).days)))
        counters[opened.year] = counters.get(opened.year, 0) + 1
        case_no = f"{opened.year}-{counters[opened.year]:05d}"
        closed = rng.random() < 0.45 and (ANCHOR - opened).days > 60
        # The steps of the case's own process: the last when closed, one of the others while open.
        steps = process_steps(process)
        step = steps[-1] if closed else rng.choice(steps[:-1])
        case_id = ctx.new_id()
        case_rows.append({
            "id": case_id, "case_no": case_no, "beneficiary_id": person["id"], "process_type": process,
            "step": step, "status": CLOSED if closed else (NEW if step == "TIEP_NHAN" else IN_PROGRESS),
            "opened_on": opened,
            "closed_on": opened + dt.timedelta(days=rng.randint(30, max(31, (ANCHOR - opened).days))) if closed
            else None,
            "closure_reason": rng.choice(["DAT_MUC_TIEU", "DAT_MUC_TIEU", "CHUYEN_DI", "DU_18_TUOI", "MAT_LIEN_LAC"])
            if closed else None,
            "assigned_worker_id": rng.choice(worker_ids) if worker_ids else None,
            "summary": None, **case_keys(case_no, person), "last_contact_on": opened,
            "legal_basis": STATUTORY_DUTY,
        })
        services, weights = zip(*SERVICE_WEIGHTS, strict=True)
        for _ in range(rng.choice((0, 1, 2, 2, 3, 3, 4, 5))):
            delivered = opened + dt.timedelta(days=rng.randint(0, max(0, (ANCHOR - opened).days)))
            case_rows[-1]["last_contact_on"] = max(case_rows[-1]["last_contact_on"], delivered)
            service_rows.append({
                "case_id": case_id, "service_type": rng.choices(services, weights)[0], "delivered_on": delivered,
                "worker_id": rng.choice(worker_ids) if worker_ids else None,
                "duration_minutes": rng.choice((15, 30, 45, 60, 90)), "notes": None,
            })
    return people, case_rows, service_rows


def process_steps(process: str) -> list[str]:
    """The step codes of a process (TT 02/2020's for a process not defined as data yet, like TT 01/2015)."""
    from desktop.core.services.workflow import processes

    found = processes().get(process) or processes()["TT02_2020"]
    return [step.code for step in found.steps]


def _step_rows(rng: random.Random, case_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The current step record of each open case: some due soon or overdue, some plans awaiting approval."""
    rows = []
    for case in case_rows:
        if case["status"] == CLOSED:  # the closing step, finished on the day the case closed
            ended = dt.datetime.combine(case["closed_on"], dt.time(15, 0))
            rows.append({"case_id": case["id"], "step_code": case["step"], "completed_at": ended,
                         "started_at": ended - dt.timedelta(days=rng.randint(1, 20)),
                         "responsible_worker_id": case["assigned_worker_id"]})
            continue
        started = dt.datetime.combine(min(case["opened_on"] + dt.timedelta(days=rng.randint(0, 20)), ANCHOR),
                                      dt.time(rng.randint(7, 16), 0))
        row: dict[str, Any] = {"case_id": case["id"], "step_code": case["step"], "started_at": started,
                               "responsible_worker_id": case["assigned_worker_id"]}
        if case["step"] == "KE_HOACH":
            row["due_at"] = started + dt.timedelta(days=7)
            if rng.random() < 0.4:
                row["approval_requested_at"] = started + dt.timedelta(days=3)
                row["approval_due_at"] = started + dt.timedelta(days=5)
        rows.append(row)
    return rows


def sample_answers(form: Any, on: dt.date, first_code: Any) -> dict[str, Any]:
    """Answers that satisfy a form: its required fields (and the fields they show) filled plainly."""
    answers: dict[str, Any] = {}
    for field in form.fields():
        if field.show_when is not None and not field.show_when.holds(answers):
            continue
        if not field.required:
            continue
        choices = [c[0] for c in field.choices] or (
            [first_code(field.code_list)] if field.type in ("choice", "multichoice") else [None])
        answers[field.code] = {
            "date": on.isoformat(), "number": 1, "boolean": False, "choice": choices[0], "multichoice": choices[:1],
        }.get(field.type, "Ghi nhận khi tiếp nhận (dữ liệu mẫu)")
    return answers


def _form_rows(rng: random.Random, case_rows: list[dict[str, Any]], first_code: Any) -> list[dict[str, Any]]:
    """The intake form (Mẫu 01) of about a third of the cases, filled on the day each opened."""
    import json

    from desktop.core.services.case_forms import forms
    from desktop.core.services.workflow import processes

    rows = []
    for case in case_rows:
        process = processes().get(case["process_type"])
        if process is None or not process.steps[0].forms or rng.random() >= 0.35:
            continue
        form = forms()[process.steps[0].forms[0]]
        rows.append({"case_id": case["id"], "step_code": process.steps[0].code, "form_code": form.code,
                     "form_version": form.version, "filled_on": case["opened_on"],
                     "answers": json.dumps(sample_answers(form, case["opened_on"], first_code), ensure_ascii=False,
                                           sort_keys=True),
                     "filled_by_worker_id": case["assigned_worker_id"]})
    return rows


def _consent_rows(rng: random.Random, people: list[dict[str, Any]], case_rows: list[dict[str, Any]],
                  names: Names) -> list[dict[str, Any]]:
    """One case in twenty rests on consent: everyone who must sign has signed on the day it opened
    (a child of 7 or more beside the representative), and now and then a consent to share on referral."""
    from desktop.core.domain.consent_rules import required_signers

    rows = []
    for person, case in zip(people, case_rows, strict=True):
        if rng.random() >= 0.05:
            continue
        case["legal_basis"] = "DONG_Y"
        purposes = ["QUAN_LY_TRUONG_HOP"] + (["CHIA_SE_CHUYEN_TUYEN"] if rng.random() < 0.3 else [])
        for purpose in purposes:
            for role in required_signers(person["birth_date"], case["opened_on"]):
                signer = person["full_name"] if role in ("BAN_THAN", "TRE_EM") else (
                    person["guardian_name"] or names.person()[0])
                rows.append({"beneficiary_id": person["id"], "case_id": case["id"], "purpose": purpose,
                             "signer_role": role, "signer_name": signer, "given_on": case["opened_on"]})
    return rows


def _case_batch(
    ctx: AppContext, rng: random.Random, names: Names, count: int, worker_ids: list[str],
    counters: dict[int, int], created: dict[str, int],
) -> None:
    people, case_rows, service_rows = case_batch_rows(ctx, rng, names, count, worker_ids, counters)
    step_rows = _step_rows(rng, case_rows)
    consent_rows = _consent_rows(rng, people, case_rows, names)
    book = codebook(ctx)
    form_rows = _form_rows(rng, case_rows, lambda name: book.items(name)[0][0])
    with Writing(ctx) as writer:
        writer.create_many(Beneficiary, people)
        writer.create_many(Case, case_rows)
        writer.create_many(ServiceRecord, service_rows)
        writer.create_many(CaseStep, step_rows)
        writer.create_many(FormAnswer, form_rows)
        writer.create_many(Consent, consent_rows)
    created["consent"] = created.get("consent", 0) + len(consent_rows)
    created["form_answer"] = created.get("form_answer", 0) + len(form_rows)
    created["case_step"] = created.get("case_step", 0) + len(step_rows)
    created["beneficiary"] += len(people)
    created["case"] += len(case_rows)
    created["service_record"] += len(service_rows)
