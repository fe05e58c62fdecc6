"""The one permission resolver: `user.permissions.can_<verb>_<thing>(obj)`.

Apps register rules in their own `permissions.py` with `@rule("view_job_seeker")`; the
resolver answers no to anything that a rule does not permit (deny by default), to inactive users
and to anonymous ones. Roles are in DESIGN.md ("Users and roles").

A name that no rule registers is a programming error, never a silent no: asking for it raises
UnknownPermissionError, and the system check `accounts.E001` (run at start-up by `runserver`,
`migrate` and `check`) reads the project's code and templates for permission names written
out (`permissions.can_<name>`, `check("<name>")`, `require("<name>")`, navigation items) and
refuses to start when one is not registered.
"""

from collections.abc import Callable
from typing import Any

from kohtaanto.accounts.models import Role
from kohtaanto.common.errors import NotFoundError

RuleFn = Callable[..., bool]
_RULES: dict[str, RuleFn] = {}


def rule(name: str) -> Callable[[RuleFn], RuleFn]:
    """Register `fn(user, *objects) -> bool` as the rule for `can_<name>`."""

    def register(fn: RuleFn) -> RuleFn:
        if name in _RULES and _RULES[name] is not fn:
            raise RuntimeError(f"permission rule {name!r} registered twice")
        _RULES[name] = fn
        return fn

    return register


def registered_rules() -> list[str]:
    return sorted(_RULES)


def role_rule(name: str, *roles: str) -> None:
    """Register a rule that depends only on the user's role."""
    allowed = frozenset(roles)
    rule(name)(lambda user, *objects: user.role in allowed)


class UnknownPermissionError(LookupError):
    """No rule is registered under this permission name (a typo, or a missing rule)."""


def _rule_for(name: str) -> RuleFn:
    fn = _RULES.get(name)
    if fn is None:
        raise UnknownPermissionError(f"no permission rule is registered as {name!r}")
    return fn


class PermissionResolver:
    def __init__(self, user: Any) -> None:
        self.user = user

    @property
    def active(self) -> bool:
        return bool(self.user and self.user.is_authenticated and self.user.is_active)

    def has_role(self, *roles: str) -> bool:
        return self.active and self.user.role in roles

    def check(self, name: str, *objects: Any) -> bool:
        fn = _rule_for(name)
        if not self.active:
            return False
        return bool(fn(self.user, *objects))

    def require(self, name: str, *objects: Any) -> None:
        """Refuse as if the object did not exist: the same 404 as a missing one."""
        if not self.check(name, *objects):
            raise NotFoundError("not found")

    def __getattr__(self, attr: str) -> Callable[..., bool]:
        if attr.startswith("can_"):
            name = attr[4:]
            _rule_for(name)
            return lambda *objects: self.check(name, *objects)
        raise AttributeError(attr)


ALL_STAFF = (
    Role.COORDINATOR,
    Role.COUNSELLOR,
    Role.BUSINESS_ADVISOR,
    Role.PARTNER,
    Role.FINANCE,
    Role.AUDITOR,
)

role_rule("view_home", *ALL_STAFF)
role_rule("view_audit", Role.COORDINATOR, Role.AUDITOR)


@rule("manage_users")
def _manage_users(user: Any) -> bool:
    return bool(user.is_superuser)
