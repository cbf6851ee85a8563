"""Printed papers that prove themselves (issue 18, part 2): the QR a form or report carries, signed by the
laptop's key; read back from a 300-dpi scan of its PDF; every single-field change of the record seen and named;
any tampering with the code refused; checked at the hub against what the commune sent."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.qr_images import Picture
from desktop.core.services import case_forms, cases
from desktop.core.services.print_subjects import form_subject
from sync.print_codes import SealFormatError, b45decode, b45encode, unpack
from sync.print_seals import laptop_signers, seal_text, verify_seal

ANSWERS = {"ho_ten": "Phạm Thị Lan", "ngay_sinh": "12/03/1948", "gioi_tinh": "NU", "noi_o": "Tổ 3, Phường Ba Đình",
           "tinh_trang_suc_khoe": "YEU", "benh_ghi_ro": "Tăng huyết áp, đi lại khó khăn",
           "co_nguoi_giam_ho": True, "nguoi_giam_ho": "Phạm Văn Hải (con trai)",
           "hoan_canh": "Sống một mình, con trai làm ăn xa, thu nhập dưới chuẩn nghèo."}


@pytest.fixture
def filled(ctx) -> tuple[object, str]:
    """A TT 02 intake form (Mẫu 01) filled in for an elderly woman."""
    case_id, _ = cases.open_case(ctx, {"full_name": "Phạm Thị Lan", "birth_date": "12/03/1948"},
                                 {"process_type": "TT02_2020", "opened_on": "02/11/2026"})
    answer_id, _ = case_forms.save_form(ctx, case_id, "TT02_M01", ANSWERS)
    return ctx, answer_id


def _now(ctx):
    from sync.print_seals import laptop_current

    return laptop_current(ctx)


def test_a_genuine_print_of_an_unchanged_record_is_current(filled) -> None:
    ctx, answer_id = filled
    subject = form_subject(ctx, answer_id, "vi")
    text = seal_text(ctx, subject)
    assert text.startswith("CTXP1:") and len(text) < 300
    result = verify_seal(text, laptop_signers(ctx), _now(ctx))
    assert result["verdict"] == "current" and result["signer"]["device"] == ctx.device_id
    assert ("Họ và tên", "Phạm Thị Lan") in result["fields"]
    # The form is dated the day it was filled in, not the birth date it asks for.
    assert ("Ngày ghi", dt.date.today().strftime("%d/%m/%Y")) in result["fields"]


def test_every_single_field_change_is_seen_and_named(filled) -> None:
    ctx, answer_id = filled
    printed = form_subject(ctx, answer_id, "vi")
    text = seal_text(ctx, printed)
    signers = laptop_signers(ctx)
    assert len(printed.fields) >= 14
    for i, (key, label, value) in enumerate(printed.fields):
        changed = list(printed.fields)
        changed[i] = (key, label, value + " (sửa)" if value else "x")
        result = verify_seal(text, signers, lambda _seal, c=tuple(changed): replace(printed, fields=c))
        assert result["verdict"] == "changed", key
        assert result["changed"] == [label or key], key


def test_real_edits_of_the_answers_and_the_person_are_named(filled) -> None:
    ctx, answer_id = filled
    text = seal_text(ctx, form_subject(ctx, answer_id, "vi"))
    answer = case_forms.get_form_answer(ctx, answer_id)
    case_forms.save_form(ctx, answer["case_id"], "TT02_M01", {**ANSWERS, "hoan_canh": "Đã có người chăm sóc."},
                         answer_id)
    result = verify_seal(text, laptop_signers(ctx), _now(ctx))
    assert result["verdict"] == "changed" and result["changed"] == ["Hoàn cảnh gia đình"]
    case = cases.get_case(ctx, answer["case_id"])
    cases.save_case(ctx, case["id"], {"full_name": "Phạm Thị Lan Anh"}, {})
    result = verify_seal(text, laptop_signers(ctx), _now(ctx))
    assert set(result["changed"]) == {"Hoàn cảnh gia đình", "Đối tượng"}
    case_forms.set_form_deleted(ctx, answer_id, True)
    assert verify_seal(text, laptop_signers(ctx), _now(ctx))["verdict"] == "gone"


def test_a_condition_that_shows_another_field_is_a_change_of_layout(filled) -> None:
    ctx, answer_id = filled
    text = seal_text(ctx, form_subject(ctx, answer_id, "vi"))
    answer = case_forms.get_form_answer(ctx, answer_id)
    case_forms.save_form(ctx, answer["case_id"], "TT02_M01", {**ANSWERS, "tinh_trang_suc_khoe": "TOT"}, answer_id)
    result = verify_seal(text, laptop_signers(ctx), _now(ctx))
    assert result["verdict"] == "changed" and result["layout_changed"]


def test_every_byte_changed_in_the_code_is_refused(filled) -> None:
    ctx, answer_id = filled
    text = seal_text(ctx, form_subject(ctx, answer_id, "vi"))
    payload = b45decode(text[6:])
    signers, now = laptop_signers(ctx), _now(ctx)
    for i in range(len(payload)):
        for flip in (0x01, 0x80):
            spoiled = bytearray(payload)
            spoiled[i] ^= flip
            result = verify_seal("CTXP1:" + b45encode(bytes(spoiled)), signers, now)
            assert result["verdict"] in ("not_genuine", "unknown_signer"), (i, flip)


def test_random_tampered_codes_are_never_accepted(filled) -> None:
    """A slice of the bench's million (bench/bench_cards.py): random bytes changed, cut or added."""
    ctx, answer_id = filled
    text = seal_text(ctx, form_subject(ctx, answer_id, "vi"))
    payload = b45decode(text[6:])
    signers, now = laptop_signers(ctx), _now(ctx)
    rng = random.Random(18)
    for _ in range(20_000):
        spoiled = tamper(payload, rng)
        if spoiled == payload:
            continue
        assert verify_seal("CTXP1:" + b45encode(spoiled), signers, now)["verdict"] in ("not_genuine",
                                                                                      "unknown_signer")


def tamper(payload: bytes, rng: random.Random) -> bytes:
    """A payload with a few random bytes changed, or cut, or grown (shared with the bench)."""
    data = bytearray(payload)
    how = rng.random()
    if how < 0.7:
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif how < 0.85:
        del data[rng.randrange(len(data)):]
    else:
        data += bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    return bytes(data)


@given(st.binary(max_size=400))
def test_base45_round_trips(data: bytes) -> None:
    assert b45decode(b45encode(data)) == data


@given(st.text(max_size=400))
def test_any_text_is_a_seal_or_a_format_error(text: str) -> None:
    try:
        unpack("CTXP1:" + text)
    except SealFormatError:
        pass


def test_a_seal_signed_by_another_key_or_for_another_commune_is_not_genuine(filled, tmp_path: Path) -> None:
    from tests.conftest import make_profile

    ctx, answer_id = filled
    subject = form_subject(ctx, answer_id, "vi")
    other = make_profile(tmp_path / "other", commune="00008")
    forged = seal_text(other, subject)  # another laptop's key, this commune's record
    assert verify_seal(forged, laptop_signers(ctx), _now(ctx))["verdict"] == "unknown_signer"
    signers = {**laptop_signers(ctx), **laptop_signers(other)}
    assert verify_seal(forged, signers, _now(ctx)) == {**verify_seal(forged, signers, _now(ctx)),
                                                        "verdict": "not_genuine", "why": "commune"}
    other.db.dispose()


def _pdftoppm() -> str:
    tool = shutil.which("pdftoppm")
    if tool is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed; .ci/run installs it")
    return tool


@pytest.mark.slow
def test_a_print_verifies_from_a_300_dpi_scan_of_its_pdf(filled, qapp, tmp_path: Path, capsys) -> None:
    from desktop.cli.main import run
    from desktop.ui.printing import save_pdf
    from sync.print_seals import sealed_form_html, verify_print

    ctx, answer_id = filled
    pdf = save_pdf(sealed_form_html(ctx, answer_id, "vi"), tmp_path / "mau01.pdf")
    subprocess.run([_pdftoppm(), "-r", "300", "-png", str(pdf), str(tmp_path / "scan")], check=True)
    pages = sorted(tmp_path.glob("scan*.png"))
    results = [r for page in pages for r in _seals(ctx, verify_print, page)]
    assert [r["verdict"] for r in results] == ["current"]
    answer = case_forms.get_form_answer(ctx, answer_id)
    case_forms.save_form(ctx, answer["case_id"], "TT02_M01", {**ANSWERS, "noi_o": "Tổ 9, Phường Ba Đình"}, answer_id)
    scan = next(p for p in pages if _seals(ctx, verify_print, p))
    assert run(["--data-dir", str(ctx.profile.root), "verify-print", str(scan)]) == 1
    out = capsys.readouterr().out
    assert "ĐÚNG BẢN GỐC, NHƯNG HỒ SƠ ĐÃ THAY ĐỔI" in out and "Đã thay đổi: Nơi ở hiện nay." in out


@pytest.mark.slow
def test_a_print_verifies_from_a_phone_photo_of_the_paper(filled, qapp, tmp_path: Path) -> None:
    """The district's way: the signed paper on a desk, photographed with a phone, turned, a little soft."""
    import io

    from PIL import Image, ImageFilter

    from desktop.ui.printing import save_pdf
    from sync.print_seals import sealed_form_html, verify_print

    ctx, answer_id = filled
    pdf = save_pdf(sealed_form_html(ctx, answer_id, "vi"), tmp_path / "mau01.pdf")
    subprocess.run([_pdftoppm(), "-r", "250", "-png", str(pdf), str(tmp_path / "page")], check=True)
    page = next(p for p in sorted(tmp_path.glob("page*.png")) if _seals(ctx, verify_print, p))
    paper = Image.open(page).convert("RGB").rotate(7, resample=Image.Resampling.BICUBIC, expand=True,
                                                   fillcolor=(96, 84, 70))
    desk = Image.new("RGB", (3024, 4032), (96, 84, 70))
    paper = paper.resize((2700, round(paper.height * 2700 / paper.width)))
    desk.paste(paper, (160, 120))
    photo = desk.filter(ImageFilter.GaussianBlur(1.6))
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=72)
    assert [r["verdict"] for r in verify_print(ctx, Picture(out.getvalue(), "IMG_2041.jpg"))] == ["current"]


def _seals(ctx, verify, page: Path) -> list[dict]:
    from desktop.core.errors import CtxhError

    try:
        return verify(ctx, Picture.from_file(page))
    except CtxhError as error:
        assert error.code == "E_PRINT_NO_QR"
        return []


def test_a_report_carries_its_seal_and_a_later_figure_changes_it(ctx, tmp_path: Path) -> None:
    from desktop.core.services.print_subjects import report_subject
    from desktop.core.services.reports import build_report, period_of

    def intake(n: int) -> None:
        cases.open_case(ctx, {"full_name": f"Lò Văn Sinh {n}", "birth_date": "01/01/2015"},
                        {"process_type": "TT02_2020", "opened_on": "05/11/2026"})

    for n in range(6):  # counts of 1 to 4 print as "<5": a paper that says "<5" stays true from 1 to 4
        intake(n)
    report = build_report(ctx, "tt02", period_of("tt02", 2026))
    text = seal_text(ctx, report_subject(ctx, report, "vi"))
    assert verify_seal(text, laptop_signers(ctx), _now(ctx))["verdict"] == "current"
    intake(7)
    result = verify_seal(text, laptop_signers(ctx), _now(ctx))
    assert result["verdict"] == "changed"
    assert result["changed"] == ["Hồ sơ tiếp nhận mới trong kỳ", "Hồ sơ đang quản lý cuối kỳ",
                                 "Tiếp nhận, thu thập thông tin"]


def test_the_hub_checks_a_communes_paper_against_what_it_sent(tmp_path: Path, province, capsys) -> None:
    from sync.hub import inbox
    from sync.hub.devices import revoke
    from sync.hub.print_check import hub_current, hub_signers
    from tests.sync_helpers import export

    hub, laptop, _a2, _b1 = province
    case_id, _ = cases.open_case(laptop, {"full_name": "Phạm Thị Lan", "birth_date": "12/03/1948"},
                                 {"process_type": "TT02_2020", "opened_on": "02/11/2026"})
    answer_id, _ = case_forms.save_form(laptop, case_id, "TT02_M01", ANSWERS)
    text = seal_text(laptop, form_subject(laptop, answer_id, "vi"))
    # Before the commune's bundle arrives the hub knows the laptop but not the record.
    assert verify_seal(text, hub_signers(hub), hub_current(hub))["verdict"] == "gone"
    export(laptop, tmp_path / "1")
    inbox.import_folder(hub, tmp_path / "1")
    assert verify_seal(text, hub_signers(hub), hub_current(hub))["verdict"] == "current"
    case_forms.save_form(laptop, case_id, "TT02_M01", {**ANSWERS, "gioi_tinh": "NAM"}, answer_id)
    export(laptop, tmp_path / "2")
    inbox.import_folder(hub, tmp_path / "2")
    result = verify_seal(text, hub_signers(hub), hub_current(hub))
    assert result["verdict"] == "changed" and result["changed"] == ["Giới tính"]
    # The command line on the hub profile checks at the hub.
    import json

    import segno

    from desktop.cli.main import run

    photo = tmp_path / "giay.png"
    segno.make(text, error="m").save(str(photo), scale=6)
    assert run(["--data-dir", str(hub.profile.root), "--user", "quantri", "verify-print", str(photo), "--json"]) == 1
    [checked] = json.loads(capsys.readouterr().out)
    assert checked["verdict"] == "changed" and checked["signer"]["device"] == laptop.device_id
    # A stolen laptop revoked today: a paper it signs from today on is refused.
    revoke(hub, laptop.device_id)
    late = seal_text(laptop, replace(form_subject(laptop, answer_id, "vi"), printed_on=dt.date.today()))
    assert verify_seal(late, hub_signers(hub), hub_current(hub))["verdict"] == "revoked"
