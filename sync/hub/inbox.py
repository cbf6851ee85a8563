"""`ctxh hub import DIR`: every bundle of a folder verified against the enrolled devices, applied with the
laptops' own merge, what fails quarantined with its reason, and totals that add up (D4)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.repositories import hub as hub_repo
from sync.bundle import MAX_FILE, BundleError, OpenedBundle, open_bytes
from sync.hub.profile import hub_keys
from sync.hub.transfers import carry_out
from sync.importing import ImportOutcome, _check_lines, code_check, import_files, verify_files
from sync.keys import Verifier
from sync.trust import now_iso


def _opener(ctx: AppContext, path: Path) -> OpenedBundle:
    """Open a laptop's bundle at the hub: encrypted to the hub, signed by an enrolled device that is not revoked
    and whose enrolment has not ended now, as it arrives, every record in that device's commune.

    Revocation and expiry are judged after the signature is checked: a bundle refused for them is known to
    be that device's, so it is quarantined (with its range) for a person to review, not dropped as noise."""
    size = path.stat().st_size
    if size > MAX_FILE:
        raise BundleError("E_SIZE", f"{size} bytes")
    _signer, identity = hub_keys(ctx)
    verdict: list[BundleError] = []

    def key_for(manifest: dict[str, Any]) -> Verifier:
        sender = manifest.get("sender") or {}
        with ctx.db.reader() as session:
            device = hub_repo.hub_device(session, str(sender.get("device")))
        if device is None or device["sign_key"] != sender.get("sign_key"):
            raise BundleError("E_SIG", f"device {sender.get('device')} is not enrolled with that key")
        if sender.get("partition") != device["partition"]:
            raise BundleError("E_SCOPE", f"enrolled for {device['partition']}, sent as {sender.get('partition')}")
        # Trust is judged by what the hub knows now, never by a time the sender wrote (T31): a bundle that
        # reaches the hub after the device's revocation is refused, whatever its created_at says.
        if device["revoked_at"]:
            verdict.append(BundleError("E_REVOKED", f"device {device['id']} was revoked at {device['revoked_at']}; "
                                                    "what arrives after that is refused"))
        elif now_iso() > device["not_after"]:
            verdict.append(BundleError("E_EXPIRED", f"the certificate of {device['id']} ended {device['not_after']}"))
        return Verifier.from_text(device["sign_key"])

    opened = open_bytes(path.read_bytes(), [identity], key_for)
    if verdict:
        raise BundleError(verdict[0].code, verdict[0].detail, opened)
    if opened.manifest.get("kind") != "changes":
        raise BundleError("E_FORMAT", "the hub takes laptops' change bundles", opened)
    try:
        _check_lines(opened, opened.manifest["sender"]["partition"], code_check(ctx))
    except BundleError as error:
        raise BundleError(error.code, error.detail, opened) from error
    return opened


@dataclass
class HubImport:
    """What one `hub import` did."""

    files: list[ImportOutcome] = field(default_factory=list)
    transferred: list[str] = field(default_factory=list)  # cases opened in another commune after a move
    # Per laptop whose bundle was applied: the receipt its next hub bundle carries and its code (to read out).
    receipts: list[dict[str, Any]] = field(default_factory=list)

    def totals(self) -> dict[str, int]:
        """Received changes, each counted once: applied + superseded + waiting + duplicate, and files refused."""
        ok = [f for f in self.files if f.ok]
        return {"files": len(self.files), "refused": len(self.files) - len(ok),
                "received": sum(f.changes for f in ok), "applied": sum(f.applied for f in ok),
                "superseded": sum(f.superseded for f in ok), "conflicts": sum(f.conflicts for f in ok),
                "waiting": sum(f.waiting for f in ok), "duplicate": sum(f.duplicates for f in ok)}

    def as_json(self) -> dict[str, Any]:
        """Per file and totals."""
        return {"files": [f.as_json() for f in self.files], "totals": self.totals(), "transferred": self.transferred,
                "receipts": self.receipts}


def import_folder(ctx: AppContext, folder: Path) -> HubImport:
    """Import every `*.age` file under `folder` (by name: device and counter order as laptops name them);
    a file that waits for an earlier one is applied when that one comes, in this run or a later one."""
    from desktop.core.services.access import require

    require(ctx, "hub")
    return import_paths(ctx, sorted(p for p in folder.rglob("*.age") if p.is_file()))


def verify_paths(ctx: AppContext, paths: list[Path]) -> list[ImportOutcome]:
    """Check laptops' bundles at the hub without importing them: the same checks, codes and reasons as
    `hub import` (enrolled signer, not revoked, within its commune, no replay)."""
    return verify_files(ctx, paths, _opener)


def import_paths(ctx: AppContext, paths: list[Path]) -> HubImport:
    """Import these laptops' bundle files, in the order given."""
    from desktop.core.services.access import require

    require(ctx, "hub")
    done = HubImport(import_files(ctx, paths, _opener))
    done.transferred = carry_out(ctx)  # a case closed because the person moved opens in their new commune
    done.receipts = receipt_codes(ctx, sorted({f.device for f in done.files if f.ok and f.device}))
    return done


def receipt_codes(ctx: AppContext, devices: list[str]) -> list[dict[str, Any]]:
    """For each device, its receipts (per series, as its next hub bundle will carry them) with their codes."""
    from sync.hub.outbox import receipts_for
    from sync.receipt_codes import receipt_code

    with ctx.db.reader() as session:
        names = hub_repo.device_names(session)
    return [{"device": r["device"], "name": names.get(r["device"], r["device"]), "epoch": r["epoch"],
             "through": r["through"], "code": receipt_code(r["device"], r["epoch"], r["through"])}
            for device in devices for r in receipts_for(ctx, device)]
