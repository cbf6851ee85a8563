"""Record linkage across communes: which records of two communes are probably one person.

A Fellegi–Sunter model (Fellegi & Sunter 1969, as in splink and the record-linkage literature):

- **Blocking.** Only pairs that share a blocking key are compared: the same CCCD; the family and given names
  (in either order: a swap stays in the block) with the birth year; all the words of the name in any order
  ("Văn Hùng Nguyễn" as some forms write it) with the birth year; the given name with the birth date; the
  family name, the given name's initial and the birth date (these two for real dates). 1 January is a year
  written alone: within a year's blocks it is joined to a full date only on the same words, and to another
  1 January only when the names are a slip apart (a word dropped, one word changed). A typo in a name, a
  middle name dropped, the family and given names swapped, a year-only birth date and a day/month swap each
  keep the pair in at least one block (a slip on top of a year alone may not).
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

import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from rapidfuzz.distance import OSA, JaroWinkler

THRESHOLD = 12.5  # bits: a probable match at or above (chosen on the synthetic province: docs/allowances.md)
# What the second stage can still add: the address always, the guardian where both records name one.
MIN_U = 1e-4  # an exact name's u is never taken below this (a name unique in the file is not proof)
COMMON_WORD = 5  # a word of names written this often in the province is a name in use, not a typo
REFERENCE_PEOPLE = 10_000  # the province's size THRESHOLD was set at (docs/allowances.md)

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
    """The province's people as compact columns (index i is one record): some 150 bytes a person."""

    ids: list[bytes | str] = field(default_factory=list)  # a UUID as its 16 bytes (id_of gives the text back)
    partitions: list[str] = field(default_factory=list)  # the distinct partitions; `part` indexes them
    part: array[int] = field(default_factory=lambda: array("H"))
    names: list[str] = field(default_factory=list)  # folded full names (one object per distinct name)
    births: array[int] = field(default_factory=lambda: array("l"))  # yyyymmdd, 0 unknown
    genders: array[int] = field(default_factory=lambda: array("b"))  # 1 NAM, 2 NU, 0 unknown
    # A hash of the name as written (lower case) when it carries Vietnamese marks, else 0: "Hùng" and "Hưng"
    # fold alike but were written differently; "Hung" typed without marks could be either.
    marks: array[int] = field(default_factory=lambda: array("q"))
    cccds: array[int] = field(default_factory=lambda: array("q"))  # the 12 digits as a number, 0 for none
    guardians: array[int] = field(default_factory=lambda: array("b"))  # 1 if a guardian is written

    def add_rows(self, rows: Iterable[tuple[Any, ...]], fold: Callable[[str], str],
                 every: Callable[[int], None] = lambda count: None) -> None:
        """Append (id, partition, written name, birth date, gender, CCCD, has a guardian) rows — the hub's
        read — in one tight loop (a million of them): each written name folded once, `every(count)` told
        every 100,000 rows."""
        partitions: dict[str, int] = {p: i for i, p in enumerate(self.partitions)}
        known: dict[str, tuple[str, int]] = {}
        genders = {"NAM": 1, "NU": 2}
        ids, part, names, births = self.ids.append, self.part.append, self.names.append, self.births.append
        sexes, marks, cccds, guardians = (self.genders.append, self.marks.append, self.cccds.append,
                                          self.guardians.append)
        for count, (record_id, partition, name, birth, gender, cccd, guardian) in enumerate(rows, start=1):
            index = partitions.get(partition)
            if index is None:
                index = partitions[partition] = len(self.partitions)
                self.partitions.append(partition)
            seen = known.get(name)
            if seen is None:
                seen = known[name] = (fold(name), written_mark(name))
            ids(_packed(record_id))
            part(index)
            names(seen[0])
            births(birth_number(birth))
            sexes(genders.get(gender, 0))
            marks(seen[1])
            cccds(cccd_number(cccd))
            guardians(1 if guardian else 0)
            if count % 100_000 == 0:
                every(count)

    def id_of(self, i: int) -> str:
        """Record i's id as the database holds it."""
        value = self.ids[i]
        return _unpacked(value) if isinstance(value, bytes) else value


def _packed(record_id: str) -> bytes | str:
    # Only lower-case hex in the 8-4-4-4-12 shape packs: its text comes back exactly (_unpacked).
    if len(record_id) == 36 and record_id[8] == record_id[13] == record_id[18] == record_id[23] == "-" \
            and (record_id.islower() or record_id.replace("-", "").isdigit()):
        try:
            return bytes.fromhex(record_id.replace("-", ""))
        except ValueError:
            return record_id
    return record_id


def _unpacked(value: bytes) -> str:
    h = value.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def cccd_number(cccd: str | None) -> int:
    """A CCCD as a number (its 12 digits; anything else as a hash kept apart from them), 0 for none."""
    if not cccd:
        return 0
    if len(cccd) == 12 and cccd.isdigit():
        return int(cccd) or 1
    return (hash(cccd) & 0x3FFF_FFFF_FFFF_FFFF) | 0x4000_0000_0000_0000


def written_mark(written: str) -> int:
    """The marks of a written name as a number (0 when it carries none: typed without Vietnamese input). Only
    compared within one search."""
    lowered = " ".join(written.lower().split())
    if lowered.isascii():
        return 0
    return hash(lowered) or 1


class Pair(NamedTuple):
    """A candidate pair (a < b), its kind, score in bits and the evidence behind it."""

    a: int
    b: int
    kind: str
    score: float
    evidence: tuple[tuple[str, float], ...]


FIXED = {level: weight(m, u) for levels in (NAME_LEVELS, DATE_LEVELS, GENDER_LEVELS, CCCD_LEVELS)
         for level, (m, u) in levels.items() if u is not None}
NAME_EXACT_M, DATE_EXACT_M = NAME_LEVELS["NAME_EXACT"][0], DATE_LEVELS["DATE_EXACT"][0]
FIXED_SECOND = {level: weight(m, u) for levels in (GUARDIAN_LEVELS, ADDRESS_LEVELS) for level, (m, u) in levels.items()}


def _one_digit_off(a: int, b: int) -> bool:
    if a >= 10**12 or b >= 10**12:
        return False
    return sum(x != y for x, y in zip(f"{a:012d}", f"{b:012d}", strict=True)) == 1


@dataclass
class _Model:
    people: People
    full_names: dict[str, float]
    words: dict[str, float]
    date_weights: dict[int, float]
    word_counts: dict[str, int]
    name_weights: dict[str, float] = field(default_factory=dict)

    def common(self, word: str) -> bool:
        """A word of names the province writes often: a name in use, not a typo."""
        return self.word_counts.get(word, 0) >= COMMON_WORD

    def name_weight(self, name: str) -> float:
        """The bits two records sharing this folded name earn: u is the name's frequency, or — in a small
        province, where a name seen once says little — the product of its words' frequencies if higher."""
        found = self.name_weights.get(name)
        if found is None:
            product = math.prod(self.words.get(w, MIN_U) for w in name.split())
            found = self.name_weights[name] = weight(NAME_EXACT_M, max(self.full_names.get(name, MIN_U), product,
                                                                        MIN_U))
        return found

    def score(self, i: int, j: int) -> tuple[float, tuple[tuple[str, float], ...], str]:
        """The pair's score in bits, its evidence (level, bits) and its names' level."""
        p = self.people
        names = p.names
        level = name_level(names[i], names[j], self.common)
        if level == "NAME_EXACT" and p.marks[i] and p.marks[j] and p.marks[i] != p.marks[j]:
            level = "NAME_MARKS"
        ci, cj = p.cccds[i], p.cccds[j]
        if level == "NAME_DIFFERENT" and not (ci and ci == cj):
            return -math.inf, (), level  # never a candidate: not worth the rest of the score
        evidence: tuple[tuple[str, float], ...] = (
            (level, self.name_weight(names[i]) if level == "NAME_EXACT" else FIXED[level]),)
        bi, bj = p.births[i], p.births[j]
        dl = date_level(bi, bj)
        if dl is not None:
            evidence += ((dl, self.date_weights.get(bi, 0.0) if dl == "DATE_EXACT" else FIXED[dl]),)
        gi, gj = p.genders[i], p.genders[j]
        if gi and gj:
            gl = "GENDER_SAME" if gi == gj else "GENDER_DIFFERENT"
            evidence += ((gl, FIXED[gl]),)
        if ci and cj:
            cl = "CCCD_SAME" if ci == cj else ("CCCD_TYPO" if _one_digit_off(ci, cj) else "CCCD_DIFFERENT")
            evidence += ((cl, FIXED[cl]),)
        total = 0.0
        for _level, bits in evidence:
            total += bits
        return total, evidence, level


def _frequencies(values: Iterable[Any], total: int, floor: float) -> dict[Any, float]:
    return {v: max(c / total, floor) for v, c in Counter(values).items()}  # (a value's share, never below floor)


def _ends(name: str) -> tuple[str, str]:
    words = name.split()
    return (words[0], words[-1]) if words else ("", "")


def _grouped(keys: Iterator[tuple[int, int]]) -> Iterator[list[int]]:
    """The groups of two or more records sharing a key. Keys are hashes (a collision only adds a pair to
    score); a key seen once holds its record's index, not a list (most keys are seen once)."""
    index: dict[int, Any] = {}
    for i, key in keys:
        found = index.get(key)
        if found is None:
            index[key] = i
        elif type(found) is int:
            index[key] = [found, i]
        else:
            found.append(i)
    for value in index.values():
        if type(value) is list:
            yield value


def _blocks(people: People) -> Iterator[tuple[list[int], bool]]:
    """The blocks, one key at a time (each index built, walked and dropped: memory stays one index's), each
    with whether its members share the whole birth date. The keys are hashed in one pass over the names."""
    names, births, cccds = people.names, people.births, people.cccds
    yield from ((b, True) for b in _grouped((i, c) for i, c in enumerate(cccds) if c))
    ends, words, given, family = array("q"), array("q"), array("q"), array("q")
    keys_of: dict[str, tuple[int, int, int, int]] = {}  # per distinct name: its four keys' hashes, yearless
    for i, name in enumerate(names):
        keys = keys_of.get(name)
        if keys is None:
            parts = name.split()
            first, last = (parts[0], parts[-1]) if parts else ("", "")
            keys = keys_of[name] = (hash((min(first, last), max(first, last))), hash(" ".join(sorted(parts))),
                                    hash(last), hash((first, last[:1])))
        birth = births[i]
        year = birth // 10000
        ends.append(hash((keys[0], year)))
        words.append(hash((keys[1], year)))
        given.append(hash((keys[2], birth)))
        family.append(hash((keys[3], birth)))
    del keys_of
    waiting = [(ends, False), (words, False), (given, True), (family, True)]
    del ends, words, given, family
    while waiting:
        hashes, whole_date = waiting.pop(0)  # (each key's hashes dropped once its blocks are walked)
        # (whole dates: real ones only — 1 January is a year alone, joined within the year's blocks)
        yield from ((b, whole_date) for b in _grouped(
            (i, h) for i, h in enumerate(hashes) if births[i] and not (whole_date and births[i] % 10000 == 101)))
        del hashes


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
        if day == 101:
            continue  # below: 1 January is a year alone, joined only on names alike
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
        # Two years alone: only names a slip apart are worth a score (the same words, a word dropped, a
        # word one letter off), or every elderly "Nguyễn Văn …" born in 1940 would be scored against all.
        for x, i in enumerate(first_january):
            for j in first_january[x + 1:]:
                if part[i] != part[j] and _names_close(names[i], names[j]):
                    yield (i, j) if i < j else (j, i)


def _names_close(a: str, b: str) -> bool:
    """A cheap test that two folded names could be one person's: the same words in any order, one's words
    among the other's, or as many words with one of them different."""
    if a == b:
        return True
    ta, tb = a.split(), b.split()
    sa, sb = set(ta), set(tb)
    if sa <= sb or sb <= sa:
        return True
    return len(ta) == len(tb) and sum(x != y for x, y in zip(ta, tb, strict=True)) == 1


def threshold_for(people: int) -> float:
    """The score a probable pair needs in a province of this many people. The weights are likelihood ratios;
    the prior odds of two records being one person fall as the province grows (pairs grow as its square,
    duplicates as its size), so the threshold rises by log2 of the size against the one it was set at."""
    return THRESHOLD + math.log2(max(people, REFERENCE_PEOPLE) / REFERENCE_PEOPLE)


def find_pairs(people: People, threshold: float | None = None) -> list[Pair]:
    """Every candidate pair of two communes: the same CCCD, the same folded name and birth date, and the
    probable matches (names at least a typo apart, and a score that the address — and the guardian, where
    both records name one — could still lift to the threshold: threshold_for(the province's size) unless
    given). Scores are of the first stage
    (names, dates, gender, CCCD); `second_stage` adds guardian and address and drops the probable pairs still
    short of the threshold."""
    total = max(len(people.ids), 1)
    least = (threshold if threshold is not None else threshold_for(total)) - FIXED_SECOND["ADDRESS_SIMILAR"]
    guardian_bonus = FIXED_SECOND["GUARDIAN_SAME"]
    name_counts = Counter(people.names)
    counted: Counter[str] = Counter()
    for name, count in name_counts.items():
        for word in set(name.split()):
            counted[word] += count
    model = _Model(people, {n: max(c / total, MIN_U) for n, c in name_counts.items()},
                   {w: c / total for w, c in counted.items()},
                   {d: weight(DATE_EXACT_M, u) for d, u in
                    _frequencies((b for b in people.births if b), total, 1e-6).items()}, counted)
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
            elif level != "NAME_DIFFERENT" and score >= least - (
                    guardian_bonus if people.guardians[key[0]] and people.guardians[key[1]] else 0.0):
                kind = "probable"
            else:
                continue
            found[key] = Pair(key[0], key[1], kind, score, evidence)
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
    if not isinstance(value, str):
        return value.year * 10000 + value.month * 100 + value.day  # type: ignore[attr-defined]
    try:
        return int(value[:4] + value[5:7] + value[8:10]) if len(value) >= 10 else 0
    except ValueError:
        return 0
