"""The bundle format itself: frozen version-1 vectors (T12), RFC 8032 Ed25519, and round trips with the
standard `age` and `minisign` tools (T13)."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
from pyrage import x25519

from sync.bundle import _members, build, open_bytes, payload_bytes
from sync.keys import Signer, Verifier
from tests.fixtures.make_bundle_vectors import vectors

FIXTURES = Path(__file__).parent / "fixtures" / "bundles"


def test_rfc8032_ed25519_test_1() -> None:
    """The signing primitive underneath is standard Ed25519 (RFC 8032 §7.1, TEST 1)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    secret = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
    key = Ed25519PrivateKey.from_private_bytes(secret)
    assert key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex() == (
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    assert key.sign(b"").hex() == (
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
        "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")


def test_the_frozen_v1_bundle_still_opens_and_its_parts_are_reproduced() -> None:
    """T12: the file made by version 1 opens forever; the same inputs give the same manifest, signature,
    payload and tar bytes (only age's layer is random)."""
    expected = json.loads((FIXTURES / "v1-expected.json").read_text(encoding="utf-8"))
    data = (FIXTURES / "v1-changes.ctxh.age").read_bytes()
    assert hashlib.sha256(data).hexdigest() == expected["file_sha256"]
    fixed = vectors()
    identity = x25519.Identity.from_str(fixed["receiver_identity"])
    opened = open_bytes(data, [identity], lambda _m: Verifier.from_text(expected["sign_key"]))
    assert opened.lines == fixed["lines"] and opened.manifest["payload"]["sha256"] == expected["payload_sha256"]
    signer = Signer.from_json({"ed25519_seed": fixed["device_seed"], "key_id": fixed["device_key_id"]})
    assert signer.public_text == expected["sign_key"]
    manifest = {**fixed["manifest"], "sender": {**fixed["manifest"]["sender"], "sign_key": signer.public_text}}
    payload, count, raw = payload_bytes(fixed["lines"])
    manifest["payload"] = {"lines": count, "uncompressed": raw}
    again = build(manifest, payload, signer, [expected["recipient"]])
    import pyrage

    tar = pyrage.decrypt(again, [identity])
    members = _members(tar)
    assert hashlib.sha256(tar).hexdigest() == expected["tar_sha256"]
    assert hashlib.sha256(members["manifest.json"]).hexdigest() == expected["manifest_sha256"]
    assert members["manifest.minisig"].decode() == expected["signature"]


needs_tools = pytest.mark.skipif(not (shutil.which("age") and shutil.which("minisign")),
                                 reason="the Debian packages age and minisign are missing (.ci/run installs them)")


@needs_tools
def test_an_it_officer_opens_our_bundle_with_age_and_minisign(tmp_path: Path) -> None:
    """T13: `age -d` gives byte for byte the tar we read; `minisign -V` accepts the manifest; the payload's
    SHA-256 is the one the signed manifest states."""
    import pyrage

    fixed = vectors()
    data = (FIXTURES / "v1-changes.ctxh.age").read_bytes()
    key = tmp_path / "key.txt"
    key.write_text(fixed["receiver_identity"] + "\n")
    tar_path = tmp_path / "bundle.tar"
    subprocess.run(["age", "-d", "-i", str(key), "-o", str(tar_path), str(FIXTURES / "v1-changes.ctxh.age")],
                   check=True)
    assert tar_path.read_bytes() == pyrage.decrypt(data, [x25519.Identity.from_str(fixed["receiver_identity"])])
    out = tmp_path / "x"
    with tarfile.open(tar_path) as tar:
        tar.extractall(out, filter="data")
    expected = json.loads((FIXTURES / "v1-expected.json").read_text(encoding="utf-8"))
    done = subprocess.run(["minisign", "-V", "-m", str(out / "manifest.json"), "-x", str(out / "manifest.minisig"),
                           "-P", expected["sign_key"]], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert hashlib.sha256((out / "payload.jsonl.gz").read_bytes()).hexdigest() == manifest["payload"]["sha256"]


@needs_tools
def test_a_bundle_made_with_the_age_and_minisign_tools_imports(tmp_path: Path) -> None:
    """T13, the other way: a key made by `minisign -G`, a manifest signed by `minisign -S`, a tar encrypted by
    `age -r` — our reader opens it and gets the same lines."""
    fixed = vectors()
    subprocess.run(["minisign", "-G", "-W", "-p", str(tmp_path / "k.pub"), "-s", str(tmp_path / "k.sec")],
                   check=True, capture_output=True)
    public = (tmp_path / "k.pub").read_text().splitlines()[1]
    payload, count, raw = payload_bytes(fixed["lines"])
    manifest = {**fixed["manifest"], "format": 1, "recipients": [], "sender": {**fixed["manifest"]["sender"],
                                                                                "sign_key": public},
                "payload": {"lines": count, "uncompressed": raw, "name": "payload.jsonl.gz",
                            "sha256": hashlib.sha256(payload).hexdigest(), "length": len(payload)}}
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "manifest.json").write_bytes(json.dumps(manifest, sort_keys=True, separators=(",", ":"),
                                                      ensure_ascii=False).encode())
    (folder / "payload.jsonl.gz").write_bytes(payload)
    subprocess.run(["minisign", "-S", "-s", str(tmp_path / "k.sec"), "-m", str(folder / "manifest.json"),
                    "-x", str(folder / "manifest.minisig"), "-t", "made with the minisign tool"],
                   check=True, capture_output=True)
    subprocess.run(["tar", "-cf", str(tmp_path / "b.tar"), "-C", str(folder), "manifest.json", "manifest.minisig",
                    "payload.jsonl.gz"], check=True)
    identity = x25519.Identity.from_str(fixed["receiver_identity"])
    subprocess.run(["age", "-r", str(identity.to_public()), "-o", str(tmp_path / "b.age"), str(tmp_path / "b.tar")],
                   check=True)
    opened = open_bytes((tmp_path / "b.age").read_bytes(), [identity], lambda _m: Verifier.from_text(public))
    assert opened.lines == fixed["lines"]
    key_id = base64.b64decode(public)[2:10]
    assert Verifier.from_text(public).key_id == key_id
