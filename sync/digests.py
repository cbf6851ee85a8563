"""The content digest of each commune at the hub, kept for the Communes page instead of computed each time.

Computing a commune's digest reads every record of it (about 0.2 s for 600 cases), and the Communes page shows
them all. So the hub stores them (sync facts "digest:PP:CCCCC"): whatever changes a commune's records forgets
its digest in the same transaction (an imported bundle, a case opened there after a transfer), and the next
reader computes and stores the forgotten ones. A stored digest is never stale; an import stays as fast as it
was, and only the first status after it pays for the communes it changed.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from desktop.core.db import Database
from desktop.core.repositories import sync_store as store
from desktop.core.services.status import content_digest

PREFIX = "digest:"


def forget_digests(session: Session, partitions: Iterable[str]) -> None:
    """These communes changed: their stored digests no longer hold (in the caller's transaction)."""
    store.delete_states(session, [PREFIX + p for p in set(partitions)])


def current_digests(db: Database, partitions: list[str]) -> dict[str, str]:
    """The digest of each commune: the stored one, or computed and stored now where none is."""
    with db.reader() as session:
        held = store.states_with_prefix(session, PREFIX)
    missing = [p for p in partitions if p not in held]
    if missing:
        with db.session() as session:
            for partition in missing:
                held[partition] = content_digest(session, partition)
                store.set_state(session, PREFIX + partition, held[partition])
    return {p: held[p] for p in partitions}
