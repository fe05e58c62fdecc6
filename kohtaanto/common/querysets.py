"""Query pieces every selector shares."""

from typing import Any, TypeVar

from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)


def filter_given(qs: QuerySet[M], **lookups: Any) -> QuerySet[M]:
    """`qs` filtered by each lookup whose value was given, as a search form's blank field asks
    for no filter: None, "" and the other empty values (0, False, an empty list) are left out."""
    return qs.filter(**{lookup: value for lookup, value in lookups.items() if value})
