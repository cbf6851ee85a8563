"""The one error type of the core: a code and parameters, never user-facing text."""

from __future__ import annotations

from typing import Any


class CtxhError(Exception):
    """A failure the user can act on. `code` selects the message; `params` fill it in.

    `exit_code` is what the command line returns for it: 1 when some input was rejected
    and the rest was done, 2 when the input or arguments were unusable.
    """

    exit_code = 2

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:  # for logs and tracebacks, not for users
        return f"{self.code} {self.params}"


class ValidationError(CtxhError):
    """One or more fields of a record are invalid; `problems` lists (field, code, params)."""

    def __init__(self, problems: list[tuple[str, str, dict[str, Any]]]) -> None:
        super().__init__("E_INVALID", count=len(problems))
        self.problems = problems


class NotFoundError(CtxhError):
    """The record asked for does not exist (or is not visible to this user)."""

    def __init__(self, entity: str, record_id: str) -> None:
        super().__init__("E_NOT_FOUND", entity=entity, id=record_id)


class AuthError(CtxhError):
    """A user name or passphrase did not match."""

    def __init__(self) -> None:
        super().__init__("E_AUTH")
