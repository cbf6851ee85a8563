"""Record linkage across communes: which records of two communes are probably one person.

A Fellegi–Sunter model (Fellegi & Sunter 1969, as in splink and the record-linkage literature):

- **Blocking.** Only pairs that share a blocking key are compared: the same CCCD; the family and given names
  (in either order: a swap stays in the block) with the birth year; all the words of the name in any order
  ("Văn Hùng Nguyễn" as some forms write it) with the birth year; the given name with the birth date; the
  family name, the given name's initial and the birth date. A typo in a name, a middle name dropped, the family
  and given names swapped, a year-only birth date and a day/month swap each keep the pair in at least one block.
- **Comparison.** Each field of a pair falls into an agreement level: names exact (folded: diacritics ignored;
  the same letters with other marks — "Hùng", "Hưng" — is a level of its own), the same names reordered or a
  middle name dropped, a typo (the family or given name one letter off: optimal string alignment distance 1,
  or Jaro–Winkler ≥ 0.9 on the word; never two names both in use), or different; birth dates exact, day and
  month swapped, year agreeing where one is 1 January (what a year alone becomes), the same year only, or
  different; gender; CCCD (the same, one digit off, different); guardian (Jaro–Winkler); address.
- **One to one.** A record is one person: of its probable pairs with one other commune only the best stays.
- **Weights.** Each level adds log2(m/u): m the chance of that level for a true match, u for two different
  people. The u of an exact name or date is that value's own frequency in the province (agreeing on
  "Nguyễn Văn Hùng" or on 1 January is weaker evidence than agreeing on a rare name or date). The sum is the
  pair's score in bits; a pair at or above THRESHOLD is a probable match.

Only pairs of two communes are sought (one commune's own duplicates are its import's business). Pure
functions over compact columns, so that a province of a million people fits in a few hundred megabytes.
"""

from __future__ import annotations

import hashlib
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from rapidfuzz.distance import OSA, JaroWinkler

THRESHOLD = 12.5  # bits: a probable match at or above (chosen on the synthetic province: docs/allowances.md)
SECOND_STAGE_SLACK = 6.0  # what guardian and address can still add: pairs this far below go to stage two
MIN_U = 1e-4  # an exact name's u is never taken below this (a name unique in the file is not proof)
COMMON_WORD = 5  # a word of names written this often in the province is a name in use, not a typo

# (m, u) per level; None for u means "the value's own frequency".
NAME_LEVELS = {"NAME_EXACT": (0.88, None), "NAME_MARKS": (0.03, 1e-3), "NAME_REORDERED": (0.05, 1e-4),
               "NAME_MIDDLE": (0.05, 1e-4), "NAME_TYPO": (0.05, 1e-3), "NAME_DIFFERENT": (0.02, 0.99)}
DATE_LEVELS = {"DATE_EXACT": (0.90, None), "DATE_SWAPPED": (0.03, 2.7e-5), "DATE_YEAR_ONLY": (0.04, 0.0125),
               "DATE_SAME_YEAR": (0.005, 0.0125), "DATE_DIFFERENT": (0.005, 0.98)}
GENDER_LEVELS = {"GENDER_SAME": (0.98, 0.5), "GENDER_DIFFERENT": (0.02, 0.5)}
# Two different CCCDs are two people (the number is the state's); one digit off is a slip of the pen.
CCCD_LEVELS = {"CCCD_SAME": (0.97, 1e-9), "CCCD_TYPO": (0.02, 1e-6), "CCCD_DIFFERENT": (0.001, 0.9999)}
GUARDIAN_LEVELS = {"GUARDIAN_SAME": (0.5, 0.01), "GUARDIAN_DIFFERENT": (0.5, 0.99)}
# Two communes each have a "Thôn 1": an address alike across communes is weak evidence.
ADDRESS_LEVELS = {"ADDRESS_SIMILAR": (0.15, 0.05), "ADDRESS_DIFFERENT": (0.85, 0.95)}
EVIDENCE_LABELS: dict[str, tuple[str, str]] = {
    "CCCD_SAME": ("Cùng số CCCD", "Same CCCD"),
    "CCCD_DIFFERENT": ("Số CCCD khác nhau", "Different CCCD"),
    "CCCD_TYPO": ("Số CCCD lệch một chữ số", "CCCD one digit off"),
    "NAME_EXACT": ("Cùng họ tên (không kể dấu)", "Same name (diacritics aside)"),
    "NAME_MARKS": ("Cùng chữ, khác dấu (Hùng, Hưng)", "Same letters, other diacritics (Hùng, Hưng)"),
    "NAME_REORDERED": ("Họ và tên đảo chỗ", "Family and given names swapped"),
    "NAME_MIDDLE": ("Thiếu hoặc thêm tên đệm", "A middle name dropped or added"),
    "NAME_TYPO": ("Họ tên gần giống (sai chính tả)", "Names nearly alike (a typo)"),
    "NAME_DIFFERENT": ("Họ tên khác", "Different names"),
    "DATE_EXACT": ("Cùng ngày sinh", "Same birth date"),
    "DATE_SWAPPED": ("Ngày sinh đảo ngày và tháng", "Birth day and month swapped"),
    "DATE_YEAR_ONLY": ("Cùng năm sinh (một bên chỉ ghi năm)", "Same birth year (one gives the year only)"),
    "DATE_SAME_YEAR": ("Cùng năm sinh, khác ngày", "Same birth year, another day"),
    "DATE_DIFFERENT": ("Ngày sinh khác", "Different birth dates"),
    "GENDER_SAME": ("Cùng giới tính", "Same gender"),
    "GENDER_DIFFERENT": ("Khác giới tính", "Different gender"),
    "GUARDIAN_SAME": ("Cùng người giám hộ", "Same guardian"),
    "GUARDIAN_DIFFERENT": ("Người giám hộ khác", "Different guardian"),
    "ADDRESS_SIMILAR": ("Địa chỉ gần giống", "Similar address"),
    "ADDRESS_DIFFERENT": ("Địa chỉ khác", "Different address"),
}
KINDS = ("cccd", "name_birth", "probable")


def weight(m: float, u: float) -> float:
    """log2(m/u): the bits a level adds."""
    return math.log2(m / u)


def name_level(a: str, b: str, common: Callable[[str], bool] = lambda word: False) -> str:
    """How two folded full names agree. A typo is one word off by one letter (dropped, added, replaced or two
    swapped), never its first letter, and turns a name into a word the province hardly writes: "Nam" and
    "Lâm", "Toàn" and "Tuấn", "Lan" and "Loan" are both names in use (`common`) — what twins are given — not
    slips of the pen."""
    if a == b:
        return "NAME_EXACT"
    ta, tb = a.split(), b.split()
    if sorted(ta) == sorted(tb):
        return "NAME_REORDERED"
    if ta and tb and ({ta[0], ta[-1]} == {tb[0], tb[-1]}) and (set(ta) <= set(tb) or set(tb) <= set(ta)):
        return "NAME_MIDDLE"
    if len(ta) == len(tb):
        differing = [k for k in range(len(ta)) if ta[k] != tb[k]]
        # (a middle name one letter off is another middle name: "Thị" and "Thu", "Văn" and "Vân")
        if len(differing) == 1 and differing[0] in (0, len(ta) - 1):
            k = differing[0]
            wa, wb = ta[k], tb[k]
            given = k == len(ta) - 1
            close = OSA.distance(wa, wb) <= 1 or JaroWinkler.normalized_similarity(wa, wb) >= 0.9
            if wa[:1] == wb[:1] and (not given or min(len(wa), len(wb)) >= 2) and close and not (
                    common(wa) and common(wb)):
                return "NAME_TYPO"
    return "NAME_DIFFERENT"


def date_level(a: int, b: int) -> str | None:
    """How two birth dates (yyyymmdd; 0 unknown) agree; None when one is unknown."""
    if not a or not b:
        return None
    if a == b:
        return "DATE_EXACT"  # (1 January on both sides too: its weight is that date's own frequency, low)
    ya, yb = a // 10000, b // 10000
    ma, da, mb, db = a // 100 % 100, a % 100, b // 100 % 100, b % 100
    if ya == yb and ma == db and da == mb:
        return "DATE_SWAPPED"
    if ya == yb:
        return "DATE_YEAR_ONLY" if (ma, da) == (1, 1) or (mb, db) == (1, 1) else "DATE_SAME_YEAR"
    return "DATE_DIFFERENT"


@dataclass
class People:
    """The province's people as compact columns (index i is one record)."""

    ids: list[str] = field(default_factory=list)
    partitions: list[str] = field(default_factory=list)  # the distinct partitions; `part` indexes them
    part: array[int] = field(default_factory=lambda: array("H"))
    names: list[str] = field(default_factory=list)  # folded full names
    births: array[int] = field(default_factory=lambda: array("l"))  # yyyymmdd, 0 unknown
    genders: array[int] = field(default_factory=lambda: array("b"))  # 1 NAM, 2 NU, 0 unknown
    # A hash of the name as written (lower case) when it carries Vietnamese marks, else 0: "Hùng" and "Hưng"
    # fold alike but were written differently; "Hung" typed without marks could be either.
    marks: array[int] = field(default_factory=lambda: array("q"))
    cccds: dict[int, str] = field(default_factory=dict)  # only those that have one

    def add(self, record_id: str, partition_index: int, folded_name: str, birth: int, gender: int,
            cccd: str | None, written: str = "") -> None:
        """Append one record (`written`: the name as the commune wrote it)."""
        self.marks.append(written_mark(written))
        if cccd:
            self.cccds[len(self.ids)] = cccd
        self.ids.append(record_id)
        self.part.append(partition_index)
        self.names.append(folded_name)
        self.births.append(birth)
        self.genders.append(gender)


def written_mark(written: str) -> int:
    """The marks of a written name as a number (0 when it carries none: typed without Vietnamese input)."""
    lowered = " ".join(written.lower().split())
    if lowered.isascii():
        return 0
    return int.from_bytes(hashlib.blake2b(lowered.encode(), digest_size=8).digest(), "big", signed=True) or 1


class Pair(NamedTuple):
    """A candidate pair (a < b), its kind, score in bits and the evidence behind it."""

    a: int
    b: int
    kind: str
    score: float
    evidence: tuple[tuple[str, float], ...]


@dataclass
class _Model:
    people: People
    full_names: dict[str, float]
    words: dict[str, float]
    date_u: dict[int, float]
    word_counts: dict[str, int]

    def common(self, word: str) -> bool:
        """A word of names the province writes often: a name in use, not a typo."""
        return self.word_counts.get(word, 0) >= COMMON_WORD

    def name_u(self, name: str) -> float:
        """The chance two people of the province share this folded name: its frequency, or — in a small
        province, where a name seen once says little — the product of its words' frequencies if higher."""
        product = math.prod(self.words.get(w, MIN_U) for w in name.split())
        return max(self.full_names.get(name, MIN_U), product, MIN_U)

    def score(self, i: int, j: int) -> tuple[float, list[tuple[str, float]], str]:
        p = self.people
        evidence: list[tuple[str, float]] = []
        level = name_level(p.names[i], p.names[j], self.common)
        if level == "NAME_EXACT" and p.marks[i] and p.marks[j] and p.marks[i] != p.marks[j]:
            level = "NAME_MARKS"
        m, u = NAME_LEVELS[level]
        evidence.append((level, weight(m, u if u is not None else self.name_u(p.names[i]))))
        dl = date_level(p.births[i], p.births[j])
        if dl is not None:
            m, u = DATE_LEVELS[dl]
            evidence.append((dl, weight(m, u if u is not None else self.date_u.get(p.births[i], 1e-6))))
        if p.genders[i] and p.genders[j]:
            gl = "GENDER_SAME" if p.genders[i] == p.genders[j] else "GENDER_DIFFERENT"
            evidence.append((gl, weight(*GENDER_LEVELS[gl])))
        ci, cj = p.cccds.get(i), p.cccds.get(j)
        if ci and cj:
            cl = "CCCD_SAME" if ci == cj else (
                "CCCD_TYPO" if len(ci) == len(cj) and sum(x != y for x, y in zip(ci, cj, strict=True)) == 1
                else "CCCD_DIFFERENT")
            evidence.append((cl, weight(*CCCD_LEVELS[cl])))
        return sum(w for _l, w in evidence), evidence, level


def _frequencies(values: Iterable[Any], total: int, floor: float) -> dict[Any, float]:
    return {v: max(c / total, floor) for v, c in Counter(values).items()}


def _ends(name: str) -> tuple[str, str]:
    words = name.split()
    return (words[0], words[-1]) if words else ("", "")


def _blocks(people: People) -> Iterator[tuple[list[int], bool]]:
    """The blocks, one key at a time (each index built, walked and dropped: memory stays one index's), each
    with whether its members share the whole birth date."""
    names, births = people.names, people.births
    by_cccd: dict[str, list[int]] = defaultdict(list)
    for i, cccd in people.cccds.items():
        by_cccd[cccd].append(i)
    yield from ((b, True) for b in by_cccd.values() if len(b) > 1)
    del by_cccd
    keyers = (
        (lambda i: (*sorted(_ends(names[i])), births[i] // 10000), False),
        (lambda i: (" ".join(sorted(names[i].split())), births[i] // 10000), False),
        (lambda i: (_ends(names[i])[1], births[i]), True),
        (lambda i: (_ends(names[i])[0], _ends(names[i])[1][:1], births[i]), True),
    )
    for keyer, whole_date in keyers:
        index: dict[tuple[Any, ...], list[int]] = defaultdict(list)
        for i in range(len(names)):
            if births[i]:
                index[keyer(i)].append(i)
        yield from ((b, whole_date) for b in index.values() if len(b) > 1)
        del index


def _block_pairs(people: People, block: list[int], whole_date: bool) -> Iterator[tuple[int, int]]:
    """The pairs of a block worth a score, of two communes. A block of one birth year is joined on the day
    and month (equal, or swapped), and on 1 January — a year written alone — only with the same names."""
    part = people.part
    if whole_date:
        for x, i in enumerate(block):
            for j in block[x + 1:]:
                if part[i] != part[j]:
                    yield (i, j) if i < j else (j, i)
        return
    births, names = people.births, people.names
    by_day: dict[int, list[int]] = defaultdict(list)
    for i in block:
        by_day[births[i] % 10000].append(i)
    for day, members in by_day.items():
        swapped = day % 100 * 100 + day // 100
        others = by_day.get(swapped, []) if swapped > day else []
        for x, i in enumerate(members):
            for j in (*members[x + 1:], *others):
                if part[i] != part[j]:
                    yield (i, j) if i < j else (j, i)
    first_january = by_day.get(101)
    if first_january:
        alike: dict[str, list[int]] = defaultdict(list)
        for j in first_january:
            alike[" ".join(sorted(names[j].split()))].append(j)
        for i in block:
            if births[i] % 10000 != 101:
                for j in alike.get(" ".join(sorted(names[i].split())), ()):
                    if part[i] != part[j]:
                        yield (i, j) if i < j else (j, i)


def find_pairs(people: People, threshold: float = THRESHOLD) -> list[Pair]:
    """Every candidate pair of two communes: the same CCCD, the same folded name and birth date, and the
    probable matches (names at least a typo apart, and a score that guardian and address could still lift
    to the threshold). Scores are of the first stage (names, dates, gender, CCCD); `second_stage` adds
    guardian and address and drops the probable pairs still short of the threshold."""
    total = max(len(people.ids), 1)
    words = Counter(w for name in people.names for w in set(name.split()))
    model = _Model(people, _frequencies(people.names, total, MIN_U), {w: c / total for w, c in words.items()},
                   _frequencies((b for b in people.births if b), total, 1e-6), words)
    found: dict[tuple[int, int], Pair] = {}
    for block, whole_date in _blocks(people):
        for key in _block_pairs(people, block, whole_date):
            if key in found:
                continue
            score, evidence, level = model.score(*key)
            kinds = [k for k, _w in evidence]
            if "CCCD_SAME" in kinds:
                kind = "cccd"
            elif level == "NAME_EXACT" and "DATE_EXACT" in kinds and people.births[key[0]] % 10000 != 101:
                kind = "name_birth"  # (1 January is a year alone: weighed as a probable pair)
            elif level != "NAME_DIFFERENT" and score >= threshold - SECOND_STAGE_SLACK:
                kind = "probable"
            else:
                continue
            found[key] = Pair(key[0], key[1], kind, score, tuple(evidence))
    return list(found.values())


def second_stage(pair: Pair, guardians: tuple[str | None, str | None], addresses: tuple[str | None, str | None],
                 threshold: float = THRESHOLD) -> Pair | None:
    """A first-stage pair with its guardians' and addresses' evidence added (folded texts); None when a probable
    pair still falls short of the threshold (a CCCD or name-and-birth pair is always kept)."""
    evidence = list(pair.evidence)
    ga, gb = guardians
    if ga and gb:
        level = "GUARDIAN_SAME" if JaroWinkler.normalized_similarity(ga, gb) >= 0.9 else "GUARDIAN_DIFFERENT"
        evidence.append((level, weight(*GUARDIAN_LEVELS[level])))
    aa, ab = addresses
    if aa and ab:
        from rapidfuzz.fuzz import token_set_ratio

        level = "ADDRESS_SIMILAR" if token_set_ratio(aa, ab) >= 90 else "ADDRESS_DIFFERENT"
        evidence.append((level, weight(*ADDRESS_LEVELS[level])))
    score = sum(w for _l, w in evidence)
    if pair.kind == "probable" and score < threshold:
        return None
    return pair._replace(score=score, evidence=tuple(evidence))


def one_to_one(pairs: list[Pair], partition_of: Any) -> list[Pair]:
    """A record is one person: of the probable pairs linking it to records of one other commune, only the
    best-scored stays (CCCD and name-and-birth pairs all stay). `partition_of(i)` is record i's commune."""
    best: dict[tuple[int, Any], float] = {}
    for pair in pairs:
        if pair.kind == "probable":
            for mine, other in ((pair.a, pair.b), (pair.b, pair.a)):
                key = (mine, partition_of(other))
                best[key] = max(best.get(key, pair.score), pair.score)
    return [p for p in pairs if p.kind != "probable" or (
        best[(p.a, partition_of(p.b))] == p.score and best[(p.b, partition_of(p.a))] == p.score)]


def birth_number(value: object) -> int:
    """A birth date as yyyymmdd (0 when unknown): SQLite hands back text, PostgreSQL a date."""
    if value is None:
        return 0
    text = value if isinstance(value, str) else value.isoformat()  # type: ignore[attr-defined]
    try:
        return int(text[:4]) * 10000 + int(text[5:7]) * 100 + int(text[8:10])
    except ValueError:
        return 0
