"""Pages of appropriations, commitments, payments, the dashboard, the export and year end."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.common.errors import ConflictError
from kohtaanto.common.forms import attempt
from kohtaanto.common.money import format_eur
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.finance import forms, selectors, services
from kohtaanto.finance.charts import burn_chart
from kohtaanto.finance.exports import year_workbook
from kohtaanto.finance.models import LedgerEntry
from kohtaanto.finance.views.base import context, form_page, posted

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _url(name: str, **kwargs: object) -> str:
    return reverse(name, kwargs=kwargs or None)


def _year(request: AuthenticatedHttpRequest) -> tuple[int, forms.YearForm]:
    """The year asked for (?year=), else the current one."""
    current = timezone.localdate().year
    form = forms.YearForm(request.GET or None, initial={"year": current})
    year = form.cleaned_data["year"] if form.is_valid() else current
    return year, form


@login_required
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_finance")
    year, year_form = _year(request)
    summary = selectors.year_summary(actor=request.user, year=year)
    points = selectors.burn_series(actor=request.user, year=year)
    return render(
        request,
        "finance/dashboard.html",
        context(
            request,
            year=year,
            year_form=year_form,
            summary=summary,
            points=points,
            chart=burn_chart(points, reserved=summary.total.amount),
        ),
    )


@login_required
def export_xlsx(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_finance")
    year, _form = _year(request)
    response = HttpResponse(year_workbook(actor=request.user, year=year), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="maararahat-{year}.xlsx"'
    return response


@login_required
def year_end(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The year-end report: what was reserved, committed, paid and is still owed or free."""
    request.user.permissions.require("view_finance")
    year, year_form = _year(request)
    summary = selectors.year_summary(actor=request.user, year=year)
    open_commitments = [
        c for c in selectors.commitment_list(actor=request.user, year=year) if c.unpaid > 0
    ]
    return render(
        request,
        "finance/year_end.html",
        context(
            request,
            year=year,
            year_form=year_form,
            summary=summary,
            open_commitments=open_commitments,
            obligations=selectors.open_obligations(actor=request.user, year=year),
            differences=selectors.reconciliation_differences(actor=request.user, year=year),
            schemes=selectors.grant_scheme_list(actor=request.user),
        ),
    )


@login_required
@require_POST
def year_end_release(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("manage_finance")
    appropriation = selectors.appropriation_get_for_actor(actor=request.user, id=id)
    try:
        count, total = services.appropriation_year_end_release(
            actor=request.user, appropriation=appropriation
        )
    except ConflictError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("Vapautettiin %(count)s sitoumuksen käyttämättömät osat, yhteensä %(total)s.")
            % {"count": count, "total": format_eur(total)},
        )
    return redirect(f"{_url('finance:year_end')}?year={appropriation.year}")


@login_required
def budget_lines(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_finance")
    form = forms.BudgetLineForm(posted(request))
    if request.method == "POST":
        request.user.permissions.require("manage_finance")
        if form.is_valid() and attempt(
            form, lambda: services.budget_line_create(actor=request.user, **form.cleaned_data)
        ):
            messages.success(request, _("Budjettirivi lisättiin."))
            return redirect("finance:budget_lines")
    return render(
        request,
        "finance/budget_lines.html",
        context(request, lines=selectors.budget_line_list(actor=request.user), form=form),
    )


@login_required
def appropriation_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("manage_finance")
    form = forms.AppropriationForm(
        posted(request),
        actor=request.user,
        initial={"year": timezone.localdate().year, "decided_on": timezone.localdate()},
    )
    return form_page(
        request,
        form,
        lambda: services.appropriation_create(actor=request.user, **form.cleaned_data),
        done=_("Määräraha kirjattiin."),
        then=lambda appropriation: redirect("finance:appropriation_detail", id=appropriation.pk),
        title=_("Uusi määräraha"),
        submit=_("Kirjaa määräraha"),
        back=_url("finance:dashboard"),
    )


@login_required
def appropriation_detail(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """Drill-down: the decisions, every commitment and every ledger entry."""
    request.user.permissions.require("view_finance")
    appropriation = selectors.appropriation_get_for_actor(actor=request.user, id=id)
    return render(
        request,
        "finance/appropriation_detail.html",
        context(
            request,
            appropriation=appropriation,
            balance=selectors.balances(appropriation),
            decisions=selectors.appropriation_decision_list(appropriation=appropriation),
            commitments=selectors.commitment_list(actor=request.user, appropriation=appropriation),
            entries=selectors.ledger_entry_list(actor=request.user, appropriation=appropriation),
        ),
    )


@login_required
def appropriation_amend(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("manage_finance")
    appropriation = selectors.appropriation_get_for_actor(actor=request.user, id=id)
    form = forms.AmendmentForm(posted(request), initial={"decided_on": timezone.localdate()})
    return form_page(
        request,
        form,
        lambda: services.appropriation_amend(
            actor=request.user, appropriation=appropriation, **form.cleaned_data
        ),
        done=_("Muutospäätös kirjattiin."),
        then=lambda _result: redirect("finance:appropriation_detail", id=appropriation.pk),
        title=_("Määrärahan muutos: %(name)s") % {"name": appropriation},
        submit=_("Kirjaa muutos"),
        back=_url("finance:appropriation_detail", id=appropriation.pk),
        subject=appropriation,
        balance=selectors.balances(appropriation),
    )


@login_required
def commitment_create(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("manage_finance")
    appropriation = selectors.appropriation_get_for_actor(actor=request.user, id=id)
    form = forms.CommitmentForm(posted(request))
    return form_page(
        request,
        form,
        lambda: services.commitment_create(
            actor=request.user, appropriation=appropriation, **form.cleaned_data
        ),
        done=_("Sitoumus kirjattiin."),
        then=lambda commitment: redirect("finance:commitment_detail", id=commitment.pk),
        title=_("Uusi sitoumus: %(name)s") % {"name": appropriation},
        submit=_("Kirjaa sitoumus"),
        back=_url("finance:appropriation_detail", id=appropriation.pk),
        subject=appropriation,
        balance=selectors.balances(appropriation),
    )


@login_required
def commitment_detail(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("view_finance")
    commitment = selectors.commitment_get_for_actor(actor=request.user, id=id)
    return render(
        request,
        "finance/commitment_detail.html",
        context(
            request,
            commitment=commitment,
            entries=selectors.ledger_entry_list(actor=request.user, commitment=commitment),
        ),
    )


def _commitment_form_page(
    request: AuthenticatedHttpRequest,
    id: int,
    *,
    form_class: type,
    action: object,
    title: str,
    submit: str,
    done: str,
) -> HttpResponse:
    request.user.permissions.require("manage_finance")
    commitment = selectors.commitment_get_for_actor(actor=request.user, id=id)
    form = form_class(posted(request))
    return form_page(
        request,
        form,
        lambda: action(  # type: ignore[operator]
            actor=request.user, commitment=commitment, **form.cleaned_data
        ),
        done=done,
        then=lambda _result: redirect("finance:commitment_detail", id=commitment.pk),
        title=title % {"name": commitment.description},
        submit=submit,
        back=_url("finance:commitment_detail", id=commitment.pk),
        commitment=commitment,
    )


@login_required
def payment_create(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    return _commitment_form_page(
        request,
        id,
        form_class=forms.PaymentForm,
        action=services.payment_record,
        title=_("Maksu: %(name)s"),
        submit=_("Kirjaa maksu"),
        done=_("Maksu kirjattiin."),
    )


@login_required
def commitment_release(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    return _commitment_form_page(
        request,
        id,
        form_class=forms.ReleaseForm,
        action=services.commitment_release,
        title=_("Sitoumuksen vapautus: %(name)s"),
        submit=_("Vapauta"),
        done=_("Käyttämätön osa vapautettiin."),
    )


@login_required
def payment_recover(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    return _commitment_form_page(
        request,
        id,
        form_class=forms.RecoveryForm,
        action=services.payment_recover,
        title=_("Takaisinperintä: %(name)s"),
        submit=_("Kirjaa takaisinperintä"),
        done=_("Takaisinperintä kirjattiin."),
    )


@login_required
def entry_reverse(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """Correct an entry with a reversing one (the original stays in the ledger)."""
    request.user.permissions.require("manage_finance")
    entry: LedgerEntry = selectors.ledger_entry_get_for_actor(actor=request.user, id=id)
    form = forms.ReverseForm(posted(request))
    return form_page(
        request,
        form,
        lambda: services.ledger_entry_reverse(
            actor=request.user, entry=entry, description=form.cleaned_data["description"]
        ),
        done=_("Kirjaus oikaistiin."),
        then=lambda _result: redirect("finance:commitment_detail", id=entry.commitment_id),
        title=_("Kirjauksen oikaisu: %(entry)s") % {"entry": entry},
        submit=_("Oikaise kirjaus"),
        back=_url("finance:commitment_detail", id=entry.commitment_id),
        entry=entry,
    )
