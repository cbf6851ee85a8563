"""A commune's records made through the services with known dates, whose report figures were counted by hand
(tests/test_reports.py holds the expected values and how each was counted).

Workers (all social-work categories):
  An    CTV_CTXH     from 2024-01-01, trung cấp CTXH; allowance 2,340,000 from 2024-07-01 to 2026-06-30,
                     then 2,530,000
  Bình  CTV_CTXH     from 2024-03-01, untrained; course K1 (ended 2025-10-10); allowance 2,000,000 (below the
                     base salary) from 2024-03-01, 2,340,000 from 2025-07-01
  Chi   CHUYEN_TRACH from 2020-01-01; trained twice: K0 (2025-05-20) and K1
  Dung  KHONG_CHUYEN_TRACH from 2023-01-01; course K2 (2026-03-15): after a 2025 report's date
  Em    CTV_CTXH     from 2025-02-01; marked as left today with no end date; allowance 2,340,000
  Giang CHUYEN_TRACH 2022-01-01 to 2025-06-30 (left mid-year), đại học CTXH
Cases:
  C1 Bé Một (born 2015, HCDB_A and HCDB_D: a child in two groups), ND 56, serious danger, opened 2025-03-03:
     first assessment done 10 h after intake; plan started Wed 2025-03-05, submitted Mon 03-10 (3rd working
     day), approved 03-11; services TU_VAN 2025-03-04, THAM_VAN 2025-04-01
  C2 Bé Hai (born 2016, HCDB_B), ND 56, serious danger, opened 2025-04-28: first assessment after 25 h; plan
     started and submitted Tue 04-29, approved Tue 05-06: the 3rd working day across the 30/4 and 1/5
     holidays; no service
  C3 Bé Ba (born 2019, HCDB_DD), ND 56, opened 2025-04-25: plan started Mon 04-28, submitted 04-29, approved
     Fri 05-02 (the 1st working day after the holidays); referred 2025-06-10, no service
  C4 Ông Bốn (born 1940, TCXH_05C), TT 02, opened 2024-11-01, closed 2025-02-10, reopened: open; TU_VAN
     2025-01-15
  C5 Bà Năm (born 1950, TCXH_06_NANG), TT 02, opened 2025-07-01, closed 2025-11-30 (moved away); PHCN
     2025-08-01, TU_VAN 2025-09-01
  C6 Cháu Sáu (born 2008, HCDB_A: 17 at the end of 2025), TT 02, opened 2026-01-10
  Bé Bảy (born 2020, THIEN_TAI), no case: recorded today, so not yet known at the end of 2025
Facilities: a health station in the master plan offering CTXH since 2024; a school in the plan offering it
  from 2026-02-01; a CTXH centre outside the plan.
Baseline: 2 people supported in 2020, entered from the ward's 2020 report.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

D = dt.date
CHAIR = "Nguyễn Văn Chủ tịch"  # who signed the plan's approval


def T(*parts: int) -> dt.datetime:
    """A moment."""
    return dt.datetime(*parts)


def build(ctx: Any) -> dict[str, str]:
    """Make the records on `ctx`; returns their ids by name."""
    from desktop.core.services import cases, registers, roster, roster_extras, training
    from desktop.core.services import workflow as wf

    ids: dict[str, str] = {}

    def worker(name: str, category: str, start: dt.date, **more: Any) -> str:
        ids[name], _ = roster.create_worker(ctx, {"full_name": f"Nguyễn Thị {name}", "category": category,
                                                  "start_date": start, "workplace_type": "UBND_XA", **more})
        return ids[name]

    worker("An", "CTV_CTXH", D(2024, 1, 1), sw_qualification="TRUNG_CAP")
    worker("Bình", "CTV_CTXH", D(2024, 3, 1))
    worker("Chi", "CHUYEN_TRACH", D(2020, 1, 1))
    worker("Dung", "KHONG_CHUYEN_TRACH", D(2023, 1, 1))
    worker("Em", "CTV_CTXH", D(2025, 2, 1))
    worker("Giang", "CHUYEN_TRACH", D(2022, 1, 1), end_date=D(2025, 6, 30), status="DA_NGHI",
           sw_qualification="DAI_HOC")
    roster.update_worker(ctx, ids["Em"], {"status": "DA_NGHI"})  # left, no end date entered
    for who, amount, start, end in (("An", 2_340_000, D(2024, 7, 1), D(2026, 6, 30)),
                                    ("An", 2_530_000, D(2026, 7, 1), None),
                                    ("Bình", 2_000_000, D(2024, 3, 1), D(2025, 6, 30)),
                                    ("Bình", 2_340_000, D(2025, 7, 1), None),
                                    ("Em", 2_340_000, D(2025, 2, 1), None)):
        roster_extras.add_allowance(ctx, {"worker_id": ids[who], "amount": amount, "effective_from": start,
                                          "effective_to": end})
    for name, start, end in (("K0", D(2025, 5, 18), D(2025, 5, 20)), ("K1", D(2025, 10, 8), D(2025, 10, 10)),
                             ("K2", D(2026, 3, 13), D(2026, 3, 15))):
        ids[name], _ = training.create_course(ctx, {"title": f"Lớp tập huấn {name}", "kind": "TAP_HUAN",
                                                    "start_date": start, "end_date": end})
    for course, who in (("K0", "Chi"), ("K1", "Bình"), ("K1", "Chi"), ("K2", "Dung")):
        training.add_attendance(ctx, {"course_id": ids[course], "worker_id": ids[who], "completed": True})

    def case(name: str, born: dt.date, groups: str, process: str, opened: dt.date, **more: Any) -> str:
        ids[name], _ = cases.open_case(ctx, {"full_name": name, "birth_date": born, "target_groups": groups},
                                       {"process_type": process, "opened_on": opened, **more})
        return ids[name]

    c1 = case("Bé Một", D(2015, 5, 1), "HCDB_A HCDB_D", "ND56_2017", D(2025, 3, 3), serious_danger=True)
    wf.advance(ctx, c1, T(2025, 3, 3, 10, 0))
    wf.advance(ctx, c1, T(2025, 3, 3, 18, 0))  # initial assessment done 10 h after intake at 08:00
    wf.advance(ctx, c1, T(2025, 3, 5, 9, 0))   # plan starts Wednesday
    wf.request_approval(ctx, c1, T(2025, 3, 10, 9, 0))
    wf.decide(ctx, c1, "APPROVED", T(2025, 3, 11, 9, 0), approver_name=CHAIR)
    for kind, day in (("TU_VAN", D(2025, 3, 4)), ("THAM_VAN", D(2025, 4, 1))):
        cases.add_service(ctx, {"case_id": c1, "service_type": kind, "delivered_on": day})

    c2 = case("Bé Hai", D(2016, 1, 1), "HCDB_B", "ND56_2017", D(2025, 4, 28), serious_danger=True)
    wf.advance(ctx, c2, T(2025, 4, 28, 9, 0))
    wf.advance(ctx, c2, T(2025, 4, 29, 9, 0))  # 25 h after intake
    wf.advance(ctx, c2, T(2025, 4, 29, 10, 0))
    wf.request_approval(ctx, c2, T(2025, 4, 29, 16, 0))
    wf.decide(ctx, c2, "APPROVED", T(2025, 5, 6, 9, 0), approver_name=CHAIR)  # 2/5, 5/5, 6/5: 3rd working day

    c3 = case("Bé Ba", D(2019, 6, 1), "HCDB_DD", "ND56_2017", D(2025, 4, 25))
    wf.advance(ctx, c3, T(2025, 4, 25, 10, 0))
    wf.advance(ctx, c3, T(2025, 4, 25, 15, 0))
    wf.advance(ctx, c3, T(2025, 4, 28, 9, 0))
    wf.request_approval(ctx, c3, T(2025, 4, 29, 9, 0))
    wf.decide(ctx, c3, "APPROVED", T(2025, 5, 2, 9, 0), approver_name=CHAIR)  # 1st working day after 30/4, 1/5
    registers.add_referral(ctx, {"case_id": c3, "facility_name": "Bệnh viện Nhi", "referred_on": D(2025, 6, 10)})

    c4 = case("Ông Bốn", D(1940, 1, 1), "TCXH_05C", "TT02_2020", D(2024, 11, 1))
    cases.add_service(ctx, {"case_id": c4, "service_type": "TU_VAN", "delivered_on": D(2025, 1, 15)})
    wf.close_case(ctx, c4, "MAT_LIEN_LAC", T(2025, 2, 10, 9, 0))
    wf.reopen_case(ctx, c4, "Gia đình liên lạc lại, tiếp tục hỗ trợ", T(2025, 3, 2, 9, 0))

    c5 = case("Bà Năm", D(1950, 3, 3), "TCXH_06_NANG", "TT02_2020", D(2025, 7, 1))
    for kind, day in (("PHCN", D(2025, 8, 1)), ("TU_VAN", D(2025, 9, 1))):
        cases.add_service(ctx, {"case_id": c5, "service_type": kind, "delivered_on": day})
    wf.close_case(ctx, c5, "CHUYEN_DI", T(2025, 11, 30, 9, 0))

    case("Cháu Sáu", D(2008, 1, 1), "HCDB_A", "TT02_2020", D(2026, 1, 10))
    from desktop.core.derived import person_keys
    from desktop.core.models import Beneficiary
    from desktop.core.services.cases import BENEFICIARY_RULES
    from desktop.core.services.records import create_record

    ids["Bé Bảy"], _ = create_record(ctx, Beneficiary, BENEFICIARY_RULES,
                                     {"full_name": "Bé Bảy", "birth_date": D(2020, 2, 2), "target_groups": "THIEN_TAI"},
                                     person_keys)

    for name, kind, planned, offers, since in (
            ("Trạm Y tế phường", "CO_SO_Y_TE", True, True, D(2024, 1, 1)),
            ("Trường Tiểu học", "CO_SO_GIAO_DUC", True, True, D(2026, 2, 1)),
            ("Trung tâm CTXH", "TRUNG_TAM_CTXH", False, True, None)):
        ids[name], _ = registers.add_facility(ctx, {"name": name, "facility_type": kind, "in_master_plan": planned,
                                                    "offers_ctxh": offers, "ctxh_since": since})
    registers.add_baseline(ctx, {"indicator": "PEOPLE_SUPPORTED", "year": 2020, "value": 2,
                                 "source": "Báo cáo năm 2020 của UBND phường"})
    return ids
