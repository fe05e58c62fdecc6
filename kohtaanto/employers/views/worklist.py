"""The business advisor's worklist."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers import selectors


@login_required
def worklist(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "employers/worklist.html",
        {"worklist": selectors.worklist(actor=request.user)},
    )
