"""Providers and their partner members; joint-purchase companies and their partner and linked
enterprises."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.accounts.models import User
from kohtaanto.common.errors import NotFoundError
from kohtaanto.common.forms import form_saved
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.training import forms, selectors, services
from kohtaanto.training.views.common import can, posted


@login_required
def provider_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("manage_training")
    form = forms.ProviderForm(posted(request))
    if form.is_valid():
        done = form_saved(
            request,
            form,
            lambda: services.provider_create(actor=request.user, **form.cleaned_data),
            success=_("Järjestäjä tallennettu."),
            then=lambda provider: redirect("training:provider_detail", id=provider.pk),
        )
        if done:
            return done
    return render(
        request,
        "training/form.html",
        {"form": form, "title": _("Uusi koulutuksen järjestäjä"), "subject": ""},
    )


@login_required
def provider_detail(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """The provider with its agreements and programmes; the coordinator adds and removes the
    partner users who work for it."""
    actor = request.user
    provider = selectors.provider_get_for_actor(actor=actor, id=id)
    candidates = selectors.provider_member_candidates(actor=actor, provider=provider)
    form = forms.MemberForm(posted(request), users=candidates)
    if request.method == "POST":
        actor.permissions.require("manage_training")
        if form.is_valid():
            done = form_saved(
                request,
                form,
                lambda: services.provider_member_add(
                    actor=actor, provider=provider, user=form.cleaned_data["user"]
                ),
                success=_("Käyttäjä lisätty järjestäjään."),
                then=lambda _membership: redirect("training:provider_detail", id=provider.pk),
            )
            if done:
                return done
    return render(
        request,
        "training/provider_detail.html",
        {
            **can(request),
            "provider": provider,
            "members": selectors.provider_members(actor=actor, provider=provider),
            "member_form": form,
            "agreements": selectors.agreement_list(actor=actor).filter(provider=provider),
            "programmes": selectors.programme_list(actor=actor).filter(provider=provider),
        },
    )


@login_required
@require_POST
def provider_member_remove(
    request: AuthenticatedHttpRequest, id: int, user_id: int
) -> HttpResponse:
    request.user.permissions.require("manage_training")
    provider = selectors.provider_get_for_actor(actor=request.user, id=id)
    member = selectors.provider_members(actor=request.user, provider=provider).filter(
        user_id=user_id
    )
    user = User.objects.filter(pk__in=member.values("user_id")).first()
    if user is None:
        raise NotFoundError(_("Ei löytynyt."))
    services.provider_member_remove(actor=request.user, provider=provider, user=user)
    messages.success(request, _("Käyttäjä poistettu järjestäjästä."))
    return redirect("training:provider_detail", id=provider.pk)


@login_required
def companies(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Companies of joint-purchase training: size class and partner and linked enterprises."""
    request.user.permissions.require("manage_training")
    q = request.GET.get("q", "").strip()[:100]
    return render(
        request,
        "training/companies.html",
        {
            **can(request),
            "q": q,
            "companies": selectors.joint_purchase_companies(actor=request.user, q=q)[:100],
        },
    )


@login_required
def company_enterprises(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """A company's partner and linked enterprises, whose figures count towards its size class
    (Recommendation 2003/361/EC, Annex Art. 3 and 6), and the size class they give."""
    request.user.permissions.require("manage_training")
    company = selectors.joint_purchase_company_get(actor=request.user, id=id)
    form = forms.EnterpriseLinkForm(posted(request))
    if form.is_valid():
        done = form_saved(
            request,
            form,
            lambda: services.enterprise_link_add(
                actor=request.user, company=company, **form.cleaned_data
            ),
            success=_("Yritys lisätty."),
            then=lambda _link: redirect("training:company_enterprises", id=company.pk),
        )
        if done:
            return done
    size = selectors.company_size_class(actor=request.user, company=company)
    return render(
        request,
        "training/company_enterprises.html",
        {
            **can(request),
            "company": company,
            "links": company.enterprise_links.order_by("name"),
            "form": form,
            "size_class": size.label,
            "size_error": size.error,
        },
    )


@login_required
@require_POST
def enterprise_link_remove(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("manage_training")
    link = selectors.enterprise_link_get_for_actor(actor=request.user, id=id)
    company_id = link.company_id
    services.enterprise_link_remove(actor=request.user, link=link)
    messages.success(request, _("Yritys poistettu."))
    return redirect("training:company_enterprises", id=company_id)
