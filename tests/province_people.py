"""A synthetic province for the duplicate search: people with the names Vietnamese lists carry (the family names'
real shares, middle names by gender, the common given names), birth dates over a lifetime with the old
"1 January" of a year written alone, CCCDs of the right shape; and planted across communes:

- duplicates of every kind: the same CCCD; the name without its diacritics; a typo; the middle name dropped;
  given and family names swapped; the birth year only; day and month swapped;
- look-alikes that are different people: the same name with another birth date, and twins (the same family
  name, birth date and guardian, another given name).

Deterministic for a seed. Used by the tests (thousands of people) and the benchmark (a million)."""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

FAMILY = [("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 4), ("Huỳnh", 2), ("Phan", 4.5),
          ("Vũ", 3.9), ("Võ", 2), ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3),
          ("Dương", 1), ("Lý", 0.5), ("Đinh", 0.8), ("Trịnh", 0.6), ("Đoàn", 0.6), ("Lương", 0.5), ("Mai", 0.5),
          ("Cao", 0.4), ("Hà", 0.4), ("Tạ", 0.3), ("Lò", 0.2), ("Vi", 0.2), ("Nông", 0.3), ("Triệu", 0.3),
          ("Lâm", 0.3), ("Quách", 0.2), ("Tô", 0.2), ("Kiều", 0.1), ("Thái", 0.2), ("Chu", 0.2), ("Khổng", 0.1)]
MIDDLE = {"NAM": ["Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Ngọc", "Đình",
                  "Quang", "Anh", "Tuấn", "Trọng", "Hồng"],
          "NU": ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hồng", "Kim", "Thùy", "Bích",
                 "Phương", "Mai", "Hải", "Diệu"]}
GIVEN = {"NAM": ["Hùng", "Dũng", "Nam", "Tuấn", "Hải", "Minh", "Sơn", "Long", "Thắng", "Hưng", "Cường", "Phúc",
                 "Quang", "Bình", "Trung", "Đức", "Khánh", "Vinh", "Toàn", "Tùng", "Hoàng", "Huy", "Lâm", "Tài",
                 "Thành", "Nghĩa", "Kiên", "Lộc", "Tâm", "An", "Bảo", "Chiến", "Đạt", "Hiếu", "Khoa", "Phong",
                 "Quân", "Thịnh", "Việt", "Vũ", "Hòa", "Kỳ", "Nhân", "Tiến", "Trí", "Duy", "Hậu", "Linh"],
         "NU": ["Lan", "Hương", "Hoa", "Mai", "Linh", "Trang", "Hà", "Thảo", "Huyền", "Ngọc", "Anh", "Hạnh",
                "Phương", "Nga", "Thủy", "Yến", "Loan", "Dung", "Hằng", "Nhung", "Oanh", "Trinh", "Vân", "Xuân",
                "Quyên", "Liên", "Hiền", "Thu", "Tuyết", "Chi", "Giang", "My", "Nhi", "Uyên", "Vy", "Diệp",
                "Ánh", "Bích", "Cúc", "Đào", "Gấm", "Hồng", "Khuê", "Lý", "Mơ", "Nụ", "Quế", "Thắm"]}
FUZZY_KINDS = ("no_diacritics", "typo", "middle_dropped", "swapped", "year_only", "day_month")
VILLAGES = ["Thôn 1", "Thôn 2", "Thôn 3", "Thôn Đông", "Thôn Tây", "Xóm Mới", "Tổ 4", "Tổ 7", "Ấp Bắc", "Khu 5"]


@dataclass
class Province:
    """The people by commune, and what was planted."""

    people: list[dict[str, Any]] = field(default_factory=list)
    same_id: set[tuple[str, str]] = field(default_factory=set)  # planted pairs sharing a CCCD
    fuzzy: dict[tuple[str, str], str] = field(default_factory=dict)  # planted pair -> kind
    lookalikes: set[tuple[str, str]] = field(default_factory=set)  # different people, planted

    def pair(self, a: str, b: str) -> tuple[str, str]:
        """A pair's key in the sets above."""
        return (a, b) if a < b else (b, a)


def strip_marks(text: str) -> str:
    """The name as a keyboard without Vietnamese input writes it."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def _typo(rng: random.Random, name: str) -> str:
    words = name.split()
    index = rng.choice([0, len(words) - 1])
    word = words[index]
    if len(word) < 3:
        index, word = len(words) - 1, words[-1]
    position = rng.randrange(1, len(word))
    how = rng.choice(("drop", "swap", "replace"))
    if how == "drop":
        word = word[:position] + word[position + 1:]
    elif how == "swap" and position < len(word) - 1:
        word = word[:position] + word[position + 1] + word[position] + word[position + 2:]
    else:
        word = word[:position] + rng.choice("nmhtgaiu") + word[position + 1:]
    words[index] = word
    return " ".join(words)


class _Maker:
    def __init__(self, seed: int, communes: list[str]) -> None:
        self.rng = random.Random(seed)
        self.communes = communes
        self.count = 0
        self.families = [f for f, _w in FAMILY]
        self.weights = [w for _f, w in FAMILY]

    def new_id(self) -> str:
        self.count += 1
        return f"00000000-0000-4000-8000-{self.count:012d}"

    def person(self, commune: str) -> dict[str, Any]:
        rng = self.rng
        gender = rng.choice(("NAM", "NU"))
        family = rng.choices(self.families, self.weights)[0]
        name = f"{family} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}"
        year = rng.choice((rng.randint(1930, 1965), rng.randint(1935, 2024), rng.randint(2008, 2024)))
        birth = dt.date(year, 1, 1) if year < 1960 and rng.random() < 0.25 else \
            dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        adult = 2026 - year >= 14
        cccd = (f"0{commune[:2]}{(0 if gender == 'NAM' else 1) + (2 if year >= 2000 else 0)}{year % 100:02d}"
                f"{rng.randrange(10**6):06d}") if adult and rng.random() < 0.6 else None
        guardian = f"{family} {rng.choice(MIDDLE['NU'])} {rng.choice(GIVEN['NU'])}" if year >= 2010 else None
        return {"id": self.new_id(), "commune": commune, "full_name": name, "gender": gender, "birth_date": birth,
                "national_id": cccd, "guardian_name": guardian, "address": rng.choice(VILLAGES)}

    def other_commune(self, commune: str) -> str:
        choice = self.rng.choice(self.communes)
        return choice if choice != commune else self.communes[(self.communes.index(commune) + 1) % len(self.communes)]


def _vary(maker: _Maker, kind: str, person: dict[str, Any]) -> dict[str, Any] | None:
    copy = {**person, "id": maker.new_id(), "commune": maker.other_commune(person["commune"]),
            "address": maker.rng.choice(VILLAGES)}
    name, birth = person["full_name"], person["birth_date"]
    if kind != "same_id":
        copy["national_id"] = None  # the other commune never wrote her CCCD: only the names and dates can tell
    if kind == "no_diacritics":
        copy["full_name"] = strip_marks(name)
    elif kind == "typo":
        copy["full_name"] = _typo(maker.rng, name)
    elif kind == "middle_dropped":
        words = name.split()
        copy["full_name"] = f"{words[0]} {words[-1]}"
    elif kind == "swapped":
        words = name.split()
        copy["full_name"] = " ".join([*words[1:], words[0]])  # "Văn Hùng Nguyễn": given first, as some forms do
    elif kind == "year_only":
        if (birth.month, birth.day) == (1, 1):
            return None
        copy["birth_date"] = dt.date(birth.year, 1, 1)
    elif kind == "day_month":
        if birth.day > 12 or birth.day == birth.month:
            return None
        copy["birth_date"] = dt.date(birth.year, birth.day, birth.month)
    return copy


def province_people(communes: list[str], per_commune: int, seed: int = 16, planted_share: float = 0.03
                    ) -> Province:
    """A province of `per_commune` people in each commune, with a share of them planted as duplicates (half
    sharing a CCCD, half of the fuzzy kinds in turn) and as many look-alikes."""
    maker = _Maker(seed, communes)
    out = Province()
    for commune in communes:
        out.people.extend(maker.person(commune) for _ in range(per_commune))
    originals = maker.rng.sample(out.people, int(len(out.people) * planted_share))
    kinds = ["same_id", *FUZZY_KINDS]
    for n, person in enumerate(originals):
        kind = kinds[n % len(kinds)]
        if kind == "same_id" and not person["national_id"]:
            person["national_id"] = f"0{person['commune'][:2]}1{person['birth_date'].year % 100:02d}{n:06d}"
        copy = _vary(maker, kind, person)
        if copy is None:
            continue
        out.people.append(copy)
        key = out.pair(person["id"], copy["id"])
        if kind == "same_id":
            out.same_id.add(key)
        else:
            out.fuzzy[key] = kind
    for n, person in enumerate(maker.rng.sample(out.people, len(originals))):
        other = {**person, "id": maker.new_id(), "commune": maker.other_commune(person["commune"]),
                 "national_id": None}
        if n % 2:  # the same name, another birth date
            other["birth_date"] = dt.date(maker.rng.randint(1930, 2024), maker.rng.randint(1, 12),
                                          maker.rng.randint(1, 28))
            if other["birth_date"].year == person["birth_date"].year:
                continue
        else:  # a twin: another given name of the same gender
            words = person["full_name"].split()
            # (never one that reads the same without its marks: "Hùng" and "Hưng" cannot be told apart then)
            given = [g for g in GIVEN[person["gender"]] if strip_marks(g) != strip_marks(words[-1])]
            other["full_name"] = " ".join([*words[:-1], maker.rng.choice(given)])
        out.people.append(other)
        out.lookalikes.add(out.pair(person["id"], other["id"]))
    return out


def rows_by_partition(province: Province, province_code: str) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """The people as beneficiary rows, commune by commune."""
    by_partition: dict[str, list[dict[str, Any]]] = {}
    for person in province.people:
        row = {k: v for k, v in person.items() if k != "commune"}
        by_partition.setdefault(f"{province_code}:{person['commune']}", []).append(row)
    yield from by_partition.items()
