from django.apps import apps
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from kohtaanto.common.navigation import NavItem


def navigation(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items: list[NavItem] = []
    for config in apps.get_app_configs():
        items.extend(getattr(config, "navigation", []))
    entries = []
    for item in sorted(items, key=lambda i: i.order):
        if not user.permissions.check(item.permission):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        entries.append(
            {"url": url, "label": item.label, "active": request.path.startswith(url) and url != "/"}
        )
    return {"nav_items": entries}


def features(request: HttpRequest) -> dict[str, object]:
    from django.conf import settings

    return {"oidc_enabled": settings.OIDC_ENABLED}
