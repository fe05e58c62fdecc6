"""Pages of grant schemes, their rules and their public application links."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kohtaanto.common.forms import attempt
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.finance import forms, selectors, services
from kohtaanto.finance.views.base import context, form_page, posted


@login_required
def scheme_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_finance")
    return render(
        request,
        "finance/scheme_list.html",
        context(request, schemes=selectors.grant_scheme_list(actor=request.user)),
    )


@login_required
def scheme_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("manage_finance")
    form = forms.GrantSchemeForm(posted(request), actor=request.user)
    return form_page(
        request,
        form,
        lambda: services.grant_scheme_create(actor=request.user, **form.cleaned_data),
        done=_("Avustusohjelma lisättiin. Lisää sille säännöt."),
        then=lambda scheme: redirect("finance:scheme_detail", id=scheme.pk),
        title=_("Uusi avustusohjelma"),
        submit=_("Tallenna"),
        back=reverse("finance:scheme_list"),
    )


@login_required
def scheme_detail(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("view_finance")
    scheme = selectors.grant_scheme_get_for_actor(actor=request.user, id=id)
    return render(
        request,
        "finance/scheme_detail.html",
        context(
            request,
            scheme=scheme,
            rules=selectors.scheme_rule_list(scheme=scheme),
            applications=selectors.grant_application_list(actor=request.user, scheme=scheme),
        ),
    )


@login_required
def scheme_update(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("manage_finance")
    scheme = selectors.grant_scheme_get_for_actor(actor=request.user, id=id)
    initial = {name: getattr(scheme, name) for name in services.GRANT_SCHEME_FIELDS}
    form = forms.GrantSchemeForm(posted(request), actor=request.user, editing=True, initial=initial)
    return form_page(
        request,
        form,
        lambda: services.grant_scheme_update(
            actor=request.user, scheme=scheme, **form.cleaned_data
        ),
        done=_("Avustusohjelma päivitettiin."),
        then=lambda _result: redirect("finance:scheme_detail", id=scheme.pk),
        title=_("Muokkaa avustusohjelmaa: %(name)s") % {"name": scheme.name},
        submit=_("Tallenna"),
        back=reverse("finance:scheme_detail", kwargs={"id": scheme.pk}),
    )


@login_required
def rule_create(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("manage_finance")
    scheme = selectors.grant_scheme_get_for_actor(actor=request.user, id=id)
    form = forms.SchemeRuleForm(posted(request))
    return form_page(
        request,
        form,
        lambda: services.scheme_rule_create(actor=request.user, scheme=scheme, **form.cleaned_data),
        done=_("Sääntö lisättiin."),
        then=lambda _result: redirect("finance:scheme_detail", id=scheme.pk),
        title=_("Uusi sääntö: %(name)s") % {"name": scheme.name},
        intro=_(
            "Säännöt ovat päivättyjä: uusi sääntö koskee työsuhteita, jotka alkavat sen "
            "voimassaoloaikana. Saman tukiperusteen avoin sääntö päättyy edellisenä päivänä."
        ),
        submit=_("Lisää sääntö"),
        back=reverse("finance:scheme_detail", kwargs={"id": scheme.pk}),
    )


@login_required
def application_link(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """Make the signed link that an employer uses to apply without an account."""
    request.user.permissions.require("enter_grant_application")
    scheme = selectors.grant_scheme_get_for_actor(actor=request.user, id=id)
    form = forms.LinkForm(posted(request), actor=request.user)
    link = None
    if request.method == "POST" and form.is_valid():
        made = attempt(
            form,
            lambda: services.application_link_create(
                actor=request.user,
                scheme=scheme,
                company=form.cleaned_data["company"],
                max_uses=form.cleaned_data["max_uses"],
            ),
        )
        if made:
            link = request.build_absolute_uri(reverse("finance:public_apply", args=[made[1]]))
    return render(
        request,
        "finance/link.html",
        context(
            request,
            form=form,
            scheme=scheme,
            link=link,
            link_days=settings.SIGNED_LINK_MAX_AGE_DAYS,
        ),
    )
