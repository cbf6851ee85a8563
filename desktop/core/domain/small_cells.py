"""Small cells: a report that leaves the commune must not let a reader single out a person in hardship.

A count of people from 1 to 4 is shown as "<5". Where a table gives its total, hiding one cell is not
enough (the total minus the others gives it back), so the next smallest cell of the table is hidden too
(complementary suppression); a share whose numerator or the rest of its denominator is 1 to 4 is hidden.
The commune's own screen shows the exact figures.
"""

from __future__ import annotations

from collections.abc import Sequence

SMALL_LOW, SMALL_HIGH = 1, 4
HIDDEN = "<5"


def is_small(count: int | None) -> bool:
    """1 to 4 (0 is shown: it singles nobody out)."""
    return count is not None and SMALL_LOW <= count <= SMALL_HIGH


def hidden_cells(cells: Sequence[int | None], total: int | None) -> set[int]:
    """Which cells of one table (its rows' counts, with the shown total) to hide: the small ones and, when
    exactly one is hidden and the total is shown, the smallest other non-zero cell as well."""
    hidden = {i for i, n in enumerate(cells) if is_small(n)}
    total_shown = total is not None and not is_small(total)
    if len(hidden) == 1 and total_shown:
        others = [(n, i) for i, n in enumerate(cells) if i not in hidden and n]
        if others:
            hidden.add(min(others)[1])
    return hidden


def share_hidden(numerator: int | None, denominator: int | None) -> bool:
    """A share gives its numerator back from a known denominator: hide it when either part is small."""
    if numerator is None or denominator is None:
        return False
    return is_small(numerator) or is_small(denominator - numerator) or is_small(denominator)
