"""What the training selectors share: the providers the actor sees, and the one answer for
what is missing or not theirs."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import Role
from kohtaanto.common.errors import NotFoundError
from kohtaanto.training.models import Provider


def not_found() -> NotFoundError:
    return NotFoundError(_("Ei löytynyt."))


def visible_providers(actor: Any) -> QuerySet[Provider]:
    if not actor.permissions.can_view_training() or not actor.employment_area_id:
        return Provider.objects.none()
    qs = Provider.objects.filter(employment_area_id=actor.employment_area_id)
    if actor.role == Role.PARTNER:
        qs = qs.filter(memberships__user=actor)
    return qs
