"""Sortable list columns: the `sort` parameter ("name", "-name"), the ORDER BY it stands for,
and each column header's link and aria-sort. A list keeps a dict of its sortable keys:

    SORTS = {"name": ("name",), "municipality": ("municipality__name_fi", "name")}

Unknown keys fall back to the list's first key, so an edited address never errors.
"""

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from django.db.models import F
from django.http import HttpRequest

Sorts = Mapping[str, Sequence[str]]


def sort_param(request: HttpRequest, sorts: Sorts) -> str:
    """The request's `sort` when it names a column of `sorts`, else the first column."""
    sort = request.GET.get("sort", "")
    return sort if sort.removeprefix("-") in sorts else next(iter(sorts))


def sort_ordering(sort: str, sorts: Sorts, *, nullable: Collection[str] = ()) -> list[Any]:
    """ORDER BY for `sort`: the first field in the asked direction, then the column's
    tie-breakers and the primary key, so pages never overlap. Fields in `nullable` put empty
    values last either way; the others are plain ASC/DESC, which an index can serve."""
    key = sort.removeprefix("-")
    if key not in sorts:
        key, sort = next(iter(sorts)), next(iter(sorts))
    first, *rest = sorts[key]
    descending = sort.startswith("-")
    if first in nullable:
        head = F(first).desc(nulls_last=True) if descending else F(first).asc(nulls_last=True)
    else:
        head = F(first).desc() if descending else F(first).asc()
    return [head, *rest, "pk"]


def sort_links(request: HttpRequest, sorts: Sorts, sort: str) -> dict[str, dict[str, str]]:
    """Per column: the address that sorts by it (the other way round when it is the current
    sort) and its aria-sort value. Filters are kept; paging starts over."""
    links = {}
    descending = sort.startswith("-")
    for key in sorts:
        params = request.GET.copy()
        params.pop("page", None)
        current = sort.removeprefix("-") == key
        params["sort"] = f"-{key}" if current and not descending else key
        links[key] = {
            "url": "?" + params.urlencode(),
            "aria": ("descending" if descending else "ascending") if current else "none",
        }
    return links
