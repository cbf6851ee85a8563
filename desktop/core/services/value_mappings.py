"""What the officer answered in an import's mapping step, remembered for the profile: the next list that
writes "Đối tượng NKT nặng (cũ)" the same way needs no question."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.core.context import AppContext
from desktop.core.models.base import utcnow
from desktop.core.repositories import value_mappings as repo
from desktop.core.services.access import require
from desktop.core.services.changes import Changed
from desktop.core.text import fold


def remembered(ctx: AppContext) -> dict[tuple[str, str], str | None]:
    """(list, folded value) -> code, or None for "keep as written"."""
    with ctx.db.reader() as session:
        return repo.all_mappings(session)


def list_remembered(ctx: AppContext) -> list[dict[str, Any]]:
    """The remembered answers, for Cài đặt to show: list, value as written, code (None: kept as written), who
    and when."""
    with ctx.db.reader() as session:
        return repo.list_mappings(session)


def forget(ctx: AppContext, list_name: str, folded: str) -> bool:
    """Forget one remembered answer (a wrong one would otherwise apply to every list to come); records placed
    with it keep their code. True if there was one."""
    from desktop.core.services.access import require_manager

    require_manager(ctx)
    with ctx.db.session() as session:
        return repo.forget_mapping(session, list_name, folded)


def remember(ctx: AppContext, choices: Mapping[tuple[str, str], str | None], written: Mapping[str, str]) -> None:
    """Keep the mapping step's answers: (list, written value) -> code or None; `written` gives each value as
    the file wrote it (by its folded form), for Cài đặt to show."""
    require(ctx, "write")
    if not choices:
        return
    with ctx.db.session() as session:
        repo.save_mappings(session, {(name, fold(value)): (code, written.get(fold(value), value))
                                     for (name, value), code in choices.items()},
                           ctx.actor.username, utcnow())


def _coded_fields() -> dict[type, dict[str, tuple[str, bool]]]:
    """model -> field -> (code list, several codes?) for the fields an import may keep as written."""
    from desktop.core.models import Beneficiary, Worker
    from desktop.core.services.case_import import CASE_LIST
    from desktop.core.services.roster_import import CODE_FIELDS

    coded = {**CASE_LIST.code_fields, **CASE_LIST.multi_code_fields}
    beneficiary = {f: (name, f in CASE_LIST.multi_code_fields) for f, name in coded.items()
                   if f in Beneficiary.__synced_fields__}
    return {Worker: {f: (name, False) for f, name in CODE_FIELDS.items()}, Beneficiary: beneficiary}


def place_written(ctx: AppContext, list_name: str, written: str, code: str | None) -> tuple[int, Changed]:
    """Answer a value kept as written, for every record that holds it: `code` goes into the field (added to a
    multi-code field), or None keeps the text as written in the notes; the value leaves `as_written`, and the
    answer is remembered for the next list. Returns how many records changed."""
    return place_all(ctx, [(list_name, written, code)])


def place_all(ctx: AppContext, answers: list[tuple[str, str, str | None]]) -> tuple[int, Changed]:
    """place_written for several (list, value as written, code or None) answers, in one transaction."""
    from desktop.core.errors import CtxhError
    from desktop.core.services.access import require_manager
    from desktop.core.services.changes import Writing
    from desktop.core.services.records import codebook

    require_manager(ctx)
    book = codebook(ctx)
    for list_name, _written, code in answers:
        if code is not None and not book.known(list_name, code):
            raise CtxhError("E_CODE", field=list_name, value=code)
    count = 0
    with Writing(ctx) as writer:
        for list_name, written, code in answers:
            count += _place_in(writer, list_name, written, code)
            repo.save_mappings(writer.session, {(list_name, fold(written)): (code, written)}, ctx.actor.username,
                               utcnow())
    return count, writer.changed


def _place_in(writer: Any, list_name: str, written: str, code: str | None) -> int:
    import json

    from desktop.core.derived import person_keys
    from desktop.core.models import Beneficiary
    from desktop.core.services.cases import _update_beneficiary_in
    from desktop.core.services.records import update_in

    folded = fold(written)
    count = 0
    for model, fields in _coded_fields().items():
        targets = {f: multi for f, (name, multi) in fields.items() if name == list_name}
        if not targets:
            continue
        for row in repo.records_holding(writer.session, model, [*targets, "notes"]):
            pending = json.loads(row["as_written"] or "{}")
            changes: dict[str, Any] = {}
            kept: list[str] = []
            touched = False
            for field, multi in targets.items():
                parts = [p.strip() for p in str(pending.get(field, "")).split(";") if p.strip()]
                rest = [p for p in parts if fold(p) != folded]
                if len(rest) == len(parts):
                    continue
                touched = True
                if code is None:
                    kept.append(written)
                elif multi:
                    changes[field] = " ".join(dict.fromkeys([*(row[field] or "").split(), code]))
                else:
                    changes[field] = code
                if rest:
                    pending[field] = "; ".join(rest)
                else:
                    pending.pop(field, None)
            if not touched:
                continue
            changes["as_written"] = json.dumps(pending, ensure_ascii=False) if pending else None
            if kept:
                changes["notes"] = "; ".join(filter(None, [row["notes"], *kept]))
            if model is Beneficiary:
                _update_beneficiary_in(writer, row["id"], changes)
            else:
                update_in(writer, model, row["id"], changes, person_keys)
            count += 1
    return count


def pending_values(ctx: AppContext, kind: str, record_id: str) -> list[dict[str, Any]]:
    """The values one person holds as written, each with its code list and the closest codes."""
    import json

    from desktop.core.domain.value_matching import build_vocabulary
    from desktop.core.models import Beneficiary, Worker
    from desktop.core.repositories import records as records_repo
    from desktop.core.services.records import codebook

    model = Worker if kind == "worker" else Beneficiary
    fields = _coded_fields()[model]
    with ctx.db.reader() as session:
        row = records_repo.get_row(session, model, record_id)
    if row is None or not row.get("as_written"):
        return []
    book = codebook(ctx)
    found = []
    for field, text in json.loads(row["as_written"]).items():
        if field not in fields:
            continue
        list_name = fields[field][0]
        vocabulary = build_vocabulary(book.items(list_name), book.phrases.get(list_name, {}))
        for part in (p.strip() for p in str(text).split(";") if p.strip()):
            match = vocabulary.match(part)
            found.append({"field": field, "list_name": list_name, "written": part,
                          "candidates": list(match.candidates or match.codes)})
    return found
