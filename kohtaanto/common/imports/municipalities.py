"""A municipality by its three-digit code or its Finnish or Swedish name, read once a file."""

from typing import TYPE_CHECKING

from django.apps import apps

if TYPE_CHECKING:
    from kohtaanto.accounts.models import Municipality


class MunicipalityIndex:
    def __init__(self) -> None:
        self.by_key: dict[str, "Municipality"] = {}
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
