"""API authentication: bearer tokens (`kohtaanto create-api-token`) or the browser session.

With KOHTAANTO_OTP_REQUIRED a session counts only once its TOTP device is verified (the
middleware answers such API requests 403 first; this is the second line). Tokens expire,
can be revoked and show when they were last used (`kohtaanto list-api-tokens`).

Session authentication keeps CSRF protection on (django-ninja checks the token for unsafe
methods when the request is authenticated by cookie).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from ninja.security import HttpBearer, SessionAuth

from kohtaanto.accounts.services import api_token_authenticate


class BearerTokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_authenticate(token)
        if user is None:
            return None
        request.user = user
        return user


class StaffSessionAuth(SessionAuth):
    """The browser session; with KOHTAANTO_OTP_REQUIRED only one with a verified device."""

    csrf = True

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user and settings.OTP_REQUIRED and not request.user.is_verified():  # type: ignore[union-attr]
            return None
        return user


def docs_login_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """In production the API docs and the OpenAPI schema are for signed-in users only."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if settings.PRODUCTION and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped
