"""API authentication: bearer tokens (`kohtaanto create-api-token`) or the browser session.

Session authentication keeps CSRF protection on (django-ninja checks the token for unsafe
methods when the request is authenticated by cookie).
"""

from typing import Any

from django.http import HttpRequest
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
    csrf = True
