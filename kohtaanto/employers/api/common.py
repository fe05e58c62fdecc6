"""What the employer endpoints share: the router, field refusals as 400, concept, municipality
and user look-ups, the writable company."""

from collections.abc import Iterator
from contextlib import contextmanager

from ninja import Router
from ninja.errors import ValidationError as NinjaValidationError

from kohtaanto.accounts.models import User
from kohtaanto.common.errors import DomainError
from kohtaanto.employers import selectors
from kohtaanto.employers.errors import FieldError
from kohtaanto.employers.models import (
    Company,
)
from kohtaanto.taxonomy.lookup import concept_by_uri
from kohtaanto.taxonomy.models import Concept

router = Router(tags=["employers"])


@contextmanager
def field_refusals() -> Iterator[None]:
    """A service's FieldError becomes the API's 400 with the field named."""
    try:
        yield
    except DomainError as exc:
        if exc.field is None:
            raise
        raise NinjaValidationError([{"loc": ["body", exc.field], "msg": exc.message}]) from exc


def concept_or_none(uri: str | None, types: tuple[str, ...], field: str) -> Concept | None:
    return concept_by_uri(uri, types=types, field=field) if uri else None


def concept_required(uri: str, types: tuple[str, ...], field: str) -> Concept:
    if not uri:
        raise FieldError(field, "A concept URI is required.")
    return concept_by_uri(uri, types=types, field=field)


def user_in_area(actor: User, user_id: int | None, field: str) -> User | None:
    if user_id is None:
        return None
    user = User.objects.filter(pk=user_id, employment_area_id=actor.employment_area_id).first()
    if user is None:
        raise FieldError(field, f"Unknown user {user_id}.")
    return user


def writable_company(actor: User, company_id: int) -> Company:
    company = selectors.company_get_for_actor(actor=actor, id=company_id)
    actor.permissions.require("change_company", company)
    return company
