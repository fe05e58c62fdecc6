"""Recording an Industry 4.0 readiness self-assessment."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kohtaanto.common.forms import form_saved
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers import selectors
from kohtaanto.employers.forms import ReadinessForm
from kohtaanto.employers.readiness import DIMENSIONS
from kohtaanto.employers.services.readiness import readiness_assessment_record


@login_required
def readiness_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    company = selectors.company_get_for_actor(actor=actor, id=pk)
    actor.permissions.require("change_company", company)
    previous = selectors.assessment_list(actor=actor, company=company)[-1:]
    initial = previous[0].scores() if previous else {}
    form = ReadinessForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        done = form_saved(
            request,
            form,
            lambda: readiness_assessment_record(
                actor=actor,
                company=company,
                assessed_on=form.cleaned_data["assessed_on"],
                scores=form.scores(),
                notes=form.cleaned_data["notes"],
            ),
            success=_("Valmiusarvio tallennettiin."),
            then=lambda _assessment: redirect(
                reverse("employers:company_detail", args=[company.pk]) + "#readiness"
            ),
        )
        if done:
            return done
    return render(
        request,
        "employers/readiness_form.html",
        {
            "form": form,
            "company": company,
            "dimensions": [(d, form[d.key]) for d in DIMENSIONS],
        },
    )
