"""Several laptops and a hub on one machine: real profiles, real keys, real bundle files."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.services.status import status
from sync.bundle import build, payload_bytes
from sync.keys import TrustStore, device_card, hub_card, hub_keys_generate, load_device_keys
from sync.trust import now_iso
from tests.conftest import make_profile, reopen


@dataclass
class Hub:
    """A hub's keys and card (the hub issue makes the real one; these sign receipts and certificates)."""

    signer: Any
    identity: Any
    escrow: Any
    card: dict[str, Any]

    @classmethod
    def make(cls) -> Hub:
        signer, identity, escrow = hub_keys_generate()
        return cls(signer, identity, escrow, hub_card(signer, identity, escrow, "hub-tinh-01", "Sở Y tế Hà Nội"))

    def bundle(self, ctx: AppContext, lines: list[dict[str, Any]], folder: Path, version: int = 1) -> Path:
        """A hub→laptop bundle for `ctx`'s laptop."""
        payload, count, raw = payload_bytes(lines)
        manifest = {"bundle_id": str(uuid.uuid4()), "kind": "hub", "created_at": now_iso(), "version": version,
                    "sender": {"device": self.card["id"], "partition": "*", "sign_key": self.signer.public_text},
                    "payload": {"lines": count, "uncompressed": raw}}
        data = build(manifest, payload, self.signer, [load_device_keys(ctx.profile.root).recipient])
        path = folder / f"hub-{manifest['bundle_id'][:8]}.ctxh.age"
        path.write_bytes(data)
        return path


def card_of(ctx: AppContext) -> dict[str, Any]:
    """A laptop's public card."""
    return device_card(load_device_keys(ctx.profile.root), ctx.device_id, ctx.device_name, ctx.partition)


def laptops(tmp: Path, names: list[str], hub: Hub | None = None, commune: str = "00004") -> list[AppContext]:
    """Laptops of one commune that trust each other (and the hub, if given)."""
    made = [make_profile(tmp / name, commune=commune, user=f"canbo_{name}") for name in names]
    for ctx in made:
        trust = TrustStore(ctx.profile.root)
        if hub is not None:
            trust.add(hub.card, ctx.partition, ctx.device_id)
        for other in made:
            if other is not ctx:
                trust.add(card_of(other), ctx.partition, ctx.device_id)
    return made


def digest(ctx: AppContext) -> str:
    """The content digest of a profile."""
    return status(ctx)["digest"]


def export(ctx: AppContext, folder: Path, **kwargs: Any) -> list[Path]:
    """Export a laptop's new changes into `folder` (made if needed)."""
    from sync.exporting import export_bundles

    folder.mkdir(parents=True, exist_ok=True)
    return [Path(f) for f in export_bundles(ctx, folder, **kwargs).files]


def import_(ctx: AppContext, *paths: Path) -> list[Any]:
    """Import files into a laptop; returns the outcomes."""
    from sync.importing import import_files

    return import_files(ctx, list(paths))


def copied_back(ctx: AppContext, saved: Path) -> AppContext:
    """A backup copied over a laptop's database by hand, without `ctxh restore` (so the same device and the
    same counters: what a fork looks like); returns the laptop opened again."""
    import shutil


    ctx.db.dispose()
    shutil.copy(saved, ctx.profile.db_path)
    for suffix in ("-wal", "-shm"):
        Path(str(ctx.profile.db_path) + suffix).unlink(missing_ok=True)
    return reopen(ctx.profile.root)


def outbox_lines(ctx: AppContext, after: int = 0) -> list[dict[str, Any]]:
    """A laptop's changes after counter `after`, as its bundles carry them."""
    from desktop.core.repositories.sync_store import outbox_after
    from sync.exporting import outbox_line

    with ctx.db.reader() as session:
        return [outbox_line(e) for e in outbox_after(session, after)]


def forged(ctx: AppContext, recipient: str, path: Path, lines: list[dict[str, Any]], **manifest: Any) -> Path:
    """A bundle of `lines` validly signed with `ctx`'s own key (what a holder of a stolen laptop key can write)
    and encrypted to `recipient`; its range is the lines' counters unless `manifest` says otherwise."""
    keys = load_device_keys(ctx.profile.root)
    payload, count, raw = payload_bytes(lines)
    seqs = [line["seq"] for line in lines if isinstance(line.get("seq"), int)] or [0]
    body = {"bundle_id": str(uuid.uuid4()), "kind": "changes", "created_at": now_iso(), "epoch": 1,
            "sender": {"device": ctx.device_id, "partition": ctx.partition, "sign_key": keys.signer.public_text},
            "seq_after": min(seqs) - 1, "seq_to": max(seqs), "prev_hash": "",
            "payload": {"lines": count, "uncompressed": raw}, **manifest}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(build(body, payload, keys.signer, [recipient]))
    return path
