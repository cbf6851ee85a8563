"""Beneficiaries and their cases: the list, intake, edits, services, saved filters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.context import AppContext
    from desktop.core.services.changes import Changed


def list_cases(ctx: AppContext, *, search: str = "", sort: str = "name", descending: bool = False,
               after: Any = None, limit: int = 100, filters: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """One page of the case list, searched and filtered."""
    from desktop.core.services import cases

    return cases.list_cases(ctx, search, sort, descending, after, limit, filters=filters)


def count_cases(ctx: AppContext, *, search: str = "", cap: int | None = None,
                filters: Mapping[str, Any] | None = None) -> int:
    """How many cases match."""
    from desktop.core.services import cases

    return cases.count_cases(ctx, search, cap=cap, filters=filters)


def get_case(ctx: AppContext, *, case_id: str) -> dict[str, Any]:
    """A case with its person and services."""
    from desktop.core.services import cases

    return cases.get_case(ctx, case_id)


def open_case(ctx: AppContext, *, person: Mapping[str, Any], case: Mapping[str, Any]) -> tuple[str, Changed]:
    """Intake: a person and their new case."""
    from desktop.core.services import cases

    return cases.open_case(ctx, person, case)


def likely_existing(ctx: AppContext, *, person: Mapping[str, Any]) -> list[dict[str, Any]]:
    """People already here who are likely the one being taken in (same CCCD, or name and birth date)."""
    from desktop.core.services import cases

    return cases.likely_existing(ctx, person)


def save_case(ctx: AppContext, *, case_id: str, person: Mapping[str, Any], case: Mapping[str, Any]) -> Changed:
    """Edit a case and its person."""
    from desktop.core.services import cases

    return cases.save_case(ctx, case_id, person, case)


def delete_case(ctx: AppContext, *, case_id: str) -> Changed:
    """Remove a case (undone by restore_case)."""
    from desktop.core.services import cases

    return cases.delete_case(ctx, case_id)


def restore_case(ctx: AppContext, *, case_id: str) -> Changed:
    """Undo a removal."""
    from desktop.core.services import cases

    return cases.restore_case(ctx, case_id)


def add_service(ctx: AppContext, *, values: Mapping[str, Any]) -> tuple[str, Changed]:
    """Record a service delivered."""
    from desktop.core.services import cases

    return cases.add_service(ctx, values)


def filter_choices(ctx: AppContext) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The workers a filter can name, and this user's saved filters."""
    from desktop.core.services import cases, roster

    return roster.list_workers(ctx, limit=2000), cases.saved_filters(ctx)


def save_filter(ctx: AppContext, *, name: str, filters: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Save (or, with no filters, delete) a named filter; returns them all."""
    from desktop.core.services import cases

    return cases.save_filter(ctx, name, filters)


def case_form_choices(ctx: AppContext) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """For the case form: the workers a case can be assigned to, and what a new case starts with (the same
    defaults the intake service applies)."""
    import datetime as dt

    from desktop.core.domain.case_rules import intake_defaults
    from desktop.core.services import roster

    return roster.list_workers(ctx, limit=2000), intake_defaults(dt.date.today())
