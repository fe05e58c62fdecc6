"""List pages: the page asked for and the links to the others."""

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def query_without(request: HttpRequest, *names: str) -> str:
    """The query string of the request without `names`, for links that set them again."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def page_of(request: HttpRequest, rows: Any, per_page: int = 50) -> tuple[Page, str]:
    """The page of `rows` asked for (?page=, the last for one past the end) and the query
    string of the other parameters, for the page links."""
    return Paginator(rows, per_page).get_page(request.GET.get("page")), query_without(
        request, "page"
    )
