"""Reports: every figure of a fixed dataset against values counted by hand (tests/report_dataset.py says what
the records are), the periods, the targets a commune sees, small-cell suppression, and the report files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.domain import periods
from desktop.core.domain.small_cells import HIDDEN, hidden_cells
from tests.conftest import make_profile
from tests.report_dataset import build


@pytest.fixture(scope="module")
def commune(tmp_path_factory: pytest.TempPathFactory):
    ctx = make_profile(tmp_path_factory.mktemp("report") / "p")
    ids = build(ctx)
    yield ctx, ids
    ctx.db.dispose()


def values(ctx, kind: str, period: periods.Period) -> dict[str, tuple]:
    from desktop.core.services.reports import build_report

    report = build_report(ctx, kind, period, compare=False)
    return {k: (f.value, f.numerator, f.denominator) for k, f in report.figures.items()}


def test_the_year_2025_counted_by_hand(commune) -> None:
    ctx, _ids = commune
    got = values(ctx, "p112", periods.year(2025))
    expected = {
        # On 31/12/2025: An, Bình, Chi, Dung and Em (marked left only today, with no end date); Giang left 30/6.
        "staff.total": (5, None, None),
        "staff.by_category.CTV_CTXH": (3, None, None),
        "staff.by_category.CHUYEN_TRACH": (1, None, None),
        "staff.by_category.KHONG_CHUYEN_TRACH": (1, None, None),
        "staff.joined": (1, None, None),  # Em
        "staff.left": (1, None, None),  # Giang
        # Trained by 31/12/2025: An (trung cấp), Bình (K1, October), Chi (twice, counted once). Dung's course is
        # in March 2026: counting it would give 80%.
        "P4": (0.6, 3, 5),
        "staff.trained_in_period": (2, None, None),  # Bình and Chi
        "collaborators": (3, None, None),  # at least 1–2: three meets it
        # Collaborator-months: An 12 paid 2,340,000 = base; Bình 6 of 12 (2,000,000 until June); Em 11 (from
        # February): 29 of 35.
        "allowance_at_least_base": (29 / 35, 29, 35),
        "P1": (1.0, 1, 1),  # on 31/12 every collaborator is paid at least the base salary
        "cases.opened": (4, None, None),  # C1, C2, C3, C5
        "cases.open_at_end": (4, None, None),  # C1, C2, C3 and C4 (closed in February, then reopened)
        "cases.closed": (1, None, None),  # C5; C4's closing was undone
        "cases.closed.by_reason.CHUYEN_DI": (1, None, None),
        # Bé Một is in two groups: she counts in both, and once in the total.
        "cases.opened.by_group.HCDB_A": (1, None, None),
        "cases.opened.by_group.HCDB_D": (1, None, None),
        "cases.open_at_end.by_step.KE_HOACH": (3, None, None),
        "cases.open_at_end.by_step.TIEP_NHAN": (1, None, None),
        "child.emergency_within_12h": (0.5, 1, 2),  # C1 in 10 h, C2 in 25 h
        "child.plan_within_5_days": (1.0, 3, 3),
        # C1 the next working day; C3 on Friday 2/5, the first working day after 30/4 and 1/5; C2 on Tuesday
        # 6/5, the third working day after Tuesday 29/4 across those holidays.
        "child.approved_within_2_days": (2 / 3, 2, 3),
        "services.total": (5, None, None),
        "services.by_type.TU_VAN": (3, None, None),
        "people.supported": (3, None, None),  # Bé Một, Ông Bốn, Bà Năm
        "P3": (0.5, 3, 2),  # against the 2 people of 2020 entered from the ward's report
        "referrals.made": (1, None, None),
        # Children known on 31/12/2025: Bé Một, Bé Hai, Bé Ba (Cháu Sáu is 17; Bé Bảy was recorded only today).
        # Supported: Bé Một (services) and Bé Ba (a referral); Bé Hai had none.
        "P5": (2 / 3, 2, 3),
        "P2": (0.5, 1, 2),  # the school offers CTXH only from February 2026; the centre is not in the plan
        "training.classes": (2, None, None),
        "training.attendances": (3, None, None),
    }
    assert {k: got.get(k) for k in expected} == expected
    assert "cases.opened.by_group.HCDB_A" in got and "cases.open_at_end.by_group.TCXH_05C" in got
    assert "cases.closed.by_reason.MAT_LIEN_LAC" not in got  # Ông Bốn's case was reopened


def test_the_first_half_of_2025_closes_on_14_june(commune) -> None:
    ctx, _ids = commune
    half = periods.half(2025, 1)
    assert (half.start, half.end) == (dt.date(2024, 12, 15), dt.date(2025, 6, 14))
    got = values(ctx, "tt02", half)
    assert got["staff.total"] == (6, None, None)  # Giang was still working on 14/6
    assert got["P4"] == (0.5, 3, 6)  # An, Chi (K0 in May), Giang; Bình's course is in October
    # Seven months touched (December from the 15th to June's 14th): An 7, Bình 0 (2,000,000), Em 5.
    assert got["allowance_at_least_base"] == (12 / 19, 12, 19)
    assert got["P1"] == (0.0, 0, 1)  # on 14/6 Bình is paid below the base salary
    assert got["cases.closed"] == (0, None, None)
    # An entered baseline is a whole year's: a half-year is not measured against it.
    assert got["P3"][0] is None


def test_2026_takes_what_changed(commune) -> None:
    ctx, _ids = commune
    got = values(ctx, "p112", periods.year(2026))
    assert got["staff.total"] == (4, None, None)  # Em was marked left on the day the records were made
    assert got["P4"] == (1.0, 4, 4)  # Dung's March course now counts
    assert got["P1"] == (0.0, 0, 1)  # the base salary rose to 2,530,000 in July; Bình still gets 2,340,000
    assert got["P2"] == (1.0, 2, 2)
    assert got["P5"] == (0.0, 0, 4)  # Bé Bảy is known now; Cháu Sáu is 18


def test_a_left_worker_without_an_end_date_stays_in_past_years(commune) -> None:
    ctx, ids = commune
    from desktop.core.services.reports import records_behind

    behind = records_behind(ctx, periods.year(2025), "staff.total")
    assert behind["entity"] == "worker" and ids["Em"] in behind["ids"] and ids["Giang"] not in behind["ids"]
    assert ids["Giang"] in records_behind(ctx, periods.half(2025, 1), "staff.total")["ids"]


def test_the_targets_a_commune_sees_are_its_provinces_own(commune, tmp_path: Path) -> None:
    ctx, _ids = commune
    from desktop.core.services.reports import read_reference

    with ctx.db.reader() as session:
        hanoi = read_reference(session, "01").plans.by_indicator
        hcmc = read_reference(session, "79").plans.by_indicator
        vinh_long = read_reference(session, "86").plans.by_indicator
        an_giang = read_reference(session, "91").plans.by_indicator
    assert {t.plan for t in hanoi["TRAINED_SHARE"]} == {"QD112"}  # no Ninh Bình, no HCMC plan in Hà Nội
    with ctx.db.reader() as session:
        ninh_binh = read_reference(session, "37").plans.by_indicator
    assert {(t.plan, t.year, t.minimum) for t in ninh_binh["TRAINED_SHARE"]} == {("KH96_NINHBINH", 2030, 0.4)}
    assert {(t.year, t.minimum) for t in hcmc["TRAINED_SHARE"]} == {(2025, 0.5), (2030, 0.8)}
    assert [t.minimum for t in hanoi["COLLABORATORS_PER_COMMUNE"]] == [1]
    assert [t.minimum for t in vinh_long["COLLABORATORS_PER_COMMUNE"]] == [2]  # Bến Tre's plan
    assert all(t.maximum is None for rows in hanoi.values() for t in rows)  # "1–2" reads "at least"
    assert {t.plan for t in an_giang["PRIORITY_CHILDREN_SUPPORTED"]} == {"QD588_AG"}


def test_periods_and_the_one_before() -> None:
    assert periods.month(2026, 1).previous() == periods.month(2025, 12)
    assert periods.quarter(2026, 1).previous() == periods.quarter(2025, 4)
    assert periods.half(2026, 1).previous() == periods.half(2025, 2)
    assert periods.half(2025, 2).previous() == periods.half(2025, 1)
    assert periods.reporting_year(2026).previous() == periods.reporting_year(2025)
    assert periods.year(2024).previous() == periods.year(2023)
    week = periods.day_range(dt.date(2026, 3, 8), dt.date(2026, 3, 14))
    assert week.previous() == periods.day_range(dt.date(2026, 3, 1), dt.date(2026, 3, 7))
    assert [m[0].month for m in periods.half(2026, 1).months()] == [12, 1, 2, 3, 4, 5, 6]
    assert [p.label for p in periods.last_periods(periods.year(2026), 3)] == ["Năm 2024", "Năm 2025", "Năm 2026"]
    with pytest.raises(ValueError):
        periods.day_range(dt.date(2026, 3, 8), dt.date(2026, 3, 1))


def test_the_priority_children_are_matched_by_code_not_by_pattern() -> None:
    from desktop.core.domain.report_rules import PersonRow, is_priority_child

    on = dt.date(2025, 12, 31)
    child = dt.date(2018, 1, 1)
    assert is_priority_child(PersonRow("a", child, frozenset({"HCDB_DD"}), None), on)
    # The old LIKE '%HCDB_%' matched any group holding "HCDB" and one more character.
    assert not is_priority_child(PersonRow("b", child, frozenset({"HCDBX", "TCXH_01"}), None), on)
    assert not is_priority_child(PersonRow("c", child, frozenset({"HCDB_E"}), None), on)  # not a P5 group
    assert not is_priority_child(PersonRow("d", dt.date(1980, 1, 1), frozenset({"THIEN_TAI"}), None), on)
    assert is_priority_child(PersonRow("e", None, frozenset({"HCDB_B"}), None), on)


def test_small_cells_hide_a_count_and_its_complement() -> None:
    assert hidden_cells([3, 20, 10], 33) == {0, 2}  # 3 hidden; 10 too, or 33 − 20 − 10 gives it back
    assert hidden_cells([3, 2, 40], 45) == {0, 1}
    assert hidden_cells([0, 20, 10], 30) == set()
    assert hidden_cells([3, 20], None) == {0}


@given(st.lists(st.integers(min_value=0, max_value=30), min_size=1, max_size=8))
def test_no_hidden_cell_can_be_given_back_by_the_total(cells: list[int]) -> None:
    hidden = hidden_cells(cells, sum(cells))
    small = {i for i, n in enumerate(cells) if 1 <= n <= 4}
    assert small <= hidden  # every small count is hidden
    assert len(hidden - small) <= 1  # and at most one other cell, its complement
    assert all(cells[i] for i in hidden)  # a zero singles nobody out: never hidden
    # With the total shown, one hidden cell alone could be computed: never exactly one nonzero hidden cell
    # unless nothing else could be hidden with it.
    nonzero_shown = [i for i, n in enumerate(cells) if n and i not in hidden]
    assert len(hidden) != 1 or not nonzero_shown


def test_the_report_files_leave_small_counts_hidden(commune, tmp_path: Path, qapp) -> None:
    from openpyxl import load_workbook

    from desktop.__main__ import render_pdf
    from desktop.cli import run

    ctx, _ids = commune
    data_dir = str(ctx.profile.root)
    out = tmp_path / "bao-cao.xlsx"
    assert run(["--data-dir", data_dir, "report", "--kind", "tt02", "--year", "2025", "--half", "1", "--out",
                str(out), "--json"]) == 0
    sheet = load_workbook(out).active
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    text = "\n".join(str(v) for row in cells for v in row if v is not None)
    assert "UBND PHƯỜNG BA ĐÌNH" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text and "BÁO CÁO KẾT QUẢ CÔNG TÁC XÃ HỘI" in text
    assert "từ ngày 15/12/2024 đến ngày 14/06/2025" in text
    assert "NGƯỜI LẬP BIỂU" in text and "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" in text
    assert int(sheet.page_setup.paperSize) == 9 and sheet.print_area  # A4
    rows = {row[1].strip(): row for row in cells if row[1]}
    assert rows["Hồ sơ tiếp nhận mới trong kỳ"][3] == HIDDEN  # 3 cases: people in hardship
    assert rows["Tổng số người làm công tác xã hội cuối kỳ"][3] == 6  # staff are not hidden; a count is a number
    # A share of few children gives them back from its parts: hidden; the staff's share is shown.
    assert rows["Trẻ em bị tổn hại nghiêm trọng được can thiệp khẩn cấp trong 12 giờ"][3] == HIDDEN
    assert rows["Tỷ lệ đã qua đào tạo, bồi dưỡng (chỉ tiêu 4, QĐ 112)"][3] == "50,0% (3/6)"
    assert "«<5» là số từ 1 đến 4" in text
    pdf = tmp_path / "bao-cao.pdf"
    assert run(["--data-dir", data_dir, "report", "--kind", "p112", "--year", "2025", "--out", str(pdf)],
               render_pdf=render_pdf) == 0
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 5000


def test_report_json_and_bad_periods(commune, capsys) -> None:
    from desktop.cli import run

    ctx, _ids = commune
    data_dir = str(ctx.profile.root)
    assert run(["--data-dir", data_dir, "report", "--kind", "p112", "--year", "2025", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    # The previous year: on 31/12/2024 An and Giang of five were trained.
    assert figures["P4"] == {
        "value": 0.6, "numerator": 3, "denominator": 5, "met": True, "unit": "share", "previous": 0.4,
        "target": {"min": 0.3, "max": None, "year": 2025, "plan": "QD112", "note": "QĐ 112/QĐ-TTg (chỉ tiêu 4)"},
        "period": {"kind": "year", "from": "2025-01-01", "to": "2025-12-31", "label": "Năm 2025"}}
    for bad, code in ((["--from", "2025-03-01"], "E_PERIOD_RANGE"), (["--from", "2025-03-01", "--to", "2025-02-01"],
                      "E_PERIOD_ORDER"), (["--from", "1/3/2025", "--to", "2025-04-01"], "E_PERIOD_VALUE"),
                      (["--year", "2025", "--out", "x.docx"], "E_REPORT_OUT"), (["--year", "0"], "E_PERIOD_VALUE")):
        assert run(["--data-dir", data_dir, "report", *bad, "--json"]) == 2
        assert json.loads(capsys.readouterr().out)["error"] == code


def test_a_case_stands_in_the_step_it_had_reached_on_the_day() -> None:
    """A re-plan enters KE_HOACH again: on each day the case counts in the step it stood in then."""
    from desktop.core.domain.report_rules import CaseRow, CommuneData, Rates, StepRow, commune_figures

    def run(code: str, month: int) -> StepRow:
        return StepRow("c", code, dt.datetime(2025, month, 1, 9), None, None, None, None)

    data = CommuneData(cases=[CaseRow("c", "p", "ND56_2017", dt.date(2025, 1, 1), None, None, None)],
                       steps=[run("TIEP_NHAN", 1), run("KE_HOACH", 2), run("THUC_HIEN", 3), run("RA_SOAT", 4),
                              run("KE_HOACH", 6)])
    for month, step in ((2, "KE_HOACH"), (4, "RA_SOAT"), (5, "RA_SOAT"), (6, "KE_HOACH")):
        figures = commune_figures(data, periods.month(2025, month), Rates())
        assert figures[f"cases.open_at_end.by_step.{step}"].value == 1, month
