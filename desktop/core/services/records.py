"""The create / edit / delete / restore pattern shared by every kind of synced record."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from desktop.core.context import AppContext
from desktop.core.errors import NotFoundError
from desktop.core.models import Synced
from desktop.core.reference_data import CodeBook, read_codebook
from desktop.core.repositories import records as repo
from desktop.core.services.changes import Changed, ChangeWriter, Writing
from desktop.core.validation import Rules, clean_values

Derive = Callable[[Mapping[str, Any]], dict[str, Any]]


def codebook(ctx: AppContext) -> CodeBook:
    """The code lists of this profile, read once and kept on the context."""
    book = getattr(ctx, "_codebook", None)
    if book is None:
        with ctx.db.reader() as session:
            book = read_codebook(session)
        ctx._codebook = book  # type: ignore[attr-defined]
    return book


def forget_codebook(ctx: AppContext) -> None:
    """Drop the code lists kept on the context (new reference data was loaded): the next read is fresh."""
    if hasattr(ctx, "_codebook"):
        del ctx._codebook


def validate(ctx: AppContext, rules: Rules, values: Mapping[str, Any], partial: bool = False) -> dict[str, Any]:
    """Clean `values` against `rules` with this profile's code lists."""
    return clean_values(rules, values, codebook(ctx).known, partial=partial)


def validate_together(
    ctx: AppContext, parts: list[tuple[Rules, Mapping[str, Any], bool]]
) -> list[dict[str, Any]]:
    """Validate several (rules, values, partial) parts and report every problem of all of them at once."""
    from desktop.core.errors import ValidationError

    cleaned: list[dict[str, Any]] = []
    problems: list[tuple[str, str, dict[str, Any]]] = []
    for rules, values, partial in parts:
        try:
            cleaned.append(validate(ctx, rules, values, partial))
        except ValidationError as error:
            problems.extend(error.problems)
            cleaned.append({})
    if problems:
        raise ValidationError(problems)
    return cleaned


def create_in(writer: ChangeWriter, model: type[Synced], cleaned: Mapping[str, Any], derive: Derive | None) -> str:
    """Create one record from cleaned values inside an open write."""
    row = dict(cleaned)
    if derive is not None:
        row.update(derive(row))
    return writer.create(model, row)


def update_in(
    writer: ChangeWriter, model: type[Synced], record_id: str, cleaned: Mapping[str, Any], derive: Derive | None,
) -> set[str]:
    """Edit one record inside an open write, recomputing its derived columns from the result."""
    current = repo.get_row(writer.session, model, record_id)
    if current is None or current["deleted"]:
        raise NotFoundError(model.__entity__, record_id)
    merged = {**current, **cleaned}
    return writer.update(model, record_id, cleaned, derive(merged) if derive else None)


def create_record(
    ctx: AppContext, model: type[Synced], rules: Rules, values: Mapping[str, Any], derive: Derive | None = None,
) -> tuple[str, Changed]:
    """Validate and create one record; returns its id and what changed."""
    cleaned = validate(ctx, rules, values)
    with Writing(ctx) as writer:
        record_id = create_in(writer, model, cleaned, derive)
    return record_id, writer.changed


def update_record(
    ctx: AppContext, model: type[Synced], record_id: str, rules: Rules, values: Mapping[str, Any],
    derive: Derive | None = None,
) -> Changed:
    """Validate and apply an edit of the given fields only."""
    cleaned = validate(ctx, rules, values, partial=True)
    with Writing(ctx) as writer:
        update_in(writer, model, record_id, cleaned, derive)
    return writer.changed


def set_deleted(ctx: AppContext, model: type[Synced], record_id: str, deleted: bool) -> Changed:
    """Tombstone a record, or restore a tombstoned one (the undo of a delete)."""
    with Writing(ctx) as writer:
        if repo.get_row(writer.session, model, record_id) is None:
            raise NotFoundError(model.__entity__, record_id)
        writer.set_deleted(model, record_id, deleted)
    return writer.changed


def get_record(ctx: AppContext, model: type[Synced], record_id: str) -> dict[str, Any]:
    """One live record's columns; NotFoundError if missing or deleted."""
    with ctx.db.reader() as session:
        row = repo.get_row(session, model, record_id)
    if row is None or row["deleted"]:
        raise NotFoundError(model.__entity__, record_id)
    return row
