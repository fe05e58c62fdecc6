"""What the training pages share: the posted data, what the user may do, and the threshold
warnings after an order."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect

from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.training import selectors


def posted(request: AuthenticatedHttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def can(request: AuthenticatedHttpRequest) -> dict[str, bool]:
    p = request.user.permissions
    return {
        "can_manage": p.can_manage_training(),
        "can_order": p.can_order_training(),
        "can_plan": p.can_plan_training(),
        "can_report": p.can_view_training_reports(),
    }


def warn_thresholds(request: AuthenticatedHttpRequest, order: Any) -> None:
    """After an order: say so when the provider's orders under one basis pass a threshold."""
    provider = order.agreement.provider
    for warning in selectors.threshold_warnings(actor=request.user, provider=provider):
        messages.warning(request, warning.message)


def warned(request: AuthenticatedHttpRequest, order: Any) -> HttpResponse:
    """The order page, after the threshold warnings of the order just made."""
    warn_thresholds(request, order)
    return redirect("training:order_detail", id=order.pk)
