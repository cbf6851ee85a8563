"""Screenshots of the allowance register and the hub's review queue (issue 16), under Xvfb at 1366×768.

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/allowance_shots.py

A commune's profile with its allowance lists imported (the tests' Excel 97 list by village and a list of
decisions) and a few more people, a new provincial standard waiting: grabs Trợ cấp xã hội, what the new
standard changes, and the first page of the payment list's PDF. Then a hub holding the tests' synthetic
province (60 communes, planted duplicates, two people paid by two communes): grabs the review queue.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT.parent.parent))

from docs.screenshots.security_shots import grab, run_signed_in, run_steps  # noqa: E402

PASSPHRASE = "lua chin vang dong que"


def commune(work: Path) -> Path:
    """A commune's profile with its register."""
    from desktop.core.models import ReferenceRate
    from desktop.core.services.allowance_import import import_allowances
    from desktop.core.services.allowances import add_recipient, register
    from desktop.core.services.setup import SetupRequest, initialise_profile
    from tests.list_corpus import xls_allowance_by_village
    from tests.test_allowance_import import _decision_list

    profile = work / "xa"
    ctx = initialise_profile(profile, SetupRequest("01", "00004", "Máy cán bộ VHXH", "nguyen.lan", PASSPHRASE,
                                                   "Nguyễn Thị Lan"))
    import_allowances(ctx, xls_allowance_by_village(work / "chi tra.xls").path,
                      choices={("allowance_clause", "khoan 6 dieu 5 (dbn)"): "TCXH_06_DBN"})
    import_allowances(ctx, _decision_list(work / "doi tuong.xlsx"))
    month = dt.date(2026, 12, 1)
    for name, birth, clause, extra in [
            ("Vương Thị Hằng", "14/02/1991", "CS_KT_THAI_CON", {"payee_name": None}),
            ("Lâm Văn Khải", "03/07/1958", "TCXH_06_NANG", {}),
            ("Đoàn Bảo Ngọc", "21/10/2023", "TCXH_01", {"sub_clause": "c"}),
            ("Quách Thị Lụa", "09/09/1939", "TCXH_05A", {})]:
        add_recipient(ctx, {"full_name": name, "birth_date": birth, "address": "Tổ 7"},
                      {"clause": clause, "decision_no": "102/QĐ-UBND", "decision_date": dt.date(2026, 11, 25),
                       "start_month": month, **{k: v for k, v in extra.items() if v}})
    register(ctx, month)  # what is held now is accepted; the province's new standard arrives after
    with ctx.db.session() as session:
        session.add(ReferenceRate(kind="SOCIAL_ASSISTANCE_STANDARD", province_code="01", value=600_000,
                                  effective_from=dt.date(2027, 1, 1), basis="NQ HĐND TP Hà Nội (ví dụ)", status="U"))
    ctx.db.dispose()
    return profile


def hub(work: Path) -> Path:
    """A hub of the synthetic province, two of its duplicates paid by both communes."""
    from desktop.core.repositories.reference import communes
    from sync.hub.profile import init_hub
    from tests.province_people import province_people
    from tests.test_hub_duplicates import _load

    ctx = init_hub(work / "hub", "01", "Sở Y tế Hà Nội", None, user=("quantri", PASSPHRASE))
    with ctx.db.reader() as session:
        codes = [c.code for c in communes(session, "01")][:60]
    province = province_people(codes, per_commune=150, seed=16)
    _load(ctx, province)
    from desktop.core.models import AllowanceDecision
    from desktop.core.services.changes import Writing

    month = dt.date.today().replace(day=1)
    people = {p["id"]: p for p in province.people}
    with Writing(ctx) as writer:
        for a, b in sorted(province.same_id)[:2]:
            for person_id in (a, b):
                writer.create_many(AllowanceDecision, [{
                    "beneficiary_id": person_id, "clause": "TCXH_05A", "decision_no": "7/QĐ-UBND",
                    "decision_date": month, "start_month": month,
                    "partition": f"01:{people[person_id]['commune']}"}])
    ctx.db.dispose()
    return work / "hub"


def main() -> None:
    """The register, the standard's changes, the payment list's PDF; then the hub's queue."""
    work = Path(tempfile.mkdtemp())
    profile = commune(work)

    def laptop_scenes(controller: object) -> None:
        window = controller.window  # type: ignore[attr-defined]

        def month(value: dt.date) -> None:
            from PySide6.QtCore import QDate

            window.page("allowances").month.setDate(QDate(value.year, value.month, 1))

        run_steps([
            (0, lambda: window.show_page("allowances")),
            (800, lambda: month(dt.date(2026, 12, 1))),
            (2000, lambda: grab("allowances-register")),
            (0, lambda: window.page("allowances")._see_standard()),
            (1500, lambda: grab("allowances-new-standard")),
        ])

    run_signed_in(profile, laptop_scenes, PASSPHRASE)
    pdf = work / "chi-tra.pdf"
    env = {**os.environ, "CTXH_PASSPHRASE": PASSPHRASE}
    subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(profile), "--user", "nguyen.lan",
                    "allowance", "payments", "--month", "2026-12", "--out", str(pdf)], check=True, env=env,
                   cwd=OUT.parent.parent)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "3", str(pdf), str(OUT / "allowances-pdf")],
                   check=True)
    hub_dir = hub(work)

    def hub_scenes(controller: object) -> None:
        window = controller.window  # type: ignore[attr-defined]
        run_steps([
            (0, lambda: window.show_page("hub_duplicates")),
            (500, lambda: window.page("hub_duplicates")._search()),
            (6000, lambda: grab("hub-duplicates-queue")),
            (0, lambda: window.page("hub_duplicates").queue.selectRow(next(
                i for i, p in enumerate(window.page("hub_duplicates").pairs) if p["kind"] == "probable"
                and "NAME_TYPO" in [e["code"] for e in p["evidence"]]))),
            (1000, lambda: grab("hub-duplicates-probable")),
        ])

    run_signed_in(hub_dir, hub_scenes, PASSPHRASE)


if __name__ == "__main__":
    main()
