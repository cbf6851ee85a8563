"""A citizen's card read from a picture at intake: its fields, what its number contradicts, and who of the
commune already has that number (issue 18).

The picture is read in memory and dropped: nothing of it is kept, written or logged (ND 13/2023's data
minimisation; an officer who wants the picture in the file attaches it on purpose).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from desktop.core.context import AppContext
from desktop.core.domain.citizen_card import CardData, CardTextError, parse_card_text
from desktop.core.errors import CtxhError
from desktop.core.qr_images import Picture, read_qr_codes

# The card's fields each dialog takes, by the dialog's own field names.
PERSON_FIELDS = ("national_id", "old_national_id", "full_name", "birth_date", "gender", "address", "id_issued_on",
                 "father_name", "mother_name")
WORKER_FIELDS = ("national_id", "old_national_id", "full_name", "birth_date", "gender", "address", "id_issued_on")


def card_from_picture(picture: Picture) -> CardData:
    """The card whose QR is in the picture (the first QR that is a card's, when there are several).
    E_CARD_NO_QR, E_CARD_QR_NOT_CARD or E_CARD_QR_ENCODING naming the file otherwise."""
    codes = read_qr_codes(picture)
    if not codes:
        raise CtxhError("E_CARD_NO_QR", file=picture.name)
    first_error = "E_CARD_QR_NOT_CARD"
    for raw in codes:
        try:
            return parse_card_text(raw)
        except CardTextError as error:
            first_error = error.code if first_error == "E_CARD_QR_NOT_CARD" else first_error
    raise CtxhError(first_error, file=picture.name)


def problem_list(card: CardData) -> list[dict[str, Any]]:
    """The card's problems as message codes with their parameters."""
    return [{"code": code, "params": {"code": card.national_id[:3]} if code == "CARD_ID_PROVINCE" else {}}
            for code in card.problems]


def card_json(card: CardData) -> dict[str, Any]:
    """The card as JSON (ISO dates): what `ctxh card read --json` prints."""
    def value(v: object) -> object:
        return v.isoformat() if isinstance(v, dt.date) else v

    return {
        "layout": card.layout,
        "fields": {k: value(v) for k, v in card.fields().items()},
        "cancelled_id": card.cancelled_id,
        "extra_fields": len(card.extra),
        "problems": problem_list(card),
    }


def read_card(ctx: AppContext | None, picture: Picture) -> dict[str, Any]:
    """The card in `picture` as JSON, with the people already here who carry its numbers (`existing`: the
    beneficiaries with their cases, and the roster's members) when a profile is open."""
    card = card_from_picture(picture)
    out = card_json(card)
    if ctx is not None:
        out["existing"] = existing_people(ctx, card.fields())
    return out


def card_numbers(values: Mapping[str, Any]) -> list[str]:
    """The identity numbers a person's values carry: the CCCD and the old CMND, spaces aside."""
    numbers = ["".join(str(values.get(name) or "").split()) for name in ("national_id", "old_national_id")]
    return [n for n in numbers if n]


def existing_people(ctx: AppContext, values: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Who of the commune already carries one of these numbers (as CCCD or old CMND): beneficiaries with their
    cases (a collaborator hears only of people in their own cases) and roster members."""
    from desktop.core.repositories import records as repo
    from desktop.core.services.access import is_collaborator

    numbers = card_numbers(values)
    if not numbers:
        return {"beneficiaries": [], "workers": []}
    with ctx.db.reader() as session:
        people = repo.people_with_numbers(session, numbers)
        workers = repo.workers_with_numbers(session, numbers)
    if is_collaborator(ctx):
        for person in people:
            person["cases"] = [c for c in person["cases"] if c["assigned_worker_id"] == ctx.actor.worker_id]
        people = [p for p in people if p["cases"]]
    return {"beneficiaries": people, "workers": workers}
