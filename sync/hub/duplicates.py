"""`ctxh hub duplicates`: the people two communes of the province both hold — the same CCCD, the same folded
name and birth date, and the probable matches of the record-linkage model (desktop/core/domain/
person_linkage.py) — with whether both communes pay her an allowance this month (the double payment first);
and the province's decision on each pair.

A decision is written as the hub's own records in both communes' partitions (a DuplicateNotice each, ids
derived from the pair), so `hub export` relays it to each commune's laptops like any other change and it
shows in their to-do lists; a pair decided "different" never comes back, one decided "same" names the
commune that keeps her and the other is asked to end its decision.

The search holds the province as compact columns (a million people in a few hundred megabytes) and keeps its
last result in the hub's state, so that a decision names a pair without the search being run again.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from desktop.core.context import AppContext
from desktop.core.domain import person_linkage as linkage
from desktop.core.errors import CtxhError
from desktop.core.models import DuplicateNotice
from desktop.core.progress import NULL_PROGRESS, ProgressSink
from desktop.core.repositories import allowances as allowance_repo
from desktop.core.repositories import hub as hub_repo
from desktop.core.repositories import sync_store as store
from desktop.core.services.changes import Writing
from desktop.core.text import fold
from sync.digests import forget_digests

NAMESPACE = uuid.UUID("0b5f3c2e-8d41-4a77-b1c9-5e2f6a9d3c70")
LAST_KEY = "duplicates:last"


def pair_key(a: str, b: str) -> str:
    """The key of a pair of records (the same whichever comes first, on every hub)."""
    first, second = sorted((a, b))
    return str(uuid.uuid5(NAMESPACE, f"{first}|{second}"))


def load_people(ctx: AppContext, progress: ProgressSink = NULL_PROGRESS) -> linkage.People:
    """The province's live people as the linkage's compact columns."""
    people = linkage.People()
    with ctx.db.reader() as session:
        people.add_rows(hub_repo.people_of_province(session, ctx.province_code), fold,
                        lambda count: progress.report(count, 0, "people"))
    return people


def find_duplicates(ctx: AppContext, progress: ProgressSink = NULL_PROGRESS,
                    month: dt.date | None = None) -> list[dict[str, Any]]:
    """Every undecided pair of two communes, the double payments first (both pay her an allowance in `month`,
    this month by default), then by kind (CCCD, name and birth date, probable) and score. Remembered as the
    last result."""
    from desktop.core.bulk import without_cyclic_gc
    from desktop.core.services.access import require

    require(ctx, "hub")
    month = (month or dt.date.today()).replace(day=1)
    with without_cyclic_gc():
        people = load_people(ctx, progress)
        progress.report(len(people.ids), len(people.ids), "people")
        threshold = linkage.threshold_for(len(people.ids))
        pairs = linkage.find_pairs(people, threshold)
        record_ids = {i: people.id_of(i) for pair in pairs for i in (pair.a, pair.b)}
        part_of = {i: people.part[i] for i in record_ids}
        partitions = list(people.partitions)
        del people  # (a million people's columns are not needed past here)
    from desktop.core.db import small_cache

    with ctx.db.reader() as session, small_cache(session):  # (the pairs' people are read once)
        texts = hub_repo.guardians_and_addresses(session, set(record_ids.values()))
        decided = hub_repo.duplicate_decisions(session)
        names = hub_repo.unit_names(session, sorted({p.split(":")[1] for p in partitions}))
    finals = []
    for pair in pairs:
        ta, tb = texts[record_ids[pair.a]], texts[record_ids[pair.b]]
        final = linkage.second_stage(pair, (fold(ta["guardian_name"]), fold(tb["guardian_name"])),
                                     (fold(ta["address"]), fold(tb["address"])), threshold)
        if final is not None and pair_key(record_ids[pair.a], record_ids[pair.b]) not in decided:
            finals.append(final)
    del texts, pairs
    finals = linkage.one_to_one(finals, part_of.__getitem__)
    shown = {record_ids[i] for final in finals for i in (final.a, final.b)}
    with ctx.db.reader() as session, small_cache(session):
        details = hub_repo.people_details(session, shown)
        paid = allowance_repo.paid_people_on(session, month) & shown
    out: list[dict[str, Any]] = []
    for final in finals:
        a, b = record_ids[final.a], record_ids[final.b]
        key = pair_key(a, b)
        da, db = details[a], details[b]
        records = [_record(d, names, d["id"] in paid) for d in (da, db)]
        out.append({"pair": key, "short": key[:8], "kind": final.kind, "score": round(final.score, 1),
                    "both_paid": all(r["paid_now"] for r in records),
                    "evidence": [{"code": code, "weight": round(w, 1), "label": linkage.EVIDENCE_LABELS[code][0]}
                                 for code, w in final.evidence], "records": records})
    out.sort(key=lambda p: (not p["both_paid"], linkage.KINDS.index(p["kind"]), -p["score"], p["pair"]))
    with ctx.db.session() as session:
        store.set_state(session, LAST_KEY, {"month": month.isoformat(), "pairs": [
            {"pair": p["pair"], "ids": [r["id"] for r in p["records"]],
             "partitions": [r["partition"] for r in p["records"]], "kind": p["kind"], "score": p["score"],
             "evidence": [e["code"] for e in p["evidence"]]} for p in out]})
    return out


def _record(row: dict[str, Any], names: dict[str, str], paid: bool) -> dict[str, Any]:
    birth = row["birth_date"]
    return {"id": row["id"], "partition": row["partition"], "commune": row["partition"].split(":")[1],
            "commune_name": names.get(row["partition"].split(":")[1], ""), "full_name": row["full_name"],
            "birth_date": birth if isinstance(birth, str) or birth is None else birth.isoformat(),
            "gender": row["gender"], "national_id": row["national_id"], "guardian_name": row["guardian_name"],
            "address": row["address"], "paid_now": paid}


def last_result(ctx: AppContext) -> dict[str, Any] | None:
    """The last search's pairs (ids, communes, kind, score), or None if none was run."""
    with ctx.db.reader() as session:
        result: dict[str, Any] | None = store.get_state(session, LAST_KEY)
    return result


def _resolve(ctx: AppContext, reference: str) -> dict[str, Any]:
    last = last_result(ctx)
    if last is None:
        raise CtxhError("E_DUPLICATE_PAIR", pair=reference)
    matches = [p for p in last["pairs"] if p["pair"] == reference or (len(reference) >= 6 and
                                                                        p["pair"].startswith(reference))]
    if len(matches) != 1:
        raise CtxhError("E_DUPLICATE_PAIR", pair=reference)
    return dict(matches[0])


def decide(ctx: AppContext, reference: str, decision: str, keeper: str | None = None,
           notes: str | None = None, on: dt.date | None = None) -> dict[str, Any]:
    """Decide a pair of the last search (its key, or the key's first 6+ characters): "same" (`keeper`, a commune
    code or partition, keeps her; the other is told to end its decision) or "different" (the pair never comes
    back). Writes a notice into each commune's partition; returns what was decided."""
    from desktop.core.services.access import require

    require(ctx, "hub")
    if decision not in ("same", "different"):
        raise CtxhError("E_ARGS", detail="same|different")
    pair = _resolve(ctx, reference)
    partitions: list[str] = pair["partitions"]
    keep = None
    if decision == "same":
        wanted = keeper if keeper is None or ":" in keeper else f"{ctx.province_code}:{keeper}"
        if wanted not in partitions:
            raise CtxhError("E_DUPLICATE_KEEPER", pair=pair["pair"][:8], communes=", ".join(
                p.split(":")[1] for p in partitions))
        keep = wanted
    day = on or dt.date.today()
    evidence = "; ".join(linkage.EVIDENCE_LABELS[c][0] for c in pair.get("evidence", []))
    with Writing(ctx) as writer:
        for index, partition in enumerate(partitions):
            notice_id = str(uuid.uuid5(NAMESPACE, f"{pair['pair']}/{partition}"))
            values = {"pair_key": pair["pair"], "person_id": pair["ids"][index],
                      "other_partition": partitions[1 - index], "decision": decision.upper(), "keeper": keep,
                      "decided_on": day, "evidence": evidence[:2000], "notes": notes}
            from desktop.core.repositories.records import get_row

            if get_row(writer.session, DuplicateNotice, notice_id) is None:
                writer.create_many(DuplicateNotice, [{**values, "id": notice_id, "partition": partition}])
            else:
                writer.update(DuplicateNotice, notice_id, {**values, "handled_on": None})
        forget_digests(writer.session, partitions)
    return {"pair": pair["pair"], "decision": decision, "keeper": keep, "communes": partitions}


def decisions(ctx: AppContext) -> list[dict[str, Any]]:
    """The decisions taken, newest first, with which communes have marked theirs handled."""
    with ctx.db.reader() as session:
        decided = hub_repo.duplicate_decisions(session)
    rows = [{"pair": key, **value} for key, value in decided.items()]
    return sorted(rows, key=lambda r: (r["decided_on"], r["pair"]), reverse=True)
