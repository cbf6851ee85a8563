"""The profile's data key and its wraps: what unlocks the encrypted database and the key files.

A random 256-bit data key opens the SQLCipher database (as a raw key, so SQLCipher runs no KDF of its own)
and seals the device's and the hub's private keys. It is never stored in clear. `keys/vault.json` holds it
wrapped (AES-256-GCM) once per account under Argon2id(passphrase), with the Argon2 parameters beside each wrap,
and once to the province's escrow recipient (age X25519) for recovery. Changing a passphrase rewrites one wrap:
the database is not touched.

The vault also counts failed sign-ins (for the lockout) and keeps the audit entries of failures made before
any database could be opened; the next sign-in moves them into the audit trail. A thief who edits these counters
gains nothing the Argon2 cost does not already bound: they slow a person at the keyboard, not an offline attack.
"""

from __future__ import annotations

import base64
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.errors import AuthError, CtxhError

VAULT_FORMAT = 1
KEY_BYTES = 32
TARGET_UNLOCK_SECONDS = 0.5
MEMORY_KIB = 65536
# Tests and benchmarks that create hundreds of profiles set this to make wraps cheap; the parameters are
# recorded with each wrap, so an unlock always uses what the wrap was made with.
WEAK_KDF_ENV = "CTXH_TEST_WEAK_KDF"
SEALED_KIND = "ctxh-sealed"
MAX_COUNTED = 200  # user names whose failed tries are counted at once

_open_keys: dict[Path, bytes] = {}  # profile root → data key, for the process's unlocked profiles
_calibrated: KdfParams | None = None


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters of one wrap."""

    time_cost: int
    memory_kib: int
    parallelism: int = 1

    def as_json(self) -> dict[str, int]:
        """The parameters as stored beside a wrap."""
        return {"time_cost": self.time_cost, "memory_kib": self.memory_kib, "parallelism": self.parallelism}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_data_key() -> bytes:
    """A fresh random data key."""
    return os.urandom(KEY_BYTES)


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(passphrase.encode("utf-8"), salt, params.time_cost, params.memory_kib,
                           params.parallelism, KEY_BYTES, Type.ID)


def calibrated_params() -> KdfParams:
    """Argon2id parameters that take about TARGET_UNLOCK_SECONDS on this machine (64 MiB, the time cost
    measured once per process); tiny ones when WEAK_KDF_ENV is set."""
    global _calibrated
    if os.environ.get(WEAK_KDF_ENV):
        return KdfParams(time_cost=1, memory_kib=1024)
    if _calibrated is None:
        salt = os.urandom(16)
        timings = []
        for cost in (1, 2):
            start = time.perf_counter()
            _derive("calibration", salt, KdfParams(cost, MEMORY_KIB))
            timings.append(time.perf_counter() - start)
        per_pass = max(timings[1] - timings[0], 1e-3)
        base = max(timings[0] - per_pass, 0.0)
        _calibrated = KdfParams(max(2, min(40, round((TARGET_UNLOCK_SECONDS - base) / per_pass))), MEMORY_KIB)
    return _calibrated


def _aad(purpose: str, name: str) -> bytes:
    return f"ctxh-vault:{purpose}:{name}".encode()


def _seal(key: bytes, plaintext: bytes, aad: bytes) -> dict[str, str]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return {"nonce": _b64(nonce), "ciphertext": _b64(AESGCM(key).encrypt(nonce, plaintext, aad))}


def _open(key: bytes, sealed: dict[str, str], aad: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(key).decrypt(_unb64(sealed["nonce"]), _unb64(sealed["ciphertext"]), aad)
    except (InvalidTag, KeyError, ValueError, TypeError):
        raise AuthError() from None


class Vault:
    """The wraps of one profile's data key (`keys/vault.json`), read and written whole and atomically."""

    def __init__(self, root: Path, path: Path | None = None) -> None:
        self.path = path or Path(root) / "keys" / "vault.json"
        self.data: dict[str, Any] = {"format": VAULT_FORMAT, "wraps": {}, "escrow": None, "failures": {},
                                     "pending_audit": []}
        if self.path.exists():
            try:
                self.data.update(json.loads(self.path.read_text(encoding="utf-8")))
            except (OSError, ValueError) as error:
                raise CtxhError("E_VAULT_UNREADABLE", file=str(self.path)) from error

    def exists(self) -> bool:
        """True once the profile has a data key (a file holding only sign-in counters is not a vault yet)."""
        return bool(self.data["wraps"]) or bool(self.data.get("escrow"))

    def save(self) -> None:
        """Write the vault atomically, readable by its owner only."""
        from desktop.core.files import replace_atomically

        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.data, indent=1, sort_keys=True)

        def write(partial: Path) -> None:
            partial.write_text(text, encoding="utf-8")
            os.chmod(partial, 0o600)

        replace_atomically(self.path, write)

    def has_wrap(self, username: str) -> bool:
        """True if `username` can unlock the data key with a passphrase."""
        return username in self.data["wraps"]

    def wrap(self, username: str, passphrase: str, data_key: bytes, params: KdfParams | None = None) -> None:
        """Wrap the data key for `username` (replacing an earlier wrap); call save() after."""
        params = params or calibrated_params()
        salt = os.urandom(16)
        kek = _derive(passphrase, salt, params)
        self.data["wraps"][username] = {"kdf": "argon2id", "salt": _b64(salt), **params.as_json(),
                                        **_seal(kek, data_key, _aad("user", username))}

    def drop_wrap(self, username: str) -> None:
        """Forget `username`'s wrap (a deactivated account can no longer unlock); call save() after."""
        self.data["wraps"].pop(username, None)

    def unwrap(self, username: str, passphrase: str) -> bytes:
        """The data key, if `passphrase` is `username`'s; AuthError otherwise (never says which was wrong)."""
        entry = self.data["wraps"].get(username)
        if entry is None:
            _derive(passphrase, os.urandom(16), calibrated_params())  # the same time as a wrong passphrase
            raise AuthError()
        params = KdfParams(int(entry["time_cost"]), int(entry["memory_kib"]), int(entry.get("parallelism", 1)))
        kek = _derive(passphrase, _unb64(entry["salt"]), params)
        return _open(kek, entry, _aad("user", username))

    def wrap_params(self, username: str) -> KdfParams | None:
        """The Argon2id parameters recorded with `username`'s wrap."""
        entry = self.data["wraps"].get(username)
        return KdfParams(int(entry["time_cost"]), int(entry["memory_kib"])) if entry else None

    def set_escrow(self, data_key: bytes, recipient: str) -> None:
        """Wrap the data key to the province's escrow recipient (age X25519); call save() after."""
        import pyrage
        from pyrage import x25519

        ciphertext = pyrage.encrypt(data_key, [x25519.Recipient.from_str(recipient)])
        self.data["escrow"] = {"recipient": recipient, "age": _b64(ciphertext)}

    def escrow_only(self, path: Path) -> Vault | None:
        """A vault at `path` holding only the escrow wrap (none of the passphrase wraps), or None without one:
        what goes beside a backup, so that the province can open it if the laptop is lost, while whoever finds
        the stick has no passphrase wrap to guess against."""
        if not self.data.get("escrow"):
            return None
        copy = Vault(path.parent, path)
        copy.data = {"format": VAULT_FORMAT, "wraps": {}, "escrow": self.data["escrow"], "failures": {},
                     "pending_audit": []}
        return copy

    def escrow_recipient(self) -> str | None:
        """The escrow recipient the data key is wrapped to, if any."""
        escrow = self.data.get("escrow")
        return escrow["recipient"] if escrow else None

    def unwrap_escrow(self, identity_text: str) -> bytes:
        """The data key, opened with the province's escrow identity ("AGE-SECRET-KEY-1…")."""
        import pyrage
        from pyrage import x25519

        escrow = self.data.get("escrow")
        if not escrow:
            raise CtxhError("E_NO_ESCROW")
        try:
            identity = x25519.Identity.from_str(identity_text.strip())
            data_key = pyrage.decrypt(_unb64(escrow["age"]), [identity])
        except Exception as error:  # pyrage raises its own DecryptError / IdentityError types
            raise CtxhError("E_ESCROW_KEY") from error
        if len(data_key) != KEY_BYTES:
            raise CtxhError("E_ESCROW_KEY")
        return data_key

    # --- the lockout counters -------------------------------------------------------------------------
    def failures(self, username: str) -> tuple[int, float]:
        """(failed tries in a row, time of the last one) for `username`."""
        entry = self.data["failures"].get(username) or {}
        return int(entry.get("count", 0)), float(entry.get("last", 0.0))

    def note_failure(self, username: str, now: float) -> int:
        """Count one more failed try; returns the count. Call save() after."""
        count = self.failures(username)[0] + 1
        self.data["failures"][username] = {"count": count, "last": now}
        if len(self.data["failures"]) > MAX_COUNTED:  # names typed at random must not grow the file forever
            oldest = sorted(self.data["failures"].items(), key=lambda item: item[1].get("last", 0))
            for name, _entry in oldest[:len(oldest) - MAX_COUNTED]:
                del self.data["failures"][name]
        return count

    def clear_failures(self, username: str) -> None:
        """Forget the failed tries (after a success or a reset). Call save() after."""
        self.data["failures"].pop(username, None)

    def add_pending_audit(self, entry: dict[str, Any]) -> None:
        """Keep an audit entry made while the database was locked. Call save() after."""
        self.data["pending_audit"] = [*self.data.get("pending_audit", []), entry][-1000:]

    def take_pending_audit(self) -> list[dict[str, Any]]:
        """The kept entries, removed from the vault. Call save() after."""
        entries = list(self.data.get("pending_audit", []))
        self.data["pending_audit"] = []
        return entries


# --- the process's unlocked data keys and the sealed files ------------------------------------------------
def remember_key(root: Path, data_key: bytes) -> None:
    """Keep the data key of an unlocked profile for this process (key files are sealed and opened with it)."""
    _open_keys[Path(root).absolute()] = data_key


def forget_key(root: Path) -> None:
    """Drop an unlocked profile's data key (lock, sign-out)."""
    _open_keys.pop(Path(root).absolute(), None)


def key_of(root: Path) -> bytes:
    """The data key of an unlocked profile; E_LOCKED if it is not unlocked in this process."""
    try:
        return _open_keys[Path(root).absolute()]
    except KeyError:
        raise CtxhError("E_LOCKED") from None


def seal_json(root: Path, name: str, obj: Any) -> str:
    """`obj` as JSON sealed under the profile's data key (the file's name is bound into the seal)."""
    sealed = _seal(key_of(root), json.dumps(obj).encode("utf-8"), _aad("file", name))
    return json.dumps({"kind": SEALED_KIND, **sealed}, indent=1)


def is_sealed(text: str) -> bool:
    """True if a key file's text is sealed (not an older profile's key in clear)."""
    try:
        return json.loads(text).get("kind") == SEALED_KIND
    except (ValueError, AttributeError):
        return False


def open_json(root: Path, name: str, text: str) -> Any:
    """Read seal_json()'s output; E_KEYFILE if it was changed or sealed under another key."""
    try:
        sealed = json.loads(text)
        if not isinstance(sealed, dict):
            raise ValueError(name)
        return json.loads(_open(key_of(root), sealed, _aad("file", name)))
    except (AuthError, ValueError):
        raise CtxhError("E_KEYFILE", file=name) from None


def hex_key(data_key: bytes) -> str:
    """The data key as SQLCipher's raw-key literal."""
    return f"x'{data_key.hex()}'"
