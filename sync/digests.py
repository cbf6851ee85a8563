"""The content digest of each commune at the hub, kept for the Communes page instead of computed each time.

Computing a commune's digest reads every record of it, and the Communes page shows them all. So the hub stores
them (sync facts "digest:PP:CCCCC"): whatever changes a commune's records forgets its digest in the same
transaction (an imported bundle, a case opened there after a transfer), and the import of a folder computes
the forgotten ones once at its end. A digest not stored — forgotten by a run that stopped before its end, or a
hub from a version that kept none — is computed when it is read, so a stored digest is never stale.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from desktop.core.repositories import sync_store as store
from desktop.core.services.status import content_digest

PREFIX = "digest:"


def forget_digests(session: Session, partitions: Iterable[str]) -> None:
    """These communes changed: their stored digests no longer hold (in the caller's transaction)."""
    store.delete_states(session, [PREFIX + p for p in set(partitions)])


def refresh_digests(session: Session) -> list[str]:
    """Compute and store the digest of every commune that has records but no stored digest; returns them."""
    held = store.states_with_prefix(session, PREFIX)
    missing = sorted(p for p in store.partitions_with_records(session) if p not in held)
    for partition in missing:
        store.set_state(session, PREFIX + partition, content_digest(session, partition))
    return missing


def stored_digests(session: Session, partitions: list[str]) -> dict[str, str]:
    """The digest of each commune: the stored one, or computed now where none is stored."""
    held = store.states_with_prefix(session, PREFIX)
    return {p: held[p] if p in held else content_digest(session, p) for p in partitions}
