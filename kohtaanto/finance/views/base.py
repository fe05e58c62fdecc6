"""What every finance view shares: the permission gate, the page context, posted data and the
form page (a service's refusal on a form: common.forms.form_saved)."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kohtaanto.common.forms import form_saved
from kohtaanto.common.types import AuthenticatedHttpRequest


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


def form_page(
    request: AuthenticatedHttpRequest,
    form: forms.BaseForm,
    action: Callable[[], Any],
    *,
    done: str,
    then: Callable[[Any], HttpResponse],
    **values: Any,
) -> HttpResponse:
    """A finance form page (finance/form.html, whose `values` are the title, submit, back and
    the like): on a valid post the service call `action`, then the message `done` and
    `then(result)` (a redirect); otherwise the form again, with the service's refusal on it."""
    if request.method == "POST" and form.is_valid():
        saved = form_saved(request, form, action, success=done, then=then)
        if saved is not None:
            return saved
    return render(request, "finance/form.html", context(request, form=form, **values))
