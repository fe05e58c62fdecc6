"""Scoping every read to the actor's area; one refusal for missing and not yours."""

from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kohtaanto.common.errors import NotFoundError

ZERO = Decimal("0.00")


def _area_id(actor: Any) -> int | None:
    return getattr(actor, "employment_area_id", None)


def _get(queryset: QuerySet, id: Any) -> Any:
    # Django answers an id beyond the column's range as a miss, on SQLite and PostgreSQL alike.
    try:
        return queryset.get(pk=int(id))
    except (ValueError, TypeError, queryset.model.DoesNotExist) as exc:
        raise NotFoundError(_("Ei löytynyt.")) from exc
