"""Fuzzing the list readers and the value matcher (T29): damaged or random files raise only the declared
CtxhError, quickly; a generic word is never given one of its codes, however it is written."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.domain.value_matching import build_vocabulary
from desktop.core.errors import CtxhError
from desktop.core.excel.reading import open_sheet
from desktop.core.reference_data import _code_rows
from desktop.paths import resources_dir
from tests.list_corpus import allowance_list, ods_beneficiaries_vni, xls_roster_tcvn3

SEEDS: dict[str, bytes] = {}


def seed(kind: str, tmp: Path) -> bytes:
    """A real workbook of each kind, made once, to damage."""
    if kind not in SEEDS:
        maker = {".xlsx": allowance_list, ".xls": xls_roster_tcvn3, ".ods": ods_beneficiaries_vni}[kind]
        SEEDS[kind] = maker(tmp / f"seed{kind}").path.read_bytes()
    return SEEDS[kind]


def read_all(path: Path) -> int:
    source = open_sheet(path)
    return sum(1 for _ in source.rows())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from([".xlsx", ".xls", ".ods"]), cuts=st.lists(st.integers(0, 10**6), max_size=6),
       junk=st.binary(max_size=64))
def test_a_damaged_workbook_raises_only_a_clear_error(tmp_path: Path, kind: str, cuts: list[int], junk: bytes) -> None:
    data = bytearray(seed(kind, tmp_path))
    for cut in cuts:
        position = cut % len(data)
        data[position:position + len(junk)] = junk
    path = tmp_path / f"hong{kind}"
    path.write_bytes(bytes(data))
    began = time.perf_counter()
    try:
        read_all(path)
    except CtxhError as error:
        assert error.code.startswith("E_XLSX") or error.code == "E_FILE_MISSING"
    assert time.perf_counter() - began < 2.0


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from([".xlsx", ".xls", ".ods", ".xlsb"]), data=st.binary(max_size=2048))
def test_random_bytes_are_refused(tmp_path: Path, kind: str, data: bytes) -> None:
    path = tmp_path / f"rac{kind}"
    path.write_bytes(data)
    with pytest.raises(CtxhError):
        read_all(path)


def target_groups():
    data = json.loads((resources_dir() / "reference" / "code_lists.json").read_text(encoding="utf-8"))
    rows = [r for r in _code_rows(data) if r["list_name"] == "target_group"]
    items = [(r["code"], r["label_vi"]) for r in rows if not r["retired"]]
    phrases = {r["code"]: json.loads(r["phrases"]) for r in rows if r["phrases"]}
    generic = {p[1:] for items_ in phrases.values() for p in items_ if p.startswith("?")}
    return build_vocabulary(items, phrases), sorted(generic), {code for code, _label in items}


VOCABULARY, GENERIC, CODES = target_groups()


@given(phrase=st.sampled_from(GENERIC), case=st.sampled_from(["lower", "upper", "title", "same"]),
       around=st.sampled_from(["", ".", " ", "…", ":", "  ", " - "]))
def test_a_generic_word_is_never_resolved_silently(phrase: str, case: str, around: str) -> None:
    written = {"lower": phrase.lower(), "upper": phrase.upper(), "title": phrase.title(), "same": phrase}[case]
    match = VOCABULARY.match(around + written + around)
    assert not match.confident and len(match.candidates) >= 2


@given(st.text(max_size=80))
def test_the_matcher_answers_anything(text: str) -> None:
    match = VOCABULARY.match(text)
    assert not (match.confident and match.generic)
    assert set(match.codes) | set(match.candidates) <= CODES  # never a retired code, never an invented one


def test_a_number_too_large_for_a_date_is_no_date() -> None:
    from desktop.core.excel.values import cell_date

    # Found by the fuzzer: a reader rounds 1.8e308 to infinity, which int() cannot take.
    for value in (float("inf"), float("-inf"), float("nan"), 1e300):
        with pytest.raises(ValueError):
            cell_date(value)


def test_a_workbook_whose_styles_are_damaged_inside_their_compression(tmp_path: Path) -> None:
    """Found by the fuzzer above (2026-12-02): bytes spoiled inside the deflated styles of an .ods made zlib
    raise through the font sniffing. Every byte of the member's compressed data is spoiled in turn."""
    import zipfile

    data = seed(".ods", tmp_path)
    source = tmp_path / "seed.ods"
    source.write_bytes(data)
    with zipfile.ZipFile(source) as zf:
        info = zf.getinfo("styles.xml") if "styles.xml" in zf.namelist() else zf.getinfo("content.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    path = tmp_path / "hong.ods"
    for position in range(start, start + min(info.compress_size, 400)):
        spoiled = bytearray(data)
        spoiled[position] ^= 0xFF
        path.write_bytes(bytes(spoiled))
        try:
            read_all(path)
        except CtxhError:
            pass


@pytest.mark.parametrize("kind", [".xlsx", ".xls"])
def test_a_workbook_laid_out_to_exhaust_memory_is_refused_and_the_program_lives(tmp_path: Path, kind: str) -> None:
    """One cell at A1 and one at the last cell of the sheet: calamine would ask for hundreds of gigabytes and
    the process would end (Rust aborts on a failed allocation; found by the fuzzer above on a damaged .xls).
    A child opens the file first, and its failure is a refusal here."""
    from openpyxl import Workbook

    if kind == ".xlsx":
        book = Workbook()
        book.active["A1"] = "Họ và tên"
        book.active["XFD1048576"] = "x"
        path = tmp_path / "xa-xa.xlsx"
        book.save(path)
    else:
        # The fuzzer's file, kept as it was: a cell record of a commune's roster damaged to claim a cell so far
        # away that laying the sheet out needs 79 GB.
        path = tmp_path / "hong.xls"
        path.write_bytes((Path(__file__).parent / "regressions" / "xls-cell-claims-79-gb.xls").read_bytes())
    with pytest.raises(CtxhError) as refused:
        open_sheet(path)
    assert refused.value.code in ("E_XLSX_TOO_BIG", "E_XLSX_BROKEN")
