"""Moving a commune's own list into CTXH Desk: read, map, check, find duplicates, import, report.

One machinery for every list (the roster, beneficiary lists, training classes): an ImportSpec says which headers
name which fields, how cells become values, the rules the values must meet, and how to write them.

- The sheet is streamed twice, never held: the plan reads and checks every row and keeps only what the preview
  shows (the first rows, every refused row, the duplicates, the values to map); the import reads it again and
  writes in batches, in one transaction (never half a row, never half a list).
- A coded value is matched against the law's wording and the forms communes write (domain/value_matching.py).
  What cannot be placed is not a refusal: the person goes in with the text as written kept (`as_written`) and
  listed in the mapping step and the to-do list. Only what makes a record wrong refuses a row (no name, an
  impossible date, a malformed CCCD or phone), each refusal naming its row, column and reason.
- The table ends at the signature block ("Người lập biểu", "TM. ỦY BAN NHÂN DÂN", "…, ngày … tháng … năm …");
  subtotal rows ("Tổng cộng", "Cộng") are skipped; text typed in TCVN3 or VNI is converted.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from desktop.core.context import AppContext
from desktop.core.db import small_cache
from desktop.core.domain.value_matching import Vocabulary, build_vocabulary
from desktop.core.errors import CtxhError, ValidationError
from desktop.core.excel.headers import SCAN_ROWS, HeaderMap, find_header, match_header
from desktop.core.excel.legacy_text import Conversion, detect, guess_encoding, unicode_vietnamese
from desktop.core.excel.reading import SheetSource, open_sheet
from desktop.core.excel.values import cell_date, cell_text, id_text
from desktop.core.files import replace_atomically
from desktop.core.messages import format_message
from desktop.core.progress import NULL_PROGRESS, CancelToken, ProgressSink
from desktop.core.repositories.row_types import PersonKey
from desktop.core.services.changes import ChangeWriter, Writing
from desktop.core.services.records import codebook, validate
from desktop.core.text import fold
from desktop.core.validation import Rules

ITEM_SEPARATORS = re.compile(r"[;\n+]+")
PREVIEW_ROWS = 300
BATCH = 2000
# Lists whose values go on after the code's words: "Cử nhân Luật", "Đại học Sư phạm" (the level, then the
# major), "12/12 (bổ túc)", "Cộng tác viên CTXH thôn 3".
OPEN_ENDED = frozenset({"training_level", "general_education", "worker_category"})
KEEP = None  # the officer's choice "keep as written"


@dataclass
class RowProblem:
    """One reason a row was rejected."""

    row: int
    column: str
    field: str
    reason: str


@dataclass
class ParsedRow:
    """A data row: its Excel row number and the values it gives, or its problems."""

    row: int
    values: dict[str, Any]
    problems: list[RowProblem] = field(default_factory=list)
    duplicate_of: str | None = None  # an existing record id, or "row N" for an earlier row of the file
    duplicate_why: str = ""
    as_written: dict[str, str] = field(default_factory=dict)  # coded fields kept as written, to map later


@dataclass
class Unplaced:
    """A written value of a coded column that no code fits yet: asked once in the mapping step."""

    field: str
    list_name: str
    written: str
    rows: int = 0
    first_row: int = 0
    candidates: tuple[str, ...] = ()  # for a value placed by similarity: the codes it was given
    generic: bool = False
    score: float = 0.0


@dataclass(frozen=True)
class ImportSpec:
    """What one kind of list looks like and how it is written.

    `existing(ctx)` gives the records already there (id, full_name, national_id, birth_date) for the
    duplicate check; `write(writer, new_rows, merges)` creates and merges inside the import's one
    transaction and returns how many records it created (it is called once per batch).
    """

    name_field: str
    aliases: dict[str, list[str]]
    rules: Rules
    date_fields: frozenset[str]
    code_fields: dict[str, str]  # field -> code list
    multi_code_fields: dict[str, str]  # field -> code list; a cell may name several
    value_aliases: dict[str, dict[str, str]]
    id_fields: dict[str, int]  # field -> digits (leading zeros lost in numeric cells come back)
    unmatched_to_notes: frozenset[str]  # an unknown label here goes to the notes instead of the mapping step
    defaults: Callable[[dict[str, Any], HeaderMap], None]  # fill what the file leaves out
    existing: Callable[[AppContext], list[PersonKey]]
    write: Callable[[ChangeWriter, list[dict[str, Any]], list[tuple[str, dict[str, Any]]]], int]
    # A coded column whose values may belong to another list: "Trình độ" holds "THPT" (học vấn) as well as
    # "Đại học" (chuyên môn). field -> (other field, its list).
    alternates: dict[str, tuple[str, str]] = field(default_factory=dict)
    kind: str = "list"  # names the list in the audit trail and the remembered mappings' scope
    row_numbers: bool = False  # hand each row's Excel number to `write` as "_row" (a class list reports by row)
    repeats_skipped: bool = False  # a person written twice in the file is skipped (a class list), not merged
    on_title: Callable[[list[str]], None] | None = None  # told the title block before any row is read
    rest_to: dict[str, str] = field(default_factory=dict)  # field -> where what follows its code goes
    model: type | None = None  # the records a merge updates (their values kept as written are combined)


@dataclass
class ImportReport:
    """What an import did (the CLI prints it as JSON)."""

    sheet: str
    header_row: int
    columns: dict[str, str]
    imported: int = 0
    merged: int = 0
    skipped: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    annotated: str | None = None
    default_category: str | None = None
    as_written: int = 0  # records that went in with values kept as written
    unplaced: list[dict[str, Any]] = field(default_factory=list)
    near: list[dict[str, Any]] = field(default_factory=list)  # values placed by similarity, for the record
    after_footer: list[int] = field(default_factory=list)  # rows below the signature block that look like data
    converted: int = 0
    footer_row: int | None = None
    changed: Any = None  # the Changed of the write, for the window to refresh from

    def as_json(self) -> dict[str, Any]:
        """The JSON the command line prints, plus the details a wizard shows."""
        return {
            "imported": self.imported, "merged": self.merged, "skipped": self.skipped,
            "rejected": [{"row": p.row, "column": p.column, "field": p.field, "reason": p.reason}
                         for p in self.rejected],
            "duplicates": self.duplicates, "sheet": self.sheet, "header_row": self.header_row,
            "columns": self.columns, "annotated": self.annotated, "default_category": self.default_category,
            "as_written": self.as_written, "unplaced": self.unplaced, "placed_by_similarity": self.near,
            "converted": self.converted,
            "footer_row": self.footer_row, "rows_after_footer": self.after_footer,
        }


@dataclass
class ImportPlan:
    """A read and checked file, before anything is written: what the wizard previews."""

    path: Path
    sheet: str
    header: HeaderMap
    preview: list[ParsedRow] = field(default_factory=list)  # the first rows, as they will go in
    refused: list[ParsedRow] = field(default_factory=list)  # every row with a problem
    duplicates: dict[int, tuple[str, str, str]] = field(default_factory=dict)  # row -> (of, name, why)
    unplaced: dict[tuple[str, str], Unplaced] = field(default_factory=dict)  # (field, folded) -> value
    near: dict[tuple[str, str], Unplaced] = field(default_factory=dict)  # values placed by similarity
    conversions: list[tuple[int, str, Conversion]] = field(default_factory=list)  # (row, column, …) shown
    converted: int = 0
    encoding: str | None = None
    total: int = 0
    footer_row: int | None = None
    subtotal_rows: list[int] = field(default_factory=list)
    choices: dict[tuple[str, str], str | None] = field(default_factory=dict)  # (list, folded) -> code | KEEP
    mapping: dict[str, int] | None = None
    default_category: str | None = None
    fallback_category: str | None = None  # the roster's category where the file's fits no code
    stamp: tuple[int, int] = (0, 0)
    source: SheetSource | None = None
    title_lines: list[str] = field(default_factory=list)  # the text above the header (the list's title block)
    after_footer: list[int] = field(default_factory=list)  # rows below the signature block that look like data

    @property
    def column_labels(self) -> dict[str, str]:
        """field -> "C (Ngày sinh)" for every mapped column."""
        return {name: column_label(self.header, col) for name, col in self.header.columns.items()}

    @property
    def ready(self) -> int:
        """Rows that will be imported as new records."""
        return self.total - len(self.refused) - len(self.duplicates)

    @property
    def rows(self) -> list[ParsedRow]:
        """The rows the preview shows: the first ones, then every refused row after them."""
        shown = {r.row for r in self.preview}
        return self.preview + [r for r in self.refused if r.row not in shown]


def column_label(header: HeaderMap, col: int | None) -> str:
    """"C (Ngày sinh)": a column's letter and its header as written."""
    if col is None:
        return ""
    return f"{get_column_letter(col + 1)} ({header.headers.get(col, '')})"


# --- reading the rows -------------------------------------------------------------------------------------

_SUBTOTAL = re.compile(r"^(?:tong cong|tong so|tong|cong|cong chung|cong toan xa|cong toan phuong)\b\s*"
                       r"(?:$|[:(\-\d]|so |nguoi|ho |doi tuong|danh sach|thon|xom|ap |to |khu|nhom|dien|muc)")
_SIGNATURE = re.compile(
    r"^(?:nguoi lap(?: bieu| danh sach| bang)?|can bo lap(?: bieu)?|thu truong(?: don vi)?|t ?m\.? |tm |"
    r"kt\.? |kt |tl\.? |q\.? chu tich|chu tich|pho chu tich|xac nhan(?: cua)?|ke toan(?: truong)?|truong ban|"
    r"truong phong|giam doc|nguoi duyet|ky ten|\(ky|ky,? ghi ro|uy ban nhan dan|ubnd|noi nhan)")
_DATE_LINE = re.compile(r"ngay\s*[\d.…_ ]*\s*thang\s*[\d.…_ ]*\s*nam\s*[\d.…_ ]*")


def _sparse_texts(row: Sequence[Any], most: int) -> list[str] | None:
    """The folded text cells of a row with at most `most` filled cells, else None: signature lines and
    subtotals are short, and folding every cell of every data row would cost more than the rest of the check."""
    filled = [v for v in row if v not in (None, "")]
    if len(filled) > most:
        return None
    return [fold(cell_text(v)) for v in filled]


def _is_signature(row: Sequence[Any], header: HeaderMap, name_field: str) -> bool:
    """A line of the signature block: few cells, no person's data, and one of the block's words."""
    cells = _sparse_texts(row, 4)
    if not cells or any(isinstance(v, int | float) for v in row):
        return False  # a numbered row (STT, a CCCD typed as a number) is a person's, even without a name
    name_col = header.columns[name_field]
    name = fold(cell_text(row[name_col])) if name_col < len(row) and row[name_col] not in (None, "") else ""
    if name and not (_SIGNATURE.match(name) or _DATE_LINE.search(name)):
        return False  # the name column holds a name: a data row, whatever else it says
    return any((_SIGNATURE.match(c.strip("( )")) and len(c.split()) <= 8) or _DATE_LINE.search(c) for c in cells)


_SECTION_MARK = re.compile(r"^(?:[ivxlc]{1,5}|[a-h])\s*[.):/-]\s*|^(?:[ivxlc]{1,5})$")
_LOCALITY = re.compile(r"^(?:thon|xom|ap|to dan pho|to|khu pho|khu|khom|ban|buon|lang|nhom|cum dan cu)\s+\S+"
                       r"(?:\s+\S+){0,4}$")


def _is_section(lead: list[Any], filled: int, names_a_group: Callable[[str], bool]) -> bool:
    """A section row inside the table: "I. NGƯỜI CAO TUỔI", "II | NGƯỜI KHUYẾT TẬT", "Thôn 3", "B. TRẺ EM", or a
    cell alone that names a group of the list's own code lists ("NGƯỜI KHUYẾT TẬT", "CỘNG TÁC VIÊN"). A name
    alone is a person: a list of names only, in capitals, is still a list of people."""
    if filled > 2 or any(isinstance(v, int | float) for v in lead):
        return False  # a person's row has its number (STT) and more
    texts = [v.strip() for v in lead if isinstance(v, str) and v.strip()]
    if not texts:
        return False
    first = fold(texts[0])  # the section's label starts the row; a locality further on is someone's address
    if _SECTION_MARK.match(first) or _LOCALITY.match(first):
        return True
    return filled == 1 and names_a_group(texts[0])


def _is_skipped(row: Sequence[Any], header: HeaderMap, name_field: str,
                names_a_group: Callable[[str], bool] = lambda _t: False) -> str | None:
    """'blank', 'subtotal', 'section' or 'numbers' for a row that is not a person; None for a data row."""
    lead = [v for v in row[:6] if v not in (None, "")][:3]
    if not lead and not any(v not in (None, "") for v in row):
        return "blank"
    if any(isinstance(v, str) and v.lstrip()[:1] in "TtCc" and _SUBTOTAL.match(fold(v)) for v in lead):
        return "subtotal"  # (Tổng…, Cộng…: only such a cell is folded and matched)
    filled = sum(1 for v in row if v not in (None, ""))
    if filled <= 2 and _is_section(lead, filled, names_a_group):
        return "section"
    # The "(1) (2) (3)…" column-number row printed under many official headers.
    values = [v for v in row if v not in (None, "")]
    if len(values) > 2 and all(isinstance(v, int | float) or str(v).strip().strip("()").isdigit() for v in values):
        return "numbers"
    return None


_DETECTED: dict[tuple[str, str | None], Conversion | None] = {}


def _detect(value: str, encoding: str | None) -> Conversion | None:
    """detect(), remembered for the short values every row repeats ("Cộng tác viên", "Đại học")."""
    if len(value) > 40:
        return detect(value, encoding)
    key = (value, encoding)
    if key not in _DETECTED:
        if len(_DETECTED) > 50_000:
            _DETECTED.clear()
        _DETECTED[key] = detect(value, encoding)
    return _DETECTED[key]


def _convert_row(row: tuple[Any, ...], encoding: str | None) -> tuple[tuple[Any, ...], list[tuple[int, Conversion]]]:
    """The row with its TCVN3/VNI text converted, and which cells were."""
    converted: list[tuple[int, Conversion]] = []
    out = list(row)
    for col, value in enumerate(row):
        if isinstance(value, str) and not value.isascii():
            found = _detect(value, encoding)
            if found is not None:
                out[col] = found.after
                converted.append((col, found))
    return (tuple(out), converted) if converted else (row, converted)


@dataclass
class _Table:
    header: HeaderMap
    encoding: str | None
    data: Iterator[tuple[int, tuple[Any, ...]]]  # (Excel row number, row)
    title_lines: list[str] = field(default_factory=list)


def _open_table(spec: ImportSpec, source: SheetSource, mapping: dict[str, int] | None) -> _Table:
    rows = source.rows()
    head = list(islice(rows, SCAN_ROWS))
    texts = [v for row in head for v in row if isinstance(v, str) and not v.isascii()]
    # The cells decide; the fonts only where no cell is plainly Unicode Vietnamese (a Unicode list saved from
    # an old template still names .VnTime among its styles).
    encoding = guess_encoding(texts) or (
        source.legacy_font if not any(unicode_vietnamese(t) for t in texts) else None)
    raw_head = head
    head = [_convert_row(r, encoding)[0] for r in head]  # the header as it reads; the data rows convert later
    header = find_header(head, spec.aliases, spec.name_field)
    if header is None:
        raise CtxhError("E_XLSX_NO_HEADER", sheet=source.name)
    if mapping is not None:
        header_cells = head[header.header_row - 1]
        header.columns = dict(mapping)
        for name, col in mapping.items():
            header.headers.setdefault(col, str(header_cells[col] or name) if col < len(header_cells) else name)
    numbered = ((i + 1, r) for i, r in enumerate(chain(raw_head, rows)))
    data = ((n, r) for n, r in numbered if n > header.header_row)
    titles = [v.strip() for r in head[:header.header_row - 1] for v in r
              if isinstance(v, str) and v.strip() and match_header(v, spec.aliases) is None]
    if spec.on_title is not None:
        spec.on_title(titles)
    return _Table(header, encoding, data, titles)


# --- matching coded values --------------------------------------------------------------------------------

def _vocabularies(ctx: AppContext, spec: ImportSpec, choices: Mapping[tuple[str, str], str | None]
                  ) -> dict[str, Vocabulary]:
    from desktop.core.repositories.value_mappings import all_mappings

    with ctx.db.reader() as session:
        saved = all_mappings(session)  # the profile's earlier answers of this step
    book = codebook(ctx)
    lists = {*spec.code_fields.values(), *spec.multi_code_fields.values(), *(a[1] for a in spec.alternates.values())}
    vocabularies = {}
    for list_name in lists:
        chosen = {folded: code for (name, folded), code in {**saved, **choices}.items() if name == list_name}
        vocabularies[list_name] = build_vocabulary(book.items(list_name), book.phrases.get(list_name, {}),
                                                   spec.value_aliases.get(list_name), chosen,
                                                   **({"prefix_share": 0.0} if list_name in OPEN_ENDED else {}))
    return vocabularies


def split_parts(text: str) -> list[str]:
    """The items of a cell that names several ("Trẻ khuyết tật; Hộ nghèo"): split at ";", "+" and line
    breaks; a part is split again at commas only where each piece names something (the caller decides)."""
    return [p.strip() for p in ITEM_SEPARATORS.split(text) if p.strip()]


@dataclass
class _Placed:
    codes: list[str] = field(default_factory=list)
    alternate: list[str] = field(default_factory=list)
    unplaced: list[tuple[str, Any]] = field(default_factory=list)  # (written part, Match)
    kept: list[str] = field(default_factory=list)  # parts the officer chose to keep as written
    rest: str = ""  # what followed the code's words ("Luật" in "Cử nhân Luật")
    near: list[tuple[str, Any]] = field(default_factory=list)  # parts placed by similarity, not word for word


def _place(text: str, vocabulary: Vocabulary, multi: bool, alternate: Vocabulary | None) -> _Placed:
    placed = _Placed()
    parts = split_parts(text) if multi or alternate is not None else [text]
    for part in parts:
        pieces = [part]
        if multi and not _resolve(part, vocabulary, alternate, placed, dry=True):
            pieces = [q.strip() for q in part.split(",") if q.strip()] or [part]
        for piece in pieces:
            _resolve(piece, vocabulary, alternate, placed, dry=False)
            if multi and placed.rest and len(placed.rest.split()) >= 2:
                # "Người khuyết tật đặc biệt nặng và hộ nghèo": what follows the first group may name another
                tail, placed.rest = _JOINER.sub("", placed.rest), ""
                _resolve(tail, vocabulary, alternate, placed, dry=False)
    placed.codes = list(dict.fromkeys(placed.codes))
    return placed


_JOINER = re.compile(r"^(?:và|va|,|\+|-|kiêm|kiem|đồng thời|dong thoi|thuộc|thuoc)\s+", re.IGNORECASE)


def _resolve(text: str, vocabulary: Vocabulary, alternate: Vocabulary | None, placed: _Placed, dry: bool) -> bool:
    chosen, code = vocabulary.chosen(text) if vocabulary.choices else (False, None)
    if chosen:
        if not dry:
            if code is KEEP:
                placed.kept.append(text)
            else:
                placed.codes.append(code)
        return True
    match = vocabulary.match(text)
    if match.confident:
        if not dry:
            placed.codes.extend(match.codes)
            if match.score < 100.0:
                placed.near.append((text, match))
            if match.rest:
                placed.rest = " ".join(text.split()[-match.rest:]).strip(" ()[]-,:;")
        return True
    if alternate is not None:
        other = alternate.match(text)
        if other.confident:
            if not dry:
                placed.alternate.extend(other.codes)
            return True
    if not dry:
        placed.unplaced.append((text, match))
    return False


# --- one row ----------------------------------------------------------------------------------------------

@dataclass
class _Parser:
    ctx: AppContext
    spec: ImportSpec
    header: HeaderMap
    vocabularies: dict[str, Vocabulary]
    unplaced: dict[tuple[str, str], Unplaced] = field(default_factory=dict)
    near: dict[tuple[str, str], Unplaced] = field(default_factory=dict)  # placed by similarity: shown
    _placed: dict[tuple[str, str], _Placed] = field(default_factory=dict)

    def parse(self, number: int, row: Sequence[Any], converted_name: bool = False) -> ParsedRow:
        spec, header = self.spec, self.header
        values: dict[str, Any] = {}
        problems: list[RowProblem] = []
        notes_extra: list[str] = []
        as_written: dict[str, str] = {}

        def cell(col: int | None) -> Any:
            return row[col] if col is not None and col < len(row) else None

        def problem(col: int | None, name: str, code: str, **params: Any) -> None:
            problems.append(RowProblem(number, column_label(header, col), name,
                                       format_message(code, {"field": name, **params})))

        for name, col in header.columns.items():
            raw = cell(col)
            if raw in (None, "") or (name == "birth_date" and header.gender_split):
                continue
            if name in spec.date_fields:
                try:
                    values[name] = cell_date(raw)
                except ValueError:
                    problem(col, name, "E_DATE", value=cell_text(raw))
            elif name in spec.code_fields or name in spec.multi_code_fields:
                multi = name in spec.multi_code_fields
                list_name = spec.multi_code_fields[name] if multi else spec.code_fields[name]
                other = spec.alternates.get(name)
                text = cell_text(raw)
                placed = self._placed.get((name, text))
                if placed is None:  # a list repeats its few values on every row: each is placed once
                    placed = _place(text, self.vocabularies[list_name], multi,
                                    self.vocabularies[other[1]] if other else None)
                    if len(self._placed) < 50_000:
                        self._placed[(name, text)] = placed
                if placed.codes:
                    values[name] = list(placed.codes) if multi else placed.codes[0]
                for text, match in placed.near:
                    self._count(name, list_name, text, number, match, self.near)
                follow = spec.rest_to.get(name)
                if placed.rest and follow and not cell(header.columns.get(follow)):
                    values[follow] = placed.rest  # "Cử nhân Luật": the level, and the major when none is given
                if placed.alternate and other:
                    values[other[0]] = placed.alternate[0]
                if placed.kept:  # "keep as written": the text is the answer, kept in the notes, not asked again
                    notes_extra.append(f"{header.headers.get(col, name)}: {'; '.join(placed.kept)}")
                if placed.unplaced:
                    written = "; ".join(text for text, _m in placed.unplaced)
                    if name in spec.unmatched_to_notes:
                        notes_extra.append(f"{header.headers.get(col, name)}: {written}")
                    else:
                        as_written[name] = written
                        for text, match in placed.unplaced:
                            self._count(name, list_name, text, number, match, self.unplaced)
            elif name in spec.id_fields:
                values[name] = id_text(raw, spec.id_fields[name])
            else:
                values[name] = cell_text(raw)
        for col, gender in header.gender_split.items():  # "Năm sinh" split into Nam | Nữ columns
            raw = cell(col)
            if raw not in (None, ""):
                try:
                    values["birth_date"] = cell_date(raw)
                    values.setdefault("gender", gender)
                except ValueError:
                    problem(col, "birth_date", "E_DATE", value=cell_text(raw))
        person = values.get(spec.name_field)
        if isinstance(person, str):
            # "NGUYỄN VĂN AN" and "trần thị bình" are written with a capital to each word; so is a TCVN3 name,
            # since TCVN3 has no accented capitals ("Phạm Ngọc ánh" was typed for "Phạm Ngọc Ánh").
            words = person.split()
            if (person.isupper() or person.islower()) and len(words) >= 2 and all(w.isalpha() for w in words):
                values[spec.name_field] = " ".join(w[:1].upper() + w[1:].lower() for w in person.split())
            elif converted_name:
                values[spec.name_field] = " ".join(w[:1].upper() + w[1:] for w in person.split())
        spec.defaults(values, header)
        if notes_extra:
            values["notes"] = "; ".join(filter(None, [values.get("notes"), *notes_extra]))
        if as_written and "as_written" in spec.rules:
            values["as_written"] = json.dumps(as_written, ensure_ascii=False)
        try:
            cleaned = validate(self.ctx, spec.rules, values)
        except ValidationError as error:
            for name, code, params in error.problems:
                problem(header.columns.get(name), name, code, **params)
            cleaned = {}
        return ParsedRow(number, cleaned if not problems else values, problems, as_written=as_written)

    def _count(self, name: str, list_name: str, text: str, number: int, match: Any,
               into: dict[tuple[str, str], Unplaced]) -> None:
        key = (name, fold(text))
        entry = into.get(key)
        if entry is None:
            entry = into[key] = Unplaced(name, list_name, text, first_row=number,
                                         candidates=(match.codes or match.candidates) if match else (),
                                         generic=bool(match and match.generic), score=match.score if match else 0)
        entry.rows += 1


def _rows_of(table: _Table, spec: ImportSpec, plan: ImportPlan | None, cancel: CancelToken | None,
             vocabularies: Mapping[str, Vocabulary] | None = None,
             ) -> Iterator[tuple[int, tuple[Any, ...], list[tuple[int, Conversion]]]]:
    """The data rows (number, converted row, conversions), up to the signature block. The plan also looks on
    past the block: rows there that look like people's are counted, for the preview to warn of."""
    lists = [v for name, v in (vocabularies or {}).items() if name != "gender"]

    def names_a_group(text: str) -> bool:
        for vocabulary in lists:
            match = vocabulary.match(text)
            if match.score >= 100.0 and (match.confident or match.generic):
                return True  # word for word a group of the list: "NGƯỜI KHUYẾT TẬT", "CỘNG TÁC VIÊN"
        return False

    rows = iter(table.data)
    for count, (number, raw) in enumerate(rows):
        if cancel is not None and count % 500 == 0:
            cancel.check()
        row, converted = _convert_row(raw, table.encoding)
        if _is_signature(row, table.header, spec.name_field):
            if plan is not None:
                plan.footer_row = number
                plan.after_footer = [n for n, r in rows if sum(1 for v in r if v not in (None, "")) >= 4][:20]
            return
        skipped = _is_skipped(row, table.header, spec.name_field, names_a_group)
        if skipped == "subtotal" and plan is not None:
            plan.subtotal_rows.append(number)
        if skipped is None:
            yield number, row, converted


def _name_converted(converted: list[tuple[int, Conversion]], header: HeaderMap, spec: ImportSpec) -> bool:
    return any(col == header.columns.get(spec.name_field) for col, _c in converted)


def plan_import(
    ctx: AppContext, spec: ImportSpec, path: Path, sheet: str | None = None, mapping: dict[str, int] | None = None,
    progress: ProgressSink = NULL_PROGRESS, cancel: CancelToken | None = None,
    choices: Mapping[tuple[str, str], str | None] | None = None,
) -> ImportPlan:
    """Read a workbook and check every row against `spec`; nothing is written.

    `mapping` (field -> 0-based column) replaces the found mapping, as the wizard's corrections do; `choices`
    ((list, folded value) -> code, or None to keep as written) are the mapping step's answers.
    """
    source = open_sheet(path, sheet)
    table = _open_table(spec, source, mapping)
    stat = path.stat()
    plan = ImportPlan(path, source.name, table.header, encoding=table.encoding, mapping=mapping,
                      choices=dict(choices or {}), stamp=(stat.st_size, stat.st_mtime_ns), source=source,
                      title_lines=table.title_lines)
    parser = _Parser(ctx, spec, table.header, _vocabularies(ctx, spec, plan.choices))
    keys = _DuplicateKeys(spec.existing(ctx))
    for number, row, converted in _rows_of(table, spec, plan, cancel, parser.vocabularies):
        parsed = parser.parse(number, row, _name_converted(converted, table.header, spec))
        plan.total += 1
        plan.converted += len(converted)
        if converted and len(plan.conversions) < 50:
            plan.conversions += [(number, column_label(table.header, col), c) for col, c in converted]
        if parsed.problems:
            plan.refused.append(parsed)
        else:
            found = keys.check(parsed.values, spec.name_field, number)
            if found is not None:
                parsed.duplicate_of, parsed.duplicate_why, name = found
                plan.duplicates[number] = (found[0], name, found[1])
        if len(plan.preview) < PREVIEW_ROWS:
            plan.preview.append(parsed)
        if plan.total % 1000 == 0:
            progress.report(plan.total, 0, "rows")
    plan.unplaced = parser.unplaced
    plan.near = parser.near
    return plan


class _DuplicateKeys:
    """Who is already here, and who came earlier in the file: citizen ID, or folded name and birth date.

    The file's own keys are kept as 96-bit digests with the row number only (some 100 bytes a person, not the
    names themselves): a 100,000-row list would otherwise hold its every name and number twice over."""

    def __init__(self, existing: list[PersonKey]) -> None:
        self.known: dict[int, tuple[str, str]] = {}
        for record in existing:
            for key in _identity(record, "full_name"):  # what is already here is keyed by its full name
                self.known.setdefault(_digest(key), (record["id"], record["full_name"]))
        self.earlier: dict[int, int] = {}

    def check(self, values: Mapping[str, Any], name_field: str, number: int) -> tuple[str, str, str] | None:
        """(duplicate of, why, their name) for a person already seen; else None, and the row is remembered."""
        keys = [(kind, _digest((kind, value))) for kind, value in _identity(values, name_field)]
        for kind, key in keys:
            why = "cùng số CCCD" if kind == "cccd" else "cùng họ tên và ngày sinh"
            match = self.known.get(key)
            if match:
                return match[0], why, match[1]
            row = self.earlier.get(key)
            if row is not None:  # the same person written twice in the file: the name is this row's own
                return f"row {row}", why, f"{values[name_field]} (dòng {row})"
        for _kind, key in keys:
            self.earlier.setdefault(key, number)
        return None


def _digest(key: tuple[str, Any]) -> int:
    return int.from_bytes(hashlib.blake2b(repr(key).encode(), digest_size=12).digest(), "big")


def _identity(values: Mapping[str, Any], name_field: str) -> list[tuple[str, Any]]:
    keys: list[tuple[str, Any]] = []
    if values.get("national_id"):
        keys.append(("cccd", values["national_id"]))
    if values.get(name_field) and values.get("birth_date"):
        keys.append(("name", (fold(values[name_field]), values["birth_date"])))
    return keys


# --- writing ----------------------------------------------------------------------------------------------

def apply_plan(ctx: AppContext, spec: ImportSpec, plan: ImportPlan, on_duplicate: str = "skip",
               annotate_to: Path | None = None, progress: ProgressSink = NULL_PROGRESS,
               cancel: CancelToken | None = None) -> ImportReport:
    """Write a checked plan: the file is read again (it must not have changed) and its valid rows go in, in
    batches of one transaction with the merges; then the refused rows are marked in an annotated copy."""
    if on_duplicate not in ("merge", "skip"):
        raise CtxhError("E_ARGS", detail="--duplicates merge|skip")
    stat = plan.path.stat() if plan.path.exists() else None
    if stat is None or (stat.st_size, stat.st_mtime_ns) != plan.stamp:
        raise CtxhError("E_XLSX_CHANGED", file=plan.path.name)
    report = ImportReport(plan.sheet, plan.header.header_row, plan.column_labels,
                          default_category=plan.default_category, converted=plan.converted,
                          footer_row=plan.footer_row)
    report.unplaced = [{"field": u.field, "written": u.written, "rows": u.rows, "candidates": list(u.candidates)}
                       for u in plan.unplaced.values()]
    report.after_footer = plan.after_footer
    report.near = [{"field": u.field, "written": u.written, "rows": u.rows, "codes": list(u.candidates),
                    "score": round(u.score)} for u in plan.near.values()]
    refused = {r.row for r in plan.refused}
    for row in plan.refused:
        report.rejected.extend(row.problems)
    targets = {int(of[4:]) for of, _n, _w in plan.duplicates.values() if of.startswith("row ")}
    source = plan.source or open_sheet(plan.path, plan.sheet)
    table = _open_table(spec, source, plan.mapping)
    parser = _Parser(ctx, spec, table.header, _vocabularies(ctx, spec, plan.choices))
    from desktop.core.services.audit import note

    created_for: dict[int, str] = {}
    merges: list[tuple[str, dict[str, Any]]] = []
    in_file: list[tuple[int, dict[str, Any]]] = []
    with Writing(ctx) as writer, small_cache(writer.session):
        batch: list[tuple[int, dict[str, Any]]] = []

        def flush() -> None:
            if not batch:
                return
            report.imported += spec.write(writer, [v for _n, v in batch], [])
            for number, values in batch:
                if number in targets:
                    created_for[number] = values["id"]
            batch.clear()

        for number, cells, _converted in _rows_of(table, spec, None, cancel, parser.vocabularies):
            if number in refused:
                continue
            parsed = parser.parse(number, cells, _name_converted(_converted, table.header, spec))
            if parsed.problems:  # the plan found none here: said, never dropped in silence
                report.rejected.extend(parsed.problems)
                continue
            values = dict(parsed.values)
            if spec.row_numbers:
                values["_row"] = number
            if parsed.as_written:
                report.as_written += 1
            duplicate = plan.duplicates.get(number)
            if duplicate is None:
                if number in targets:  # a later row of the file merges into it: its id is known now
                    values["id"] = ctx.new_id()
                batch.append((number, values))
                if len(batch) >= BATCH:
                    flush()
                    progress.report(report.imported, plan.ready, "rows")
                continue
            of, name, why = duplicate
            report.duplicates.append({"row": number, "duplicate_of": name, "why": why, "action": on_duplicate})
            filled = {k: v for k, v in values.items() if v not in (None, "", []) and k != "id"}
            if on_duplicate == "skip" or (spec.repeats_skipped and of.startswith("row ")):
                report.skipped += 1
            elif of.startswith("row "):
                in_file.append((int(of[4:]), filled))
                report.merged += 1
            else:
                merges.append((of, filled))
                report.merged += 1
        flush()
        merges += [(created_for[target], values) for target, values in in_file if target in created_for]
        if spec.model is not None and "as_written" in spec.rules:
            merges = [(record_id, _with_pending(writer, spec.model, record_id, values)) for record_id, values in merges]
        if merges:  # (a class list's merges are its attendances: what it records)
            report.imported += spec.write(writer, [], merges)
        note(ctx, writer.session, "import", f"file:{plan.path.name}", imported=report.imported,
             merged=report.merged, rejected=len(refused))
    report.changed = writer.changed
    if report.rejected:
        report.annotated = str(annotate(plan, report.rejected, annotate_to))
    return report


def _with_pending(writer: ChangeWriter, model: type, record_id: str, values: dict[str, Any]) -> dict[str, Any]:
    """A merge's values with the record's values kept as written combined: what this list placed no longer
    waits, what it could not place waits beside what the record already had waiting."""
    from desktop.core.repositories.records import get_row

    current = get_row(writer.session, model, record_id) or {}
    pending = json.loads(current.get("as_written") or "{}")
    for name in values:
        pending.pop(name, None)  # placed by this list
    pending.update(json.loads(values.get("as_written") or "{}"))
    return {**values, "as_written": json.dumps(pending, ensure_ascii=False) if pending else None}


def annotate(plan: ImportPlan, problems: list[RowProblem], target: Path | None = None) -> Path:
    """Save a copy of the workbook with each rejected row's reasons in a new column, and bad cells in red.
    The copy carries no formula out: every formula (and text Excel would read as one, such as a DDE call) is
    written back as the text it was, so what the import refused cannot run when the officer opens the copy.
    An .xls, .xlsb or .ods list gets an .xlsx copy of its sheet's values."""
    from openpyxl import load_workbook
    from openpyxl.styles import Font, PatternFill

    from desktop.core.excel.scratch import worksheets_beside

    target = target or plan.path.with_name(f"{plan.path.stem} (lỗi nhập).xlsx")
    if plan.path.suffix.lower() == ".xlsx":
        workbook = load_workbook(plan.path)
        for each in workbook.worksheets:
            _defuse_formulas(each)
        for name in list(workbook.defined_names):  # a defined name can hold a formula too
            del workbook.defined_names[name]
        sheet = workbook[plan.sheet]
    else:
        workbook, sheet = _values_copy(plan)
    column = sheet.max_column + 1
    sheet.cell(plan.header.header_row, column, "Lỗi nhập (CTXH Desk)").font = Font(bold=True, color="B00020")
    red = PatternFill("solid", fgColor="F8D7DA")
    by_row: dict[int, list[RowProblem]] = {}
    for problem in problems:
        by_row.setdefault(problem.row, []).append(problem)
    for row, items in by_row.items():
        sheet.cell(row, column, "; ".join(p.reason for p in items)).font = Font(color="B00020")
        for p in items:
            col = plan.header.columns.get(p.field)
            if col is not None:
                sheet.cell(row, col + 1).fill = red
    with worksheets_beside(target):
        return replace_atomically(target, workbook.save)


def _values_copy(plan: ImportPlan) -> tuple[Any, Any]:
    """An .xlsx workbook holding the values of the sheet the plan read (for a list that was not .xlsx)."""
    from openpyxl import Workbook

    from desktop.core.excel.writing import RISKY_FIRST

    workbook = Workbook()
    sheet = workbook.create_sheet(plan.sheet[:31], 0)
    workbook.remove(workbook.worksheets[1])
    source = plan.source or open_sheet(plan.path, plan.sheet)
    for r, row in enumerate(source.rows(), start=1):
        for c, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = sheet.cell(r, c, value)
            if isinstance(value, str) and value[:1] in RISKY_FIRST:
                cell.data_type = "s"
                cell.quotePrefix = True
    return workbook, sheet


def _defuse_formulas(sheet: Any) -> None:
    """Turn every formula cell (and text starting with = + - @) into a plain text cell with a quote prefix."""
    from desktop.core.excel.writing import RISKY_FIRST

    for row in sheet.iter_rows():
        for cell in row:
            value = cell.value
            if cell.data_type == "f" or (isinstance(value, str) and value[:1] in RISKY_FIRST):
                text = value if isinstance(value, str) else str(getattr(value, "text", value))
                cell.value = text
                cell.data_type = "s"
                cell.quotePrefix = True
            elif cell.hyperlink is not None:
                cell.hyperlink = None
