"""Start-up check: every permission name the code and templates write out has a rule.

Names passed in variables are caught when they are asked for (UnknownPermissionError); the names
written out are caught here, before the first request.
"""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.checks import Error, register

from kohtaanto.accounts.permissions import registered_rules

_PATTERNS = [
    re.compile(r"permissions\.can_(\w+)"),
    re.compile(r"permissions\.(?:check|require)\(\s*[\"'](\w+)[\"']"),
    # The per-app guards: _require(request, "<name>", ...), _require(actor, "<name>", ...).
    re.compile(r"\b_require\(\s*\w+,\s*[\"'](\w+)[\"']"),
    re.compile(r"NavItem\([^)]*?[\"'](\w+)[\"'],\s*order="),
]


def _sources(root: Path) -> Iterator[Path]:
    for path in root.rglob("*"):
        if path.suffix in (".py", ".html") and "tests" not in path.parts:
            yield path


def permission_names_used(root: Path) -> dict[str, list[str]]:
    """Permission names written out under `root`, with where each is used (file:line)."""
    used: dict[str, list[str]] = {}
    for path in _sources(root):
        text = path.read_text(encoding="utf-8")
        for pattern in _PATTERNS:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                used.setdefault(match.group(1), []).append(f"{path.relative_to(root)}:{line}")
    return used


@register()
def check_permission_names(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    root = Path(apps.get_app_config("accounts").path).parent
    known = set(registered_rules())
    errors = [
        Error(
            f"Permission {name!r} has no rule (used in {', '.join(places[:3])}).",
            hint="Register it with @rule in the app's permissions.py, or fix the name.",
            id="accounts.E001",
        )
        for name, places in sorted(permission_names_used(root).items())
        if name not in known
    ]
    for config in apps.get_app_configs():
        for item in getattr(config, "navigation", []):
            if item.permission not in known:
                errors.append(
                    Error(
                        f"Navigation item {item.url_name!r} asks for unknown permission "
                        f"{item.permission!r}.",
                        id="accounts.E001",
                    )
                )
    return errors
