"""`ctxh hub report`: the programme indicators of every commune the hub holds, and the province total, as a
workbook for the province — computed by the same rules a laptop's roster page uses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.domain.case_rules import is_open
from desktop.core.domain.roster_rules import target_for_year
from desktop.core.excel.writing import SheetSpec, write_workbook
from desktop.core.repositories import hub as repo
from desktop.core.services.roster_extras import indicators_in

COLUMNS = [
    ("Mã xã", 9), ("Xã/phường", 26), ("Số máy", 7), ("Nhân lực CTXH đang làm việc", 12), ("Cộng tác viên CTXH", 11),
    ("Mục tiêu CTV/xã", 11), ("Đạt mục tiêu CTV", 10), ("Đã qua đào tạo, bồi dưỡng", 11), ("Tỷ lệ đã đào tạo", 10),
    ("Mục tiêu đào tạo", 10), ("Hồ sơ đang quản lý", 11), ("Hồ sơ đã kết thúc", 11),
    ("Trẻ em HCĐB có hồ sơ", 11), ("Trong đó đã được hỗ trợ", 11), ("Tỷ lệ trẻ em HCĐB được hỗ trợ", 12),
]


def commune_rows(ctx: AppContext, year: int) -> list[dict[str, Any]]:
    """One row of figures per commune the hub has laptops or records of."""
    today = dt.date.today()
    on = today if year == today.year else dt.date(year, 12, 31)
    rows = []
    with ctx.db.reader() as session:
        partitions = sorted(repo.partitions_held(session))
        names = repo.unit_names(session, [p.split(":")[1] for p in partitions])
        laptops = repo.devices_by_partition(session)
        for partition in partitions:
            code = partition.split(":")[1]
            figures = indicators_in(session, ctx.province_code, on, partition)
            status = repo.cases_by_status(session, partition)
            # Children in special circumstances: an HCDB_ group (the "_" escaped: it is a LIKE wildcard).
            children, served = repo.children_with_case(session, partition, "%HCDB\\_%")
            rows.append({
                "code": code, "name": names.get(code, code),
                "devices": laptops.get(partition, 0),
                "active": figures.active, "collaborators": figures.collaborators,
                "collaborator_target": target_for_year(figures.collaborator_targets, year),
                "trained": figures.trained, "trained_share": figures.trained_share,
                "trained_target": figures.trained_target,
                "open": sum(n for s, n in status.items() if is_open(s)),
                "closed": sum(n for s, n in status.items() if not is_open(s)),
                "children": children, "served": served,
            })
    return rows


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def write_report(ctx: AppContext, year: int, path: Path) -> dict[str, Any]:
    """Write the province workbook; returns the province totals."""
    from desktop.core.services.access import require

    require(ctx, "hub")
    rows = commune_rows(ctx, year)
    total = {k: sum(r[k] for r in rows) for k in ("devices", "active", "collaborators", "trained", "open", "closed",
                                                  "children", "served")}

    def target_text(target: Any) -> str:
        if target is None:
            return ""
        low = "" if target.minimum is None else f"≥ {target.minimum:g}"
        high = "" if target.maximum is None else f"≤ {target.maximum:g}"
        return " ".join(x for x in (low, high) if x)

    def lines() -> Iterator[list[Any]]:
        for r in rows:
            target = r["collaborator_target"]
            met = "" if target is None else ("Đạt" if target.met_by(r["collaborators"]) else "Chưa đạt")
            yield [r["code"], r["name"], r["devices"], r["active"], r["collaborators"], target_text(target), met,
                   r["trained"], r["trained_share"], target_text(r["trained_target"]), r["open"], r["closed"],
                   r["children"], r["served"], _share(r["served"], r["children"])]
        yield ["", "TOÀN TỈNH", total["devices"], total["active"], total["collaborators"], "", "", total["trained"],
               _share(total["trained"], total["active"]), "", total["open"], total["closed"], total["children"],
               total["served"], _share(total["served"], total["children"])]

    write_workbook(path, [SheetSpec(f"Chỉ tiêu năm {year}", COLUMNS, lines())])
    from desktop.core.services.audit import record

    record(ctx, "export", f"file:{path.name}", kind="report", year=year, communes=len(rows))
    return {"communes": len(rows), **total, "trained_share": _share(total["trained"], total["active"]),
            "children_served_share": _share(total["served"], total["children"])}
