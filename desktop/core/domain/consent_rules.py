"""Who must consent, and whether they have (domain.md §7): pure functions over plain values.

Luật Bảo vệ dữ liệu cá nhân 2025 and ND 356/2025: consent is explicit, tied to a purpose, and may be
withdrawn; the legal representative acts for a child, and a child of 7 or more consents too (Art. 24).
A commune acting on its statutory duty needs no consent to keep the file (Art. 19.1c), but sharing a
child's or a person's file with others still does (TT 02/2020 Art. 9; ND 56/2017 Art. 24).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

CHILD_OWN_CONSENT_AGE = 7  # from this age a child consents beside the representative
ADULT_AGE = 16  # Luật Trẻ em Art. 1: a child is under 16
SELF, CHILD, REPRESENTATIVE = "BAN_THAN", "TRE_EM", "NGUOI_DAI_DIEN"
STATUTORY_DUTY, BY_CONSENT = "NHIEM_VU_LUAT_DINH", "DONG_Y"
CASE_WORK = "QUAN_LY_TRUONG_HOP"


def age_on(birth_date: dt.date | None, on: dt.date) -> int | None:
    """Full years of age on `on` (None when the birth date is unknown)."""
    if birth_date is None:
        return None
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def required_signers(birth_date: dt.date | None, on: dt.date) -> tuple[str, ...]:
    """Whose consent counts for a person of this age: the representative for a child under 7, the child
    and the representative from 7 to 15, the person from 16 (also when the age is unknown)."""
    age = age_on(birth_date, on)
    if age is None or age >= ADULT_AGE:
        return (SELF,)
    if age < CHILD_OWN_CONSENT_AGE:
        return (REPRESENTATIVE,)
    return (CHILD, REPRESENTATIVE)


def signer_fits_age(role: str, birth_date: dt.date | None, on: dt.date) -> bool:
    """A child signs only from 7 to 15; the person signs for themself only from 16 (or age unknown)."""
    age = age_on(birth_date, on)
    if role == CHILD:
        return age is not None and CHILD_OWN_CONSENT_AGE <= age < ADULT_AGE
    if role == SELF:
        return age is None or age >= ADULT_AGE
    return True


def in_force(consent: Mapping[str, Any], on: dt.date) -> bool:
    """Given on or before `on`, not withdrawn by then, and not deleted."""
    withdrawn = consent.get("withdrawn_on")
    return (not consent.get("deleted") and consent["given_on"] <= on
            and (withdrawn is None or withdrawn > on))


def missing_signers(purpose: str, birth_date: dt.date | None, consents: Iterable[Mapping[str, Any]],
                    on: dt.date) -> list[str]:
    """The signers whose consent to `purpose` is still needed on `on` (empty: consent is complete)."""
    given = {c["signer_role"] for c in consents if c["purpose"] == purpose and in_force(c, on)}
    return [role for role in required_signers(birth_date, on) if role not in given]


def consent_needed(legal_basis: str | None, purpose: str) -> bool:
    """Keeping and working the file rests on consent only when that is the basis chosen; every other
    purpose (sharing on referral, the national database, images) needs consent whatever the basis."""
    return purpose != CASE_WORK or legal_basis == BY_CONSENT
