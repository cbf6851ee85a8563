"""The bundle file (docs/bundle-format.md): an age-encrypted tar of `manifest.json`, `manifest.minisig` and
`payload.jsonl.gz`. Writing builds the bytes; reading checks every layer in order and stops at the first
problem with its error code — size, encryption, tar layout, manifest, signature, payload — without ever
writing a member to disk or trusting a member's name.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import tarfile
import unicodedata
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pyrage
from pyrage import x25519

from sync.keys import Signer, Verifier, canonical
from sync.minisign import SignatureError, sign, verify

FORMAT = 1
MANIFEST, SIGNATURE, PAYLOAD = "manifest.json", "manifest.minisig", "payload.jsonl.gz"
MEMBERS = (MANIFEST, SIGNATURE, PAYLOAD)
MAX_FILE = 64 * 1024 * 1024  # refused before reading (a bundle is split at 20 MB by default)
MAX_MANIFEST, MAX_SIGNATURE = 256 * 1024, 4096
MAX_UNCOMPRESSED = 1024 * 1024 * 1024  # a payload may not claim (or inflate to) more than 1 GiB
MAX_LINE = 4 * 1024 * 1024
ERROR_CODES = ("E_SIG", "E_TRUNC", "E_REPLAY", "E_SCOPE", "E_REVOKED", "E_EXPIRED", "E_SIZE", "E_FORMAT",
               "E_RECIPIENT", "E_SNAPSHOT", "E_DAMAGED", "E_FORK", "E_INTERNAL")


class BundleError(Exception):
    """A bundle refused: `code` is one of ERROR_CODES, `detail` says what was found (English, for logs)."""

    def __init__(self, code: str, detail: str = "", opened: OpenedBundle | None = None) -> None:
        super().__init__(code, detail)
        self.code, self.detail = code, detail
        # Set when the bundle itself was authentic (its signature and payload checked) and refused for what it
        # says or who sent it: the receiver then knows its sender and range, and quarantines it for review.
        self.opened = opened

    def __str__(self) -> str:
        return f"{self.code}: {self.detail}"


@dataclass(frozen=True)
class OpenedBundle:
    """A bundle that passed every check: its manifest, its change lines, and the file's SHA-256."""

    manifest: dict[str, Any]
    lines: list[dict[str, Any]]
    file_hash: str
    line_hashes: list[str]  # SHA-256 of each payload line as written (the identity of a change)
    # Each line's text as written, or None where it was cleaned (NFC): the hub keeps the text as history
    texts: list[str | None] = field(default_factory=list)
    # The sender's audit entries that travel after the change lines (manifest "audit": {"lines": n})
    audit: list[dict[str, Any]] = field(default_factory=list)


def compress_lines(lines: Iterable[bytes]) -> tuple[bytes, int, int]:
    """Payload lines (canonical JSON bytes) as the compressed payload (gzip, fixed header time), with the line
    count and the uncompressed length."""
    raw = b"".join(line + b"\n" for line in lines)
    return gzip.compress(raw, compresslevel=6, mtime=0), raw.count(b"\n"), len(raw)


def payload_bytes(lines: Iterable[dict[str, Any]]) -> tuple[bytes, int, int]:
    """compress_lines of change objects."""
    return compress_lines(canonical(line) for line in lines)


def build(manifest: dict[str, Any], payload: bytes, signer: Signer, recipients: list[str]) -> bytes:
    """The bundle file's bytes: the manifest (with the payload's hash and length filled in) signed in
    minisign format, the three members in a tar, the tar encrypted with age to every recipient."""
    manifest = {**manifest, "format": FORMAT, "recipients": sorted(set(recipients)),
                "payload": {**manifest.get("payload", {}), "name": PAYLOAD,
                            "sha256": hashlib.sha256(payload).hexdigest(), "length": len(payload)}}
    manifest_bytes = canonical(manifest)
    signature = sign(manifest_bytes, signer.private, signer.key_id,
                     f"ctxh-bundle {manifest['bundle_id']} payload-sha256 {manifest['payload']['sha256']}")
    stamp = int(dt.datetime.fromisoformat(manifest["created_at"]).timestamp())
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in ((MANIFEST, manifest_bytes), (SIGNATURE, signature.encode("ascii")), (PAYLOAD, payload)):
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode, info.uname, info.gname = len(data), stamp, 0o644, "ctxh", "ctxh"
            tar.addfile(info, io.BytesIO(data))
    return pyrage.encrypt(buffer.getvalue(), [x25519.Recipient.from_str(r) for r in sorted(set(recipients))])


def _decrypt(data: bytes, identities: list[x25519.Identity]) -> bytes:
    try:
        return pyrage.decrypt(data, identities)
    except pyrage.DecryptError as error:
        text = str(error)
        if "Unknown age format" in text:  # the first line: not read as age by anyone
            raise BundleError("E_DAMAGED", "the age header is damaged") from error
        if "No matching keys" in text or "header" in text.lower():
            # A damaged stanza of this device's and a bundle for another device cannot be told apart (its
            # wrapped key fails to open either way); a damaged stanza of another recipient's fails the header
            # MAC or its parse here, depending on which stanza the library reads first. So every header that
            # does not open is one answer, on a laptop and at the hub alike.
            raise BundleError("E_RECIPIENT", f"the header does not open with this device's key ({text})") \
                from error
        raise _payload_error(data, identities) from error


CHUNK_PLAIN, CHUNK_TAG, NONCE = 64 * 1024, 16, 16
TAR_RECORD = 10240  # Python's tarfile pads an archive to whole records: a complete bundle decrypts to n × this


def _payload_error(data: bytes, identities: list[x25519.Identity]) -> BundleError:
    """Tell a file cut short (the final chunk missing, or part of it) from one damaged inside (a chunk that
    fails its authentication tag): decrypt as a stream to see which chunk fails, and whether the file's
    length is that of a whole bundle."""
    decrypted = io.BytesIO()
    try:
        pyrage.decrypt_io(io.BytesIO(data), decrypted, identities)
    except (OSError, pyrage.DecryptError) as error:
        if "truncated" in str(error):
            return BundleError("E_TRUNC", "the file ends before its final chunk (cut short)")
    body = len(data) - (data.index(b"\n", data.index(b"\n---") + 1) + 1) - NONCE
    chunks = max(1, -(-body // (CHUNK_PLAIN + CHUNK_TAG)))
    failing = len(decrypted.getvalue()) // CHUNK_PLAIN
    whole_length = (body - CHUNK_TAG * chunks) % TAR_RECORD == 0
    if failing < chunks - 1 or whole_length:
        return BundleError("E_DAMAGED", f"chunk {failing + 1} of {chunks} fails its authentication (damaged "
                                        "or altered)")
    return BundleError("E_TRUNC", "the file is cut short inside its final chunk")


def _members(tar_bytes: bytes) -> dict[str, bytes]:
    """The three members, read in memory; anything else in the tar refuses it."""
    found: dict[str, bytes] = {}
    limits = {MANIFEST: MAX_MANIFEST, SIGNATURE: MAX_SIGNATURE, PAYLOAD: MAX_FILE}
    try:
        with tarfile.open(fileobj=io.BytesIO(tar_bytes), mode="r:") as tar:
            for info in tar:
                if info.name not in limits or not info.isreg() or info.name in found:
                    raise BundleError("E_FORMAT", f"unexpected tar member {info.name!r}")
                if info.size > limits[info.name]:
                    raise BundleError("E_SIZE", f"{info.name} is {info.size} bytes")
                member = tar.extractfile(info)
                data = member.read() if member else b""
                if len(data) != info.size:
                    raise BundleError("E_TRUNC", f"{info.name} is cut short")
                found[info.name] = data
    except (tarfile.TarError, EOFError) as error:
        raise BundleError("E_FORMAT", f"not a bundle tar ({error})") from error
    missing = [m for m in MEMBERS if m not in found]
    if missing:
        raise BundleError("E_TRUNC" if found else "E_FORMAT", f"missing {', '.join(missing)}")
    return found


def _strict_json(data: bytes, what: str) -> Any:
    return _strict_json_text(data, what)[0]


def _strict_json_text(data: bytes, what: str) -> tuple[Any, str | None]:
    """The JSON value of strict UTF-8 `data`, and its text if that needed no cleaning (else None)."""
    try:
        text = data.decode("utf-8", errors="strict")
        value = json.loads(text, parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise BundleError("E_FORMAT", f"{what} is not strict UTF-8 JSON ({error.__class__.__name__})") from error
    # Without escapes, strict decoding already excludes surrogates and json.loads raw control characters; and a
    # text in NFC has every string in NFC. Only otherwise is each string looked at.
    if "\\u" not in text and unicodedata.is_normalized("NFC", text):
        return value, text
    return _clean_text(value, what), None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _clean_text(value: Any, what: str) -> Any:
    """Every string in NFC ("Nguyễn" typed on a Mac and on Windows is one name), and none holding NUL or a
    lone surrogate (json.loads lets "\\u0000" and "\\ud800" through)."""
    if isinstance(value, str):
        if value.isascii():
            if "\x00" in value:
                raise BundleError("E_FORMAT", f"{what} holds a NUL character")
            return value
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise BundleError("E_FORMAT", f"{what} holds a lone surrogate") from error
        if "\x00" in value:
            raise BundleError("E_FORMAT", f"{what} holds a NUL character")
        return value if unicodedata.is_normalized("NFC", value) else unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_clean_text(k, what): _clean_text(v, what) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_text(v, what) for v in value]
    return value


def _inflate(payload: bytes, claimed: int) -> bytes:
    """Decompress at most `claimed` bytes (as the signed manifest says); a bomb stops at the limit."""
    if claimed > MAX_UNCOMPRESSED:
        raise BundleError("E_SIZE", f"the payload claims {claimed} bytes")
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(payload, claimed + 1)
    except zlib.error as error:
        raise BundleError("E_FORMAT", f"the payload is not gzip ({error})") from error
    if len(out) > claimed or inflater.unconsumed_tail:
        raise BundleError("E_SIZE", "the payload inflates past its stated length")
    if not inflater.eof:
        raise BundleError("E_TRUNC", "the payload is cut short")
    return out


KeyFor = Callable[[dict[str, Any]], Verifier]


def open_bytes(data: bytes, identities: list[x25519.Identity], key_for: KeyFor, lines: bool = True) -> OpenedBundle:
    """Check a bundle file's bytes completely and return what it holds; raises BundleError.

    `key_for(manifest)` names the key that must have signed it (or raises BundleError: unknown signer,
    revoked, expired, out of scope) — trust is the caller's, the format is this module's.
    """
    if len(data) > MAX_FILE:
        raise BundleError("E_SIZE", f"{len(data)} bytes")
    file_hash = hashlib.sha256(data).hexdigest()
    if not data.startswith(b"age-encryption.org/v1\n"):
        raise BundleError("E_FORMAT" if len(data) > 64 else "E_TRUNC", "not an age file")
    members = _members(_decrypt(data, identities))
    manifest = _strict_json(members[MANIFEST], MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or not isinstance(
            manifest.get("payload"), dict):
        raise BundleError("E_FORMAT", "the manifest is not a version-1 bundle manifest")
    verifier = key_for(manifest)
    try:
        verify(members[MANIFEST], members[SIGNATURE].decode("ascii", errors="replace"), verifier.public,
               verifier.key_id)
    except SignatureError as error:
        raise BundleError("E_SIG", str(error)) from error
    payload = members[PAYLOAD]
    stated = manifest["payload"]
    if len(payload) != stated.get("length") or hashlib.sha256(payload).hexdigest() != stated.get("sha256"):
        code = "E_TRUNC" if len(payload) < int(stated.get("length") or 0) else "E_SIG"
        raise BundleError(code, "the payload is not the one the manifest signed")
    if not lines:  # a writer reading back its own file: the signed payload hash already proves the lines
        return OpenedBundle(manifest, [], file_hash, [])
    raw = _inflate(payload, int(stated.get("uncompressed", 0)))
    parsed: list[dict[str, Any]] = []
    hashes: list[str] = []
    texts: list[str | None] = []
    for number, line in enumerate(raw.split(b"\n")[:-1], start=1):
        hashes.append(hashlib.sha256(line).hexdigest())
        if len(line) > MAX_LINE:
            raise BundleError("E_SIZE", f"line {number} is {len(line)} bytes")
        value, text = _strict_json_text(line, f"payload line {number}")
        if not isinstance(value, dict):
            raise BundleError("E_FORMAT", f"payload line {number} is not an object")
        parsed.append(value)
        texts.append(text)
    if len(parsed) != stated.get("lines") or (raw and not raw.endswith(b"\n")):
        raise BundleError("E_FORMAT", "the payload's line count differs from the manifest's")
    audit_info = manifest.get("audit") or {}
    audit_lines = audit_info.get("lines", 0) if isinstance(audit_info, dict) else -1
    if type(audit_lines) is not int or not 0 <= audit_lines <= len(parsed):
        raise BundleError("E_FORMAT", "the manifest's audit line count is not a count of its lines")
    changes = len(parsed) - audit_lines
    audit = parsed[changes:]
    if any(line.get("type") != "audit" for line in audit) or any(
            line.get("type") == "audit" for line in parsed[:changes]):
        raise BundleError("E_FORMAT", "audit lines and change lines are not where the manifest says")
    return OpenedBundle(manifest, parsed[:changes], file_hash, hashes[:changes], texts[:changes], audit)
