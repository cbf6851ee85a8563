"""What code a written value names: "Người khuyết tật đặc biệt nặng" → TCXH_06_DBN, "NCT từ đủ 80 tuổi…" →
TCXH_05C, "THPT" → THPT.

Each code list has the phrases lists write (the law's own wording, short forms, clause numbers: the code
lists' reference data) and generic phrases that fit several codes ("Người cao tuổi": four clauses of ND 20
Art. 5.5). A value is folded, its abbreviations spelled out (NCT, NKT, ĐBN, TE, HCĐB, BTXH, K5 Đ5…), and
scored against every phrase with rapidfuzz's token-sort ratio, so word order, a typo or a trailing "…" do not
matter. The answer is one of three:

- confident: one phrase scores high and well above every phrase of another code: the codes are applied (a
  phrase may name two codes at once: "Trẻ em mồ côi cả cha và mẹ" is both ND 20 Art. 5.1 and Children Law
  Art. 10 a);
- doubtful: the best candidates, for the officer to pick in the mapping step;
- generic: the phrase fits several codes; never resolved here, always asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from desktop.core.text import fold

GENERIC_MARK = "?"
CONFIDENT = 90.0  # a token-sort ratio at least this high…
MARGIN = 6.0  # …and this far above the best phrase of any other code
SUGGEST = 55.0  # candidates shown in the mapping step

ABBREVIATIONS = {
    "nct": "nguoi cao tuoi", "nkt": "nguoi khuyet tat", "dbn": "dac biet nang", "te": "tre em",
    "hcdb": "hoan canh dac biet", "btxh": "bao tro xa hoi", "hn": "ho ngheo", "hcn": "ho can ngheo",
    "kt": "khuyet tat", "blgd": "bao luc gia dinh", "cdhh": "chat doc hoa hoc", "tcxh": "tro cap xa hoi",
    "dtts": "dan toc thieu so", "dbkk": "dac biet kho khan", "ctxh": "cong tac xa hoi", "vp": "vi pham",
    "thcs": "trung hoc co so", "thpt": "trung hoc pho thong", "bhxh": "bao hiem xa hoi",
}
# "K5 Đ5", "khoản 5", "Điều 10", "điểm c": a number after k/đ, a letter only after "điểm" ("di cư" is no clause).
_CLAUSE = re.compile(r"\b(k|kh|khoan|d|dieu)\s*\.?\s*(\d{1,2}[a-z]?)\b|\b(diem)\s+([a-z]{1,2})\b")
_CLAUSE_WORDS = {"k": "khoan", "kh": "khoan", "khoan": "khoan", "d": "dieu", "dieu": "dieu", "diem": "diem"}
_FILLER = re.compile(r"^(?:doi tuong|dien|nhom|thuoc dien|la)\s+")
_PUNCTUATION = re.compile(r"[^\w/+]+")
_TRUNCATED = re.compile(r"(?:…|\.\.\.|\.\.)\s*$")


def normalise(text: str) -> str:
    """The matching form of a written value: folded, punctuation gone, abbreviations and clause numbers
    spelled out ("K5 Đ5" → "khoan 5 dieu 5"), a leading "Đối tượng"/"Diện" dropped."""
    folded = _PUNCTUATION.sub(" ", fold(text)).strip()
    folded = _CLAUSE.sub(lambda m: f"{_CLAUSE_WORDS[m[1]]} {m[2]}" if m[1] else f"diem {m[4]}", folded)
    words = [ABBREVIATIONS.get(w, w) for w in folded.split()]
    return _FILLER.sub("", " ".join(words)).strip()


@dataclass(frozen=True)
class Match:
    """What a written value names: `codes` when confident, else the `candidates` to ask about."""

    codes: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()
    generic: bool = False
    score: float = 0.0
    rest: int = 0  # for a match on the value's first words: how many words of it follow ("Cử nhân | Luật")

    @property
    def confident(self) -> bool:
        """True when the value is placed without asking."""
        return bool(self.codes)


NO_MATCH = Match()


@dataclass
class Vocabulary:
    """One code list's matcher: built once per import, answers cached per normalised value."""

    exact: dict[str, tuple[str, ...]]  # normalised phrase, label, code or alias -> codes
    generic: dict[str, tuple[str, ...]]  # normalised generic phrase -> candidate codes
    choices: dict[str, str | None] = field(default_factory=dict)  # fold(value) -> the officer's choice
    # A value that starts with a phrase ("Người khuyết tật nặng (cũ)", "Cử nhân Luật") is that phrase's when
    # the phrase is at least this share of its words; 0 for lists whose values go on with a major or a place.
    prefix_share: float = 0.6
    _keys: list[str] = field(default_factory=list)
    _cache: dict[str, Match] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._keys = list({**self.exact, **self.generic})

    def match(self, text: str) -> Match:
        """What `text` names (see the module docstring)."""
        found = self._cache.get(text)  # a list repeats its few values on every row: each is matched once
        if found is None:
            key = normalise(text)
            found = self._match(key, truncated=bool(_TRUNCATED.search(text))) if key else NO_MATCH
            if len(self._cache) < 100_000:
                self._cache[text] = found
        return found

    def chosen(self, text: str) -> tuple[bool, str | None]:
        """(True, code or None for "keep as written") if the officer already chose for this value."""
        folded = fold(text)
        return (True, self.choices[folded]) if folded in self.choices else (False, None)

    def _codes_of(self, key: str) -> tuple[tuple[str, ...], bool]:
        if key in self.exact:
            return self.exact[key], False
        return self.generic[key], True

    def _match(self, key: str, truncated: bool) -> Match:
        if key in self.exact:
            return Match(codes=self.exact[key], score=100.0)
        if key in self.generic:
            return Match(candidates=self.generic[key], generic=True, score=100.0)
        words = key.split()
        for cut in range(len(words) - 1, 0, -1):  # the longest phrase the value starts with
            head = " ".join(words[:cut])
            if head in self.generic:
                break
            if head in self.exact and cut / len(words) >= self.prefix_share:
                return Match(codes=self.exact[head], score=100.0 * cut / len(words), rest=len(words) - cut)
        scored = process.extract(key, self._keys, scorer=fuzz.token_sort_ratio, limit=12)
        if truncated:  # "Người cao tuổi từ đủ 80 tuổi…": the written value is the start of a phrase
            scored += [(k, s, i) for k, s, i in process.extract(
                key, self._keys, scorer=fuzz.partial_ratio, limit=12) if len(k) > len(key)]
        best: dict[tuple[str, ...], tuple[float, bool]] = {}
        for phrase, score, _index in scored:
            codes, generic = self._codes_of(phrase)
            if score > best.get(codes, (-1.0, False))[0]:
                best[codes] = (score, generic)
        if not best:
            return NO_MATCH
        ranked = sorted(best.items(), key=lambda item: -item[1][0])
        (codes, (score, generic)) = ranked[0]
        runner_up = next((s for c, (s, _g) in ranked[1:] if not set(c) & set(codes)), 0.0)
        if not generic and score >= CONFIDENT and score - runner_up >= MARGIN:
            return Match(codes=codes, score=score)
        candidates: list[str] = []
        for each, (value, _g) in ranked:
            if value >= SUGGEST:
                candidates += [c for c in each if c not in candidates]
        return Match(candidates=tuple(candidates[:6]), generic=generic, score=score)


def build_vocabulary(items: Iterable[tuple[str, str]], phrases: Mapping[str, list[str]],
                     aliases: Mapping[str, str] | None = None,
                     choices: Mapping[str, str | None] | None = None, prefix_share: float = 0.6) -> Vocabulary:
    """A list's vocabulary from its (code, label) items, its phrases (a GENERIC_MARK prefix marks a generic
    one), extra exact aliases (folded value -> code), the officer's remembered choices and how much of a value
    a phrase it starts with must cover (see Vocabulary)."""
    exact: dict[str, tuple[str, ...]] = {}
    generic: dict[str, tuple[str, ...]] = {}

    def add(table: dict[str, tuple[str, ...]], key: str, code: str) -> None:
        if key and code not in table.get(key, ()):
            table[key] = (*table.get(key, ()), code)

    for code, label in items:
        exact.setdefault(normalise(code), (code,))
        add(exact, normalise(label), code)
    for code, written in phrases.items():
        for phrase in written:
            if phrase.startswith(GENERIC_MARK):
                add(generic, normalise(phrase[1:]), code)
            else:
                add(exact, normalise(phrase), code)
    for alias, code in (aliases or {}).items():
        exact[normalise(alias)] = (code,)
    # Two unrelated codes sharing one plain phrase would be a silent pick: such a phrase is generic.
    for key in [k for k, codes in exact.items() if k in generic]:
        generic[key] = tuple(dict.fromkeys((*generic[key], *exact.pop(key))))
    return Vocabulary(exact, generic, dict(choices or {}), prefix_share=prefix_share)
