"""Converting an older profile, kept in clear, to the encrypted form on its first sign-in.

Order, so that a power cut at any step loses nothing and leaves no second clear copy behind:
1. the clear database is checkpointed and copied with `sqlcipher_export` into `ctxh.sqlite3.encrypting`, which
   is checked (integrity and the row count of every table) and flushed;
2. the clear file is renamed `ctxh.sqlite3.plain`, the encrypted copy takes its name;
3. the vault (the data key wrapped for the signing-in account) is written;
4. the clear file, its journal files and the clear backups are overwritten and removed, and the key files in
   clear are sealed.
`resume()` finishes or undoes a conversion a power cut interrupted, decided by whether the vault was written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from desktop.core.db import encrypted_copy, is_plain_sqlite, sqlite_file_ok
from desktop.core.errors import CtxhError
from desktop.core.files import overwrite, shred
from desktop.core.profile import Profile
from desktop.core.vault import Vault, is_sealed, remember_key, seal_json

JOURNALS = ("-wal", "-shm", "-journal")


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _shred_plain(db_path: Path) -> None:
    for path in (_sibling(db_path, ".plain"), *(_sibling(_sibling(db_path, ".plain"), s) for s in JOURNALS)):
        shred(path)


def resume(profile: Profile) -> None:
    """Finish (the vault was written) or undo (it was not) a conversion that a power cut interrupted."""
    db_path = profile.db_path
    plain = _sibling(db_path, ".plain")
    if not plain.exists():
        _sibling(db_path, ".encrypting").unlink(missing_ok=True)
        return
    if Vault(profile.root).exists():
        _shred_plain(db_path)
        return
    if db_path.exists() and not is_plain_sqlite(db_path):
        db_path.unlink()  # an encrypted copy whose key was never written down: the clear file is the data
    if not db_path.exists():
        os.replace(plain, db_path)


def convert(profile: Profile, username: str, passphrase: str, data_key: bytes, db_url: str | None) -> None:
    """Encrypt an older profile in place for its first sign-in (see the module's docstring); the account's
    passphrase has been checked by the caller against its hash in the clear database."""
    vault = Vault(profile.root)
    db_path = profile.db_path
    if db_url is None:
        staging = _sibling(db_path, ".encrypting")
        encrypted_copy(db_path, staging, data_key)
        for suffix in JOURNALS:  # the copy above checkpointed and closed the clear file: these are empty
            shred(_sibling(db_path, suffix))
        os.replace(db_path, _sibling(db_path, ".plain"))
        os.replace(staging, db_path)
    vault.wrap(username, passphrase, data_key)
    vault.save()
    remember_key(profile.root, data_key)
    if db_url is None:
        _shred_plain(db_path)
        _encrypt_backups(profile, data_key)
    seal_key_files(profile.root)


def _encrypt_backups(profile: Profile, data_key: bytes) -> None:
    """Replace every clear backup in the profile's backups folder by an encrypted copy."""
    if not profile.backups_dir.is_dir():
        return
    for path in sorted(profile.backups_dir.glob("*.sqlite3")):
        if is_plain_sqlite(path) and sqlite_file_ok(path, None):
            staging = _sibling(path, ".encrypting")
            encrypted_copy(path, staging, data_key)
            shred(path)
            os.replace(staging, path)


def seal_key_files(root: Path) -> None:
    """Seal every private key file of the profile's keys/ folder still in clear (an older version wrote them
    so). The sealed file is written beside it first; then the clear bytes are overwritten in place and the
    sealed file takes the name, so that a power cut leaves either the clear key or the sealed one."""
    folder = Path(root) / "keys"
    if not folder.is_dir():
        return
    for staged in sorted(folder.glob("*.json.sealed")):  # a conversion cut short after zeroing the clear file
        os.replace(staged, staged.with_suffix(""))
    for path in sorted(folder.glob("*.json")):
        if path.name == "vault.json":
            continue
        text = path.read_text(encoding="utf-8")
        if is_sealed(text):
            continue
        try:
            clear = json.loads(text)
        except ValueError:  # neither sealed nor a key in clear: damaged, or changed by hand
            raise CtxhError("E_KEYFILE", file=path.name) from None
        staged = _sibling(path, ".sealed")
        staged.write_text(seal_json(root, path.name, clear), encoding="utf-8")
        os.chmod(staged, 0o600)
        with open(staged, "rb") as handle:
            os.fsync(handle.fileno())
        overwrite(path)
        os.replace(staged, path)
