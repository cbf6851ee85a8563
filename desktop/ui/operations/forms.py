"""A case's forms and its consent register."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.context import AppContext
    from desktop.core.services.changes import Changed


def save_form(ctx: AppContext, *, case_id: str, form_code: str, answers: Mapping[str, Any],
              answer_id: str | None) -> tuple[str, Changed]:
    """Fill in (or correct) a form of a case."""
    from desktop.core.services import case_forms

    return case_forms.save_form(ctx, case_id, form_code, answers, answer_id)


def form_prefill(ctx: AppContext, *, case_id: str, form_code: str) -> dict[str, Any]:
    """What a new form of the case starts with, from what the app knows."""
    from desktop.core.services import case_forms

    return case_forms.form_prefill(ctx, case_id, form_code)


def get_form_answer(ctx: AppContext, *, answer_id: str) -> dict[str, Any]:
    """A filled form, read under the definition in force."""
    from desktop.core.services import case_forms

    return case_forms.get_form_answer(ctx, answer_id)


def printable_form(ctx: AppContext, *, answer_id: str, language: str) -> str:
    """A filled form as HTML laid out for signing, with its check code signed by this laptop."""
    from sync.print_seals import sealed_form_html

    return sealed_form_html(ctx, answer_id, language)


def printable_answer(ctx: AppContext, *, answer_id: str, language: str) -> tuple[dict[str, Any], str]:
    """A filled form and its printable HTML (for saving it as PDF), with its check code."""
    from desktop.core.services import case_forms
    from sync.print_seals import sealed_form_html

    return case_forms.get_form_answer(ctx, answer_id), sealed_form_html(ctx, answer_id, language)


def set_legal_basis(ctx: AppContext, *, case_id: str, basis: str) -> Changed:
    """Record the legal basis of a case."""
    from desktop.core.services import consent

    return consent.set_legal_basis(ctx, case_id, basis)


def add_consent(ctx: AppContext, *, case_id: str, values: Mapping[str, Any]) -> tuple[str, Changed]:
    """Record a consent given."""
    from desktop.core.services import consent

    return consent.add_consent(ctx, case_id, values)


def withdraw_consent(ctx: AppContext, *, consent_id: str) -> Changed:
    """Record a consent withdrawn (never deleted)."""
    from desktop.core.services import consent

    return consent.withdraw_consent(ctx, consent_id)
