"""What makes a passphrase acceptable: long enough for a person to live with, and not a known one.

At least MIN_LENGTH characters, or four words; and not one of the 1,000 most common passwords (nor one of them
with digits added, spaces or capitals changed), not the user name, not one character repeated.
"""

from __future__ import annotations

import re
from functools import cache

from desktop.core.errors import CtxhError

MIN_LENGTH = 10
MIN_WORDS = 4
_SEPARATORS = re.compile(r"[\s.\-_]+")
_TRAILING_DIGITS = re.compile(r"[\W\d_]+$")  # digits and signs added at the end: "matkhau2026!"
_LEADING_DIGITS = re.compile(r"^[\W\d_]+")


@cache
def common_passwords() -> frozenset[str]:
    """The refused list (resources/security/common-passwords.txt), lower-cased."""
    from desktop.paths import resources_dir

    text = (resources_dir() / "security" / "common-passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#")


def _folded(passphrase: str) -> str:
    return _SEPARATORS.sub("", passphrase.strip().lower())


def check_passphrase(passphrase: str, username: str = "") -> None:
    """Raise E_PASSPHRASE_SHORT or E_PASSPHRASE_COMMON (in the user's words) for a passphrase not allowed."""
    words = [w for w in passphrase.split() if w]
    if len(passphrase) < MIN_LENGTH and len(words) < MIN_WORDS:
        raise CtxhError("E_PASSPHRASE_SHORT", min=MIN_LENGTH, words=MIN_WORDS)
    folded = _folded(passphrase)
    stripped = _LEADING_DIGITS.sub("", _TRAILING_DIGITS.sub("", folded))
    known = common_passwords()
    if (folded in known or (len(stripped) >= 4 and stripped in known) or len(set(folded)) <= 2
            or (username and _folded(username) in folded)):
        raise CtxhError("E_PASSPHRASE_COMMON")
