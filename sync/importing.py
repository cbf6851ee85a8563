"""Import: bundles from the hub (receipts, certificates, revocations, reference data, transferred cases) and
from the commune's other laptops, checked completely, then merged in one transaction each.

A refused bundle changes nothing but the ledger's note of the refusal. A bundle already imported, even under
another name, is a duplicate: reported, not an error. The same counter of the same device with other content
is a replay or a fork: the bundle is refused (E_REPLAY) and quarantined. Changes of one device are applied in
its counter order; a bundle that arrives before an earlier one waits (a gap) and is applied when the gap fills.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeGuard

from sqlalchemy.orm import Session

from desktop.core.context import HUB, AppContext
from desktop.core.fault_log import log_path, record_fault
from desktop.core.repositories import sync_store as store
from desktop.core.repositories.devices import save_last_version
from desktop.core.services.records import codebook, forget_codebook
from desktop.core.validation import CodeCheck
from forms.library import REFERENCE_PREFIX, SnapshotError, check_snapshot, install_snapshot, installed_serial
from sync.bundle import MAX_FILE, BundleError, OpenedBundle, open_bytes
from sync.digests import forget_digests
from sync.keys import TrustStore, canonical, load_device_keys
from sync.merge import MergeError, MergeStats, check_line, merge_run, recompute_derived, scope_breach
from sync.rotation import follow_chain
from sync.trust import now_iso, signer_for


@dataclass
class ImportOutcome:
    """What became of one file (`ctxh bundle import --json` prints these)."""

    file: str
    ok: bool
    error: str | None = None
    detail: str = ""
    state: str = ""  # applied | duplicate | waiting | quarantined | refused
    changes: int = 0
    applied: int = 0
    superseded: int = 0
    waiting: int = 0
    conflicts: int = 0
    duplicates: int = 0
    gap: list[int] = field(default_factory=list)
    touched: dict[str, set[str]] = field(default_factory=dict, repr=False)  # records written, by entity
    device: str = ""  # the sender's device id, once the bundle opened

    def reason_params(self) -> dict[str, Any]:
        """The parameters of the refusal's message (desktop/core/messages.py): the file, and for E_INTERNAL the
        incident id and the log's path."""
        params: dict[str, Any] = {"file": Path(self.file).name}
        if self.error == "E_INTERNAL":
            params["incident"], _, params["log"] = self.detail.partition(" ")
        return params

    def as_json(self) -> dict[str, Any]:
        """The outcome as plain JSON (without the ids of the records it touched)."""
        return {k: v for k, v in self.__dict__.items() if k != "touched"}


def open_file(ctx: AppContext, path: Path) -> OpenedBundle:
    """Read and check one bundle file completely (size first, then every layer); raises BundleError."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise BundleError("E_FORMAT", f"cannot read {path.name}: {error.strerror}") from error
    if size > MAX_FILE:
        raise BundleError("E_SIZE", f"{size} bytes")
    keys, trust = load_device_keys(ctx.profile.root), TrustStore(ctx.profile.root)
    opened = open_bytes(path.read_bytes(), [keys.identity],
                        lambda manifest: signer_for(manifest, keys, trust, ctx.device_id))
    _check_scope(ctx, opened)
    return opened


def _check_scope(ctx: AppContext, opened: OpenedBundle) -> None:
    manifest = opened.manifest
    if manifest.get("kind") == "hub":
        for line in opened.lines:
            if line.get("type") == "change" and line.get("partition") != ctx.partition:
                raise BundleError("E_SCOPE", f"a change of {line.get('partition')} for a laptop of {ctx.partition}")
        return
    partition = (manifest.get("sender") or {}).get("partition")
    if partition != ctx.partition:
        raise BundleError("E_SCOPE", f"a bundle of {partition} for a laptop of {ctx.partition}")
    _check_lines(opened, partition, code_check(ctx))


def code_check(ctx: AppContext) -> CodeCheck:
    """The receiver's code lists, as the checks of incoming lines ask them."""
    return codebook(ctx).known


def with_bundle_codes(known_code: CodeCheck, lines: list[dict[str, Any]]) -> CodeCheck:
    """The receiver's codes and those of the code lists a hub bundle brings: its relayed changes may use a
    code its own new lists add."""
    brought: set[tuple[str, str]] = set()
    for line in lines:
        data = line.get("data") if line.get("type") == "reference" and line.get("kind") == "code_lists" else None
        lists = data.get("lists") if isinstance(data, dict) else None
        if isinstance(lists, dict):
            brought |= {(str(name), str(item[0])) for name, items in lists.items() if isinstance(items, list)
                        for item in items if isinstance(item, list) and item}
    if not brought:
        return known_code
    return lambda list_name, code: (list_name, code) in brought or known_code(list_name, code)


def _check_lines(opened: OpenedBundle, partition: str, known_code: CodeCheck | None = None) -> None:
    """Every change of a laptop's bundle is of its sender's commune and well formed."""
    outside = next((line for line in opened.lines if line.get("partition") != partition), None)
    if outside is not None:
        raise BundleError("E_SCOPE", f"record {outside.get('id')} is of {outside.get('partition')}, not {partition}")
    manifest = opened.manifest
    seq_after, seq_to = manifest.get("seq_after") or 0, manifest.get("seq_to")
    if not _is_counter(seq_after) or not _is_counter(seq_to) or seq_to < seq_after:
        raise BundleError("E_FORMAT", "the manifest's counter range is not a range")
    seen: set[int] = set()
    for line in opened.lines:
        try:
            check_line(line, known_code)
        except MergeError as error:
            raise BundleError("E_FORMAT", str(error)) from error
        seq = line.get("seq")
        if not _is_counter(seq):
            raise BundleError("E_FORMAT", "a change without its counter")
        # The bundle holds exactly the changes of its range, each once (D2, T33): a line outside it, or a
        # counter twice, refuses the whole bundle before anything is stored.
        if not seq_after < seq <= seq_to:
            raise BundleError("E_FORMAT", f"counter {seq} is outside the bundle's range {seq_after}–{seq_to}")
        if seq in seen:
            raise BundleError("E_FORMAT", f"two changes carry counter {seq}")
        seen.add(seq)


def _is_counter(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def line_hash(line: dict[str, Any]) -> str:
    """The identity of one change's content: SHA-256 of its canonical JSON (as a payload line is written)."""
    return hashlib.sha256(canonical(line)).hexdigest()


def _hashes(opened: OpenedBundle) -> dict[int, str]:
    """Each change's identity by its counter, from the payload lines as they were written."""
    return {line["seq"]: digest for line, digest in zip(opened.lines, opened.line_hashes, strict=True)}


def verify_files(ctx: AppContext, paths: list[Path], opener: Opener | None = None) -> list[ImportOutcome]:
    """Check bundles without importing: every layer, the signer, the scope, and replays against the ledger.
    `opener` as for import_files (the hub passes its own)."""
    outcomes = []
    for path in paths:
        try:
            opened = (opener or open_file)(ctx, path)
            with ctx.db.reader() as session:
                _replays(session, opened)
            outcomes.append(ImportOutcome(str(path), True, changes=len(opened.lines)))
        except BundleError as error:
            outcomes.append(ImportOutcome(str(path), False, error.code, error.detail, "refused"))
        except Exception as error:  # a defect: logged without values, the next file still checked
            outcomes.append(_internal(ctx, path, error))
    return outcomes


def _replays(session: Session, opened: OpenedBundle) -> list[dict[str, Any]]:
    """The lines not received before; raises E_REPLAY if a counter was received with other content."""
    manifest = opened.manifest
    if manifest.get("kind") != "changes":
        return opened.lines
    origin, epoch = manifest["sender"]["device"], int(manifest.get("epoch", 1))
    seen = store.received(session, origin, epoch, [line["seq"] for line in opened.lines])
    hashes = _hashes(opened)
    fresh = []
    for line in opened.lines:
        known = seen.get(line["seq"])
        if known is None:
            fresh.append(line)
        elif known[0] != hashes[line["seq"]]:
            raise BundleError("E_REPLAY", f"counter {line['seq']} of device {origin} was received with other "
                                          "content (a replayed or forked bundle)")
    return fresh


Opener = Callable[[AppContext, Path], OpenedBundle]


def import_files(ctx: AppContext, paths: list[Path], opener: Opener | None = None) -> list[ImportOutcome]:
    """Import bundles one by one, each in its own transaction; one refused file does not stop the others."""
    from desktop.core.services.access import require
    from desktop.core.services.audit import record

    require(ctx, "bundle")
    outcomes = [import_file(ctx, path, opener) for path in paths]
    record(ctx, "bundle_import", "", files=len(outcomes), refused=sum(not o.ok for o in outcomes))
    return outcomes


def import_file(ctx: AppContext, path: Path, opener: Opener | None = None) -> ImportOutcome:
    """Check and apply one bundle file. `opener` checks it (a laptop's open_file by default; the hub has its
    own, which trusts enrolled devices). An unexpected error is a defect of this program: its transaction is
    rolled back, it is logged without values (desktop/core/fault_log.py) and reported as E_INTERNAL, and the
    next file is still imported."""
    try:
        return _import_file(ctx, path, opener)
    except Exception as error:  # the one place a defect is turned into a refusal
        return _internal(ctx, path, error)


def _internal(ctx: AppContext, path: Path, error: Exception) -> ImportOutcome:
    incident = record_fault(error, ctx.profile.logs_dir, f"import {path.name}")
    # detail: the incident id, then the log's path (what the officer sends to support)
    return ImportOutcome(str(path), False, "E_INTERNAL", f"{incident} {log_path(ctx.profile.logs_dir)}", "refused")


def _import_file(ctx: AppContext, path: Path, opener: Opener | None) -> ImportOutcome:
    outcome = ImportOutcome(str(path), True)
    known_code: CodeCheck = code_check(ctx)  # read now: no reader may open inside the write below (SQLite)
    try:
        opened = (opener or open_file)(ctx, path)
    except BundleError as error:
        if error.opened is not None and keeps_history(ctx):
            return _quarantine(ctx, path, error.opened, error, outcome)
        if keeps_history(ctx):
            _note_refusal(ctx, path, error)
        return ImportOutcome(str(path), False, error.code, error.detail, "refused")
    manifest = opened.manifest
    outcome.changes = len(opened.lines)
    outcome.device = str(manifest.get("sender", {}).get("device", ""))
    if manifest.get("kind") == "hub":
        known_code = with_bundle_codes(known_code, opened.lines)
    try:
        with ctx.db.session() as session:
            if _already(session, opened):
                outcome.state, outcome.duplicates = "duplicate", len(opened.lines)
                return outcome
            if manifest.get("kind") == "hub":
                _apply_hub(ctx, session, opened, outcome, known_code)
            elif manifest["sender"]["device"] == ctx.device_id:
                outcome.state, outcome.duplicates = "duplicate", len(opened.lines)  # this laptop's own changes
                return outcome
            else:
                _apply_changes(ctx, session, opened, outcome)
                # After the counters' checks (a replay or a fork says more), in the same transaction: a broken
                # audit chain refuses the whole bundle, its changes too.
                _receive_audit(ctx, session, opened)
            store.ledger_add(session, _ledger_row(opened, path, outcome, session))
    except BundleError as error:
        return _quarantine(ctx, path, opened, error, outcome)
    return outcome


def _receive_audit(ctx: AppContext, session: Session, opened: OpenedBundle) -> None:
    """At a hub: the sender's audit entries must continue the chain its earlier bundles brought (E_AUDIT
    otherwise: an entry edited, removed or put back in another form on the laptop); then they are kept.
    Laptops do not keep each other's entries."""
    from desktop.core.repositories import audit

    if not opened.audit or not keeps_history(ctx):
        return
    sender, epoch = opened.manifest["sender"]["device"], int(opened.manifest.get("epoch", 1))
    problem = audit.received_problem(session, sender, epoch, opened.audit)
    if problem:
        raise BundleError("E_AUDIT", problem)
    audit.store_received(session, sender, epoch, opened.audit)


QUARANTINE_DIR = "quarantine"
FORK_CODES = ("E_FORK", "E_REPLAY")


def _quarantine(ctx: AppContext, path: Path, opened: OpenedBundle, error: BundleError,
                outcome: ImportOutcome) -> ImportOutcome:
    """An authentic bundle refused for what it holds or who sent it: noted in the ledger with its sender and
    range (the Communes page shows it as an alert) and, at a hub, a copy kept for the person who reviews it.
    Nothing else changed: the transaction that tried it was rolled back."""
    outcome.changes = len(opened.lines)
    manifest = opened.manifest
    with ctx.db.session() as session:
        row = _ledger_row(opened, path, outcome, session)
        store.ledger_add(session, {**row, "state": "quarantined", "error": error.code})
        if error.code in FORK_CODES and keeps_history(ctx) and manifest.get("kind") == "changes":
            # The laptop is told in its next hub bundle (sync.hub.outbox), and starts a new epoch.
            store.set_state(session, f"fork:{manifest['sender']['device']}", {
                "epoch": int(manifest.get("epoch", 1)), "at": now_iso(), "file": path.name, "error": error.code})
    if keeps_history(ctx):
        folder = ctx.profile.root / QUARANTINE_DIR
        try:
            folder.mkdir(exist_ok=True)
            copy = folder / f"{opened.file_hash[:16]}-{path.name}"
            if not copy.exists():
                copy.write_bytes(path.read_bytes())
        except OSError:
            pass  # the ledger row is what counts; a full disk must not hide the refusal
    return ImportOutcome(str(path), False, error.code, error.detail, "quarantined", len(opened.lines))


def _note_refusal(ctx: AppContext, path: Path, error: BundleError) -> None:
    """At the hub, a file refused before it could be opened is still listed (by its hash) with its reason, so
    the province sees what a commune sent and why it was not taken."""
    try:
        file_hash = hashlib.sha256(path.read_bytes()).hexdigest() if path.stat().st_size <= MAX_FILE else ""
    except OSError:
        file_hash = ""
    with ctx.db.session() as session:
        store.ledger_add(session, {"bundle_id": (file_hash or path.name)[:36], "file_hash": file_hash,
                                   "direction": "in", "kind": "", "origin_device": "", "epoch": 0,
                                   "seq_from": None, "seq_to": None, "state": "refused", "changes": 0,
                                   "error": error.code, "file_name": path.name})


def _already(session: Session, opened: OpenedBundle) -> bool:
    """This very file was taken before (its id and its bytes)."""
    row = store.ledger_find(session, opened.manifest["bundle_id"])
    return row is not None and row["state"] in ("applied", "waiting", "duplicate") and \
        row["file_hash"] == opened.file_hash


def _ledger_row(opened: OpenedBundle, path: Path, outcome: ImportOutcome, session: Session) -> dict[str, Any]:
    manifest = opened.manifest
    bundle_id = str(manifest["bundle_id"])[:36]
    known = store.ledger_find(session, bundle_id)
    if known is not None and known["file_hash"] != opened.file_hash and known["state"] not in ("refused",
                                                                                                "quarantined"):
        # Another file under an id already taken (a forger reusing it): noted under its own hash, so the row of
        # the bundle that was applied stays.
        bundle_id = opened.file_hash[:36]
    return {"bundle_id": bundle_id, "file_hash": opened.file_hash, "direction": "in",
            "kind": manifest.get("kind", ""), "origin_device": (manifest.get("sender") or {}).get("device", ""),
            "epoch": int(manifest.get("epoch", 1)), "seq_from": (manifest.get("seq_after") or 0) + 1,
            "seq_to": manifest.get("seq_to"), "state": outcome.state or "applied", "changes": outcome.changes,
            "applied": outcome.applied, "conflicts": outcome.conflicts, "file_name": path.name,
            "prev_hash": str(manifest.get("prev_hash") or "")[:64]}


def _apply_changes(ctx: AppContext, session: Session, opened: OpenedBundle, outcome: ImportOutcome) -> None:
    manifest = opened.manifest
    origin, epoch = manifest["sender"]["device"], int(manifest.get("epoch", 1))
    if keeps_history(ctx) and isinstance(manifest.get("applied"), dict):
        # What the sender has applied of other laptops: the hub relays it the rest.
        known = store.get_state(session, f"applied_by:{origin}", {})
        merged = {k: max(int(v), int(known.get(k, 0))) for k, v in manifest["applied"].items()}
        store.set_state(session, f"applied_by:{origin}", {**known, **merged})
    _check_chain(session, opened)
    fresh = sorted(_replays(session, opened), key=lambda line: line["seq"])
    breach = scope_breach(session, fresh)
    if breach is not None:
        raise BundleError("E_SCOPE", breach[1])
    outcome.duplicates = len(opened.lines) - len(fresh)
    hwm = store.get_state(session, f"hwm:{origin}:{epoch}", 0)
    stats = MergeStats()
    applied = 0
    seq_after = int(manifest.get("seq_after") or 0)
    previous = {line["seq"]: prev for line, prev in zip(
        fresh, [seq_after] + [line["seq"] for line in fresh[:-1]], strict=False)}
    if fresh and seq_after <= hwm and not store.has_pending(session, origin, epoch):
        # The usual case: the next bundle of this device, in order (a bundle holds its whole range, holes in
        # the counters included). Apply straight from memory.
        applied = merge_run(session, fresh, origin, stats)
        if applied:
            store.set_state(session, f"hwm:{origin}:{epoch}", fresh[applied - 1]["seq"])
    hashes = _hashes(opened)
    keep = keeps_history(ctx)
    texts = {line["seq"]: text for line, text in zip(opened.lines, opened.texts, strict=False)}
    store.add_received(session, [
        {"origin_device": origin, "epoch": epoch, "seq": line["seq"], "prev_seq": previous[line["seq"]],
         "line_hash": hashes[line["seq"]],
         "bundle_id": manifest["bundle_id"], "state": "applied" if n < applied else "pending",
         "line": None if n < applied and not keep else texts.get(line["seq"]) or json.dumps(line, ensure_ascii=False)}
        for n, line in enumerate(fresh)])
    stats = drain(ctx, session, stats)
    outcome.applied, outcome.superseded, outcome.conflicts = stats.applied, stats.superseded, stats.conflicts
    outcome.touched = stats.touched
    if keeps_history(ctx):  # a hub: the communes written have a new digest (computed when next read)
        forget_digests(session, stats.partitions)
    hwm = store.get_state(session, f"hwm:{origin}:{epoch}", 0)
    outcome.waiting = sum(1 for line in fresh if line["seq"] > hwm)
    if outcome.waiting:
        first = min(line["seq"] for line in fresh if line["seq"] > hwm)
        outcome.gap = [hwm + 1, previous[first]]
    outcome.state = "waiting" if outcome.waiting else ("duplicate" if not fresh else "applied")


def _check_chain(session: Session, opened: OpenedBundle) -> None:
    """A bundle names its device's previous bundle (prev_hash); raises E_FORK where that chain breaks: it
    names a bundle received here that ended at another counter than where this one starts, or names none
    while a bundle ending where it starts was received — its sender has no record of having written that
    one, as a laptop copied back from an older backup has not. A name this receiver never saw proves
    nothing (that bundle may simply be lost on the way), so it is let through; counters sent twice with
    other content are E_REPLAY (_replays)."""
    manifest = opened.manifest
    seq_after, named = int(manifest.get("seq_after") or 0), str(manifest.get("prev_hash") or "")
    if seq_after == 0:
        return
    chain = store.chain_of(session, "in", manifest["sender"]["device"], int(manifest.get("epoch", 1)))
    if named in chain and chain[named] != seq_after:
        raise BundleError("E_FORK", f"it starts after counter {seq_after} but names a bundle that ended at "
                                    f"{chain[named]}")
    if not named and seq_after in chain.values():
        raise BundleError("E_FORK", f"it starts after counter {seq_after} and names no previous bundle, though "
                                    "one ending there was received")


def keeps_history(ctx: AppContext) -> bool:
    """A hub keeps every change it received (to relay to the commune's other laptops, and as history);
    a laptop keeps only those still waiting."""
    return ctx.role == HUB


def drain(ctx: AppContext, session: Session, stats: MergeStats | None = None) -> MergeStats:
    """Apply every waiting change that can be: per origin device in counter order, each once its record and
    the records it points to are there. Repeats until nothing moves, then fixes derived columns."""
    stats = stats or MergeStats()
    waiting: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for row in store.pending_lines(session):
        waiting.setdefault((row["origin_device"], row["epoch"]), []).append(row)
    moved = True
    while moved:
        moved = False
        for (origin, epoch), rows in waiting.items():
            rows.sort(key=lambda r: r["seq"])
            hwm = store.get_state(session, f"hwm:{origin}:{epoch}", 0)
            run: list[dict[str, Any]] = []
            for row in rows:
                if row["prev_seq"] > (run[-1]["seq"] if run else hwm):
                    break  # a gap: the changes before this one have not arrived
                run.append(json.loads(row["line"]))
            breach = scope_breach(session, run) if run else None
            if breach is not None:
                # The record it edits arrived meanwhile under another commune: this device's stream stops
                # there (its later changes wait), and the hub shows why; nothing of another commune is written.
                run = run[:breach[0]]
                store.set_state(session, f"blocked:{origin}:{epoch}", breach[1])
            count = merge_run(session, run, origin, stats) if run else 0
            if count:
                moved = True
                hwm = run[count - 1]["seq"]
                store.mark_applied(session, origin, epoch, run[0]["seq"], hwm, keep_lines=keeps_history(ctx))
                store.set_state(session, f"hwm:{origin}:{epoch}", hwm)
                waiting[(origin, epoch)] = [r for r in rows if r["seq"] > hwm]
    recompute_derived(session, stats, contacts=not keeps_history(ctx))
    if stats.newest_version:
        ctx.clock.observe(stats.newest_version)  # later edits here order after what arrived
        save_last_version(session, ctx.device_id, ctx.clock.now())
    return stats


def _apply_hub(ctx: AppContext, session: Session, opened: OpenedBundle, outcome: ImportOutcome,
               known_code: CodeCheck) -> None:
    """Receipts, certificates, revocations and reference data from the hub; changes (transferred cases)."""
    trust = TrustStore(ctx.profile.root)
    manifest = opened.manifest
    expires = manifest.get("expires")
    if expires and str(expires) < now_iso():
        raise BundleError("E_EXPIRED", f"the hub bundle expired {expires}; ask the province for a fresh one")
    version = int(manifest.get("version", 0))
    if version and version <= store.get_state(session, "hub_version", 0):
        outcome.state = "duplicate"
        return
    relayed: list[dict[str, Any]] = []
    snapshot = _checked_snapshot(ctx, opened.lines)
    # The trust store's files change only once everything else in the bundle has gone through.
    trusting: list[Callable[[], Any]] = []
    hub = trust.hub() or {}
    if manifest.get("root_chain"):  # the signature already proved the chain; from now on only its end is trusted
        key, root_version = follow_chain(hub["id"], hub["sign_key"], int(hub.get("root_version", 1)),
                                         manifest["root_chain"])
        trusting.append(lambda: trust.follow_hub_root(key, root_version))
    for line in opened.lines:
        kind = line.get("type")
        if kind == "receipt" and line.get("device") == ctx.device_id:
            if int(line.get("epoch", 1)) == store.get_state(session, "epoch", 1):
                acked = max(store.get_state(session, "acked_seq", 0), int(line["through"]))
                store.set_state(session, "acked_seq", acked)
                from sync.receipt_codes import receipt_code

                # The code the district reads from its screen after importing this laptop's bundle.
                store.set_state(session, "receipt_code", {
                    "code": receipt_code(ctx.device_id, int(line.get("epoch", 1)), int(line["through"])),
                    "through": int(line["through"])})
                fork = store.get_state(session, "fork_notice")
                if fork and acked and fork.get("new_epoch") == int(line.get("epoch", 1)):
                    store.set_state(session, "fork_notice", None)  # the new series has reached the province
        elif kind == "certificate" and line.get("device") == ctx.device_id:
            certificate = {k: v for k, v in line.items() if k != "type"}
            trusting.append(partial(trust.set_certificate, certificate))
        elif kind == "fork" and line.get("device") == ctx.device_id:
            _restart_epoch(session, line)
        elif kind == "revocation":
            revoked = {str(line["device"]): str(line["at"])}
            trusting.append(partial(trust.add_revocations, revoked))
        elif kind == "reference" and snapshot is not False:
            _apply_reference(session, line)
            forget_codebook(ctx)  # the next file's codes are checked against these lists
        elif kind == "change":  # a case transferred from another commune, or a change relayed by the hub
            relayed.append(line)
            continue
        outcome.applied += 1
    if relayed:
        _receive_relayed(session, manifest["bundle_id"], relayed, known_code)
        stats = drain(ctx, session)
        outcome.applied += stats.applied
        outcome.conflicts += stats.conflicts
        outcome.touched = stats.touched
        if keeps_history(ctx):
            forget_digests(session, stats.partitions)
    if version:
        store.set_state(session, "hub_version", version)
    _note_hub_freshness(session, manifest, lines=opened.lines)
    for step in trusting:
        step()
    if isinstance(snapshot, tuple):
        install_snapshot(ctx.profile.root, snapshot[0], snapshot[1])  # last: every check above has passed
    outcome.state = "applied"


def _note_hub_freshness(session: Session, manifest: dict[str, Any], lines: list[dict[str, Any]]) -> None:
    """When the newest hub bundle applied here was made (the hub signs that time: a withheld bundle that
    arrives late does not make the province look fresh), and the hub's threshold for a warning."""
    made = str(manifest.get("created_at") or "")
    if made > str(store.get_state(session, "hub_bundle_made_at", "")):
        store.set_state(session, "hub_bundle_made_at", made)
    for line in lines:
        days = line.get("freeze_days") if line.get("type") == "snapshot" else None
        if isinstance(days, int) and not isinstance(days, bool) and 1 <= days <= 3650:
            store.set_state(session, "freeze_days", days)


def _restart_epoch(session: Session, line: dict[str, Any]) -> None:
    """The hub quarantined a bundle of this laptop as a fork of its current epoch (it was copied back from an
    older backup by hand, so it reused counters): start a new epoch, as `ctxh restore` does, so that its whole
    outbox goes again under new counters — the same content merges to nothing, what is new is applied — and
    keep the notice for the Đồng bộ page and `ctxh status`. A notice of an older epoch is already dealt with."""
    try:
        epoch = int(line["epoch"])
    except (KeyError, TypeError, ValueError) as error:
        raise BundleError("E_FORMAT", "a fork notice names its epoch") from error
    current = store.get_state(session, "epoch", 1)
    if epoch != current:
        return
    new_epoch = store.start_new_epoch(session, current)
    store.set_state(session, "fork_notice", {"epoch": epoch, "new_epoch": new_epoch, "at": str(line.get("at", "")),
                                             "error": str(line.get("error", "E_FORK"))})


def _checked_snapshot(ctx: AppContext, lines: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]] | bool:
    """The hub bundle's snapshot and its files if it is newer than the one installed; False if it is not
    (its reference sets are then not applied either: they go with its forms); True if the bundle has none.
    A file that does not match the snapshot's hash refuses the whole bundle (E_SNAPSHOT): no form of one
    release is used with a code list of another."""
    found = [line for line in lines if line.get("type") == "snapshot"]
    files = {f"{REFERENCE_PREFIX}{line.get('kind')}.json": line.get("data") for line in lines
             if line.get("type") == "reference"}
    files.update({str(line.get("path")): line.get("data") for line in lines if line.get("type") == "file"})
    if not found:
        if any(line.get("type") == "file" for line in lines):
            raise BundleError("E_SNAPSHOT", "form files without the snapshot that lists their hashes")
        return True
    if len(found) > 1:
        raise BundleError("E_SNAPSHOT", "a hub bundle holds one snapshot")
    snapshot = {k: v for k, v in found[0].items() if k != "type"}
    try:
        check_snapshot(snapshot, files)
    except SnapshotError as error:
        raise BundleError("E_SNAPSHOT", str(error)) from error
    if snapshot["serial"] <= installed_serial(ctx.profile.root):
        return False
    return snapshot, files


def _apply_reference(session: Session, line: dict[str, Any]) -> None:
    from desktop.core.reference_data import load_reference_set

    try:
        load_reference_set(session, line["kind"], line["data"])
    except (KeyError, TypeError, ValueError) as error:
        raise BundleError("E_FORMAT", f"reference data: {error}") from error


def _receive_relayed(session: Session, bundle_id: str, lines: list[dict[str, Any]],
                     known_code: CodeCheck | None = None) -> None:
    """Changes the hub relays keep their origin device and counter, so they merge like any other."""
    rows = []
    for line in lines:
        change = {k: v for k, v in line.items() if k not in ("type", "device", "epoch", "prev")}
        try:
            check_line(change, known_code)
            origin, epoch, seq = str(line["device"]), int(line.get("epoch", 1)), int(change["seq"])
        except (MergeError, KeyError, TypeError, ValueError) as error:
            raise BundleError("E_FORMAT", f"a relayed change: {error}") from error
        known = store.received(session, origin, epoch, [seq]).get(seq)
        if known is None:
            rows.append({"origin_device": origin, "epoch": epoch, "seq": seq,
                         "prev_seq": int(line.get("prev", seq - 1)), "line_hash": line_hash(change),
                         "bundle_id": bundle_id, "state": "pending", "line": json.dumps(change, ensure_ascii=False)})
        elif known[0] != line_hash(change):
            raise BundleError("E_REPLAY", f"counter {seq} of device {origin} was received with other content")
    breach = scope_breach(session, [json.loads(str(row["line"])) for row in rows])
    if breach is not None:
        raise BundleError("E_SCOPE", breach[1])
    store.add_received(session, rows)
