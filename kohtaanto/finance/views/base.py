"""What every finance view shares: the permission gate and turning refusals into form errors."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import HttpRequest

from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.forms import show_refusal
from kohtaanto.common.types import AuthenticatedHttpRequest


def require(request: AuthenticatedHttpRequest, permission: str) -> None:
    """A page the role may not see does not exist for it (the same 404 as a missing one)."""
    request.user.permissions.require(permission)


def attempt(form: forms.BaseForm, action: Callable[[], Any]) -> Any:
    """Run a service and return its result, or None when it refused: the refusal becomes the
    form's error, next to the field it names (the service changed nothing)."""
    try:
        return action()
    except NotFoundError:
        raise
    except DomainError as exc:
        show_refusal(form, exc)
        return None


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
