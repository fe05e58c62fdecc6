"""What every finance view shares: the permission gate, the page context and posted data (a
service's refusal on a form: common.forms.attempt)."""

from typing import Any

from django.http import HttpRequest

from kohtaanto.common.types import AuthenticatedHttpRequest


def require(request: AuthenticatedHttpRequest, permission: str) -> None:
    """A page the role may not see does not exist for it (the same 404 as a missing one)."""
    request.user.permissions.require(permission)


def context(request: AuthenticatedHttpRequest, **values: Any) -> dict[str, Any]:
    permissions = request.user.permissions
    return {
        "can_manage": permissions.can_manage_finance(),
        "can_decide": permissions.can_decide_grant(),
        "can_enter": permissions.can_enter_grant_application(),
        "can_view_finance": permissions.can_view_finance(),
        **values,
    }


def posted(request: HttpRequest) -> Any:
    """The POST data of a POST (even an empty one, so that an all-optional form is bound)."""
    return request.POST if request.method == "POST" else None
