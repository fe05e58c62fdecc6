"""A municipality by its three-digit code or its Finnish or Swedish name, read once a file."""

from typing import TYPE_CHECKING

from django.apps import apps

from kohtaanto.common.errors import DomainError

if TYPE_CHECKING:
    from kohtaanto.accounts.models import Municipality


class MunicipalityIndex:
    def __init__(self) -> None:
        self.by_key: dict[str, Municipality] = {}
        for m in apps.get_model("accounts", "Municipality").objects.all():
            self.by_key[m.code] = m
            self.by_key[m.name_fi.casefold()] = m
            if m.name_sv:
                self.by_key[m.name_sv.casefold()] = m

    def find(self, value: str) -> "Municipality | None":
        """The municipality `value` names, or None (blank or unknown)."""
        text = (value or "").strip()
        if not text:
            return None
        key = text.zfill(3) if text.isdigit() else text.casefold()
        return self.by_key.get(key)


def municipality_by_code(code: str | None) -> "Municipality | None":
    """The municipality of a three-digit code given to the API (None for none), or a refusal
    naming the field."""
    if not code:
        return None
    found = apps.get_model("accounts", "Municipality").objects.filter(code=code).first()
    if found is None:
        raise DomainError(f"Unknown municipality code {code!r}.", field="municipality")
    return found
