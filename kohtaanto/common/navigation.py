"""Main navigation, contributed by each app.

An app's AppConfig lists `navigation = [NavItem(...)]`; an item is shown when the user's
permission resolver answers yes to `permission` (a `can_…` name without arguments).
"""

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str | Promise
    permission: str
    order: int = 100
