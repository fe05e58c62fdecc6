from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from kohtaanto.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """The request type of views behind `login_required`: `request.user` is our User."""

    user: "User"  # type: ignore[assignment]
