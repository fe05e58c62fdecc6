"""Grant applications: receiving, checking and correcting them before the decision.

Invariants:

* An application is checked against the scheme's rule in force on the employment's first day
  and, for de minimis schemes, against the company's aid over the rolling period.
* Only a waiting application can be changed; its place in a first-come queue is kept."""

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record, diff
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.employers.models import Company
from kohtaanto.finance import selectors
from kohtaanto.finance.eligibility import (
    Evaluation,
    Inputs,
    RuleTerms,
    de_minimis_position,
    evaluate,
)
from kohtaanto.finance.models import ApplicationLink, GrantApplication, GrantScheme
from kohtaanto.finance.services.ledger import require_area


@dataclass
class ApplicationData:
    """The inputs an employer or an advisor gives in an application."""

    category: str
    employee_first_name: str
    employee_last_name: str
    employee_birth_date: date
    job_title: str
    start_date: date
    end_date: date
    weekly_hours: Decimal
    monthly_pay_costs: Decimal
    contact_name: str
    contact_email: str
    contact_phone: str = ""
    reduced_work_capacity: bool = False
    non_business_association: bool = False
    unemployment_periods: list[tuple[date, date | None]] = field(default_factory=list)
    # (granted_on, amount, grantor)
    other_de_minimis: list[tuple[date, Decimal, str]] = field(default_factory=list)
    de_minimis_declared: bool = False
    full_time_weekly_hours: Decimal | None = None
    basic_education_only: bool = False
    employer_kind: str = "company"
    linked_business_ids: list[str] = field(default_factory=list)
    language: str = "fi"

    def model_values(self) -> dict[str, Any]:
        values = asdict(self)
        values["unemployment_periods"] = [
            [start.isoformat(), end.isoformat() if end else None]
            for start, end in self.unemployment_periods
        ]
        values["other_de_minimis"] = [
            {"granted_on": d.isoformat(), "amount": f"{a:.2f}", "grantor": g}
            for d, a, g in self.other_de_minimis
        ]
        return values


def _inputs(application: GrantApplication) -> Inputs:
    return Inputs(
        birth_date=application.employee_birth_date,
        start_date=application.start_date,
        end_date=application.end_date,
        weekly_hours=Decimal(application.weekly_hours),
        monthly_pay_costs=Decimal(application.monthly_pay_costs),
        reduced_work_capacity=application.reduced_work_capacity,
        non_business_association=application.non_business_association,
        unemployment_periods=tuple(
            (date.fromisoformat(s), date.fromisoformat(e) if e else None)
            for s, e in application.unemployment_periods
        ),
        full_time_weekly_hours=(
            Decimal(application.full_time_weekly_hours)
            if application.full_time_weekly_hours is not None
            else None
        ),
        basic_education_only=application.basic_education_only,
        employer_kind=application.employer_kind,
    )


def _declared_aid(application: GrantApplication) -> list[tuple[date, Decimal]]:
    return [
        (date.fromisoformat(row["granted_on"]), Decimal(row["amount"]))
        for row in application.other_de_minimis
    ]


@dataclass
class Assessment:
    """An application checked today: the rule terms, the evaluation and the de minimis
    position (for de minimis schemes)."""

    terms: RuleTerms | None
    evaluation: Evaluation
    de_minimis: dict[str, Any] | None


def grant_application_assess(
    application: GrantApplication, *, requested: Decimal | None = None, on: date | None = None
) -> Assessment:
    """Check an application against the rules in force; `requested` defaults to the maximum."""
    scheme = application.scheme
    rule = selectors.scheme_rule_for(
        scheme=scheme, category=application.category, on=application.start_date
    )
    terms = RuleTerms.from_rule(rule) if rule else None
    evaluation = evaluate(
        terms,
        _inputs(application),
        scheme_starts_on=scheme.starts_on,
        scheme_ends_on=scheme.ends_on,
    )
    position_json = None
    if scheme.de_minimis:
        grant_date = on or timezone.localdate()
        amount = evaluation.maximum if requested is None else requested
        if not application.de_minimis_declared:
            evaluation.reasons.append({"code": "de_minimis_declaration_missing", "params": {}})
        ceiling = selectors.de_minimis_ceiling_on(grant_date)
        if ceiling is None:
            evaluation.reasons.append(
                {
                    "code": "de_minimis_ceiling_missing",
                    "params": {"grant_date": grant_date.isoformat()},
                }
            )
        else:
            position = de_minimis_position(
                ceiling=ceiling.ceiling,
                period_years=ceiling.period_years,
                grant_date=grant_date,
                own_aid=selectors.de_minimis_own_aid(
                    business_id=application.company.business_id,
                    linked_business_ids=application.linked_business_ids,
                ),
                declared_aid=_declared_aid(application),
                requested=amount,
            )
            position_json = {**position.to_json(), "source": ceiling.source}
            if position.exceeds:
                evaluation.reasons.append(
                    {
                        "code": "de_minimis_ceiling_exceeded",
                        "params": {
                            "ceiling_eur": str(position.ceiling),
                            "years": position.period_years,
                            "window_start_date": position.window_start.isoformat(),
                            "grant_date": grant_date.isoformat(),
                            "earlier_eur": str(position.own_aid + position.declared_aid),
                            "requested_eur": str(amount),
                            "room_eur": str(position.room),
                        },
                    }
                )
        evaluation.eligible = not evaluation.reasons
    return Assessment(terms=terms, evaluation=evaluation, de_minimis=position_json)


def _store_assessment(application: GrantApplication) -> Assessment:
    assessment = grant_application_assess(application)
    application.eligible = assessment.evaluation.eligible
    application.maximum_amount = assessment.evaluation.maximum
    application.evaluation = {
        **assessment.evaluation.to_json(),
        "rule": assessment.terms.to_json() if assessment.terms else None,
        "de_minimis": assessment.de_minimis,
    }
    return assessment


def _check_category(scheme: GrantScheme, category: str) -> None:
    if category not in dict(selectors.scheme_categories(scheme=scheme)):
        raise DomainError(
            _("Tukiperuste %(category)s ei kuulu avustusohjelmaan %(scheme)s.")
            % {"category": category, "scheme": scheme.name}
        )


@transaction.atomic
def grant_application_submit(
    *,
    actor: User | None,
    scheme: GrantScheme,
    company: Company,
    data: ApplicationData,
    channel: str,
    application_link: ApplicationLink | None = None,
) -> GrantApplication:
    """Receive an application (from the employer's link, actor None, or an advisor).

    Its received time sets its place in a first-come scheme. One entered by staff is checked
    at once; one from a link claims nothing of the envelope until staff have checked it
    (services.links.grant_application_check). The eligibility check and the maximum are
    stored for the lists; the decision checks again.
    """
    require_area(actor, scheme.employment_area_id)
    if company.employment_area_id != scheme.employment_area_id:
        raise DomainError(_("Yritys ei kuulu avustusohjelman työllisyysalueelle."))
    if not scheme.is_active:
        raise ConflictError(_("Avustusohjelma ei ota vastaan hakemuksia."))
    _check_category(scheme, data.category)
    staff = actor if actor is not None and actor.is_authenticated else None
    application = GrantApplication(
        employment_area_id=scheme.employment_area_id,
        scheme=scheme,
        company=company,
        channel=channel,
        received_at=timezone.now(),
        entered_by=staff,
        checked_at=timezone.now() if staff is not None else None,
        checked_by=staff,
        application_link=application_link,
        **data.model_values(),
    )
    _store_assessment(application)
    application.save()
    audit_event_record(
        actor=actor,
        action="grant_application.submit",
        target=application,
        target_repr=f"{scheme.code} {company.business_id}",
        changes={
            "channel": [None, channel],
            "eligible": [None, application.eligible],
            "maximum_amount": [None, str(application.maximum_amount)],
        },
    )
    return application


def _require_waiting(application: GrantApplication) -> None:
    if application.status != GrantApplication.Status.RECEIVED:
        raise ConflictError(_("Hakemuksesta on jo tehty päätös; sen tiedot on lukittu."))


@transaction.atomic
def grant_application_update(
    *, actor: User, application: GrantApplication, data: ApplicationData
) -> GrantApplication:
    """Complete or correct a waiting application; its place in the queue is kept."""
    require_area(actor, application.employment_area_id)
    locked = (
        GrantApplication.objects.select_for_update()
        .select_related("scheme", "company")
        .get(pk=application.pk)
    )
    _require_waiting(locked)
    _check_category(locked.scheme, data.category)
    values = data.model_values()
    before = {k: getattr(locked, k) for k in values}
    for name, value in values.items():
        setattr(locked, name, value)
    _store_assessment(locked)
    locked.save()
    audit_event_record(
        actor=actor,
        action="grant_application.update",
        target=locked,
        target_repr=f"{locked.scheme.code} {locked.company.business_id}",
        changes=diff(before, values),
    )
    return locked
