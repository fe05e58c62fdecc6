"""Writes of payment claims: draft, submit, correct, the funder's decision; and the log of
participant exports."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import access_log_record_many, audit_event_record, diff
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.programme import budget as money
from kohtaanto.programme import selectors
from kohtaanto.programme.models import (
    CostReport,
    FinancingPlan,
    PaymentDecision,
    PaymentPeriod,
    StaffRateBasis,
)
from kohtaanto.programme.services.common import (
    require_administered,
)


def participant_export_log(*, actor: User, export: Any, fmt: str, path: str = "") -> None:
    """Log a participant-level export: one access-log row per person in it (one INSERT; the
    identity code named when it was included) and one audit event with the period, the
    format and the number of rows."""
    what = "esf_participant_export"
    if export.with_identity_code:
        what += "+identity_code"
    from kohtaanto.jobseekers.models import JobSeeker

    access_log_record_many(
        actor=actor,
        subject_type=JobSeeker,
        subject_ids=set(export.job_seeker_ids),
        what=what,
        reason=f"{export.operation.code} {export.start}–{export.end} {fmt}",
        path=path,
    )
    audit_event_record(
        actor=actor,
        action="programme.participants.export",
        target=export.operation,
        changes={
            "period": [None, f"{export.start.isoformat()}–{export.end.isoformat()}"],
            "format": [None, fmt],
            "rows": [None, len(export.rows)],
            "identity_code": [None, export.with_identity_code],
        },
    )


@transaction.atomic
def cost_report_create(*, actor: User, period: PaymentPeriod) -> CostReport:
    """Open the first version of a period's cost report (maksatushakemus) as a draft.

    Invariants: one report chain per period; a later version only through a correction."""
    require_administered(period.operation)
    period = PaymentPeriod.objects.select_for_update().get(pk=period.pk)
    if period.cost_reports.exists():
        raise ConflictError(
            _("Kaudelle on jo maksatushakemus. Muokkaa luonnosta tai tee korjausversio.")
        )
    report = CostReport.objects.create(period=period, version=1, created_by=actor)
    audit_event_record(
        actor=actor,
        action="programme.cost_report.create",
        target=report,
        changes={"version": [None, 1]},
    )
    return report


def _lock_draft(report: CostReport) -> CostReport:
    report = (
        CostReport.objects.select_for_update().select_related("period__operation").get(pk=report.pk)
    )
    if report.is_locked:
        raise ConflictError(_("Lähetettyä maksatushakemusta ei voi muuttaa. Tee korjausversio."))
    return report


@transaction.atomic
def cost_report_update(*, actor: User, report: CostReport, narrative: str) -> CostReport:
    """Change a draft's progress narrative; a submitted report is locked."""
    report = _lock_draft(report)
    old = report.narrative
    report.narrative = narrative
    report.save(update_fields=["narrative"])
    audit_event_record(
        actor=actor,
        action="programme.cost_report.update",
        target=report,
        changes=diff({"narrative": old}, {"narrative": narrative}),
    )
    return report


@transaction.atomic
def cost_report_submit(*, actor: User, report: CostReport) -> CostReport:
    """Submit a draft: its figures are frozen and the report is locked.

    Refused while the data-quality report of the operation's participants (entered by the
    period's end) lists any problem, and when the progress narrative is empty."""
    report = _lock_draft(report)
    if not report.narrative.strip():
        raise DomainError(_("Kirjoita edistymisen kuvaus ennen lähettämistä."), code="invalid")
    quality = selectors.data_quality_report(
        operation=report.period.operation, until=report.period.end_date
    )
    if not quality.is_empty:
        raise DomainError(
            _(
                "Maksatushakemusta ei voi lähettää: osallistujatiedoissa on %(count)s puutetta "
                "tai ristiriitaa. Korjaa ne ensin: %(problems)s"
            )
            % {"count": quality.problem_count, "problems": "; ".join(quality.summary_lines())},
            code="data_quality",
        )
    figures = selectors.cost_report_figures(report)
    # The rate bases this claim used are frozen: a later change makes a new version.
    used = Q(pk__in=[])
    for line in figures["staff"]:
        if line.get("rate_basis_version"):
            used |= Q(position_id=line["position_id"], version=line["rate_basis_version"])
    StaffRateBasis.objects.filter(used, frozen_at__isnull=True).update(frozen_at=timezone.now())
    report.figures = figures
    report.status = CostReport.Status.SUBMITTED
    report.submitted_by = actor
    report.submitted_at = timezone.now()
    report.save(update_fields=["figures", "status", "submitted_by", "submitted_at"])
    audit_event_record(
        actor=actor,
        action="programme.cost_report.submit",
        target=report,
        changes={
            "status": [CostReport.Status.DRAFT, CostReport.Status.SUBMITTED],
            "total": [None, figures["total"]],
        },
    )
    return report


@transaction.atomic
def cost_report_correct(*, actor: User, report: CostReport) -> CostReport:
    """Open a correction: a new draft version that references the submitted one, which
    stays as it was sent."""
    report = CostReport.objects.select_for_update().get(pk=report.pk)
    if not report.is_locked:
        raise ConflictError(_("Vain lähetetyn maksatushakemuksen voi korjata."))
    if CostReport.objects.filter(previous=report).exists():
        raise ConflictError(_("Tästä versiosta on jo korjausversio."))
    correction = CostReport.objects.create(
        period_id=report.period_id,
        version=report.version + 1,
        previous=report,
        narrative=report.narrative,
        created_by=actor,
    )
    audit_event_record(
        actor=actor,
        action="programme.cost_report.correct",
        target=correction,
        changes={"version": [report.version, correction.version]},
    )
    return correction


@transaction.atomic
def payment_decision_record(
    *,
    actor: User,
    report: CostReport,
    decided_on: date,
    accepted_staff_eur: Decimal,
    deduction_reason: str = "",
    accepted_participant_costs_eur: Decimal | None = None,
    paid_eur: Decimal = money.ZERO,
    paid_on: date | None = None,
) -> PaymentDecision:
    """Record the funder's decision on a submitted claim.

    Invariants: the claim is submitted and decided once; accepted staff costs are between 0
    and the claimed staff costs, and any deduction names its reason; the flat rate is
    recomputed on the accepted staff costs at the claim's percentage (CPR (EU) 2021/1060
    Art. 56(1)); the funder's share is the accepted total × the financing plan's support
    rate; money paid is at most that share."""
    report = (
        CostReport.objects.select_for_update().select_related("period__operation").get(pk=report.pk)
    )
    if not report.is_locked:
        raise ConflictError(_("Päätöksen voi kirjata vain lähetetylle maksatushakemukselle."))
    if PaymentDecision.objects.filter(cost_report=report).exists():
        raise ConflictError(_("Maksatushakemukselle on jo kirjattu päätös."))
    plan = FinancingPlan.objects.filter(operation=report.period.operation).first()
    if plan is None:
        raise DomainError(
            _("Kirjaa ensin hankkeen rahoitussuunnitelma (tukiprosentti)."), code="no_plan"
        )
    figures = report.figures
    claimed_staff = Decimal(figures["staff_total"])
    claimed_participants = Decimal(figures.get("participant_costs", "0"))
    if not (money.ZERO <= accepted_staff_eur <= claimed_staff):
        raise DomainError(
            _("Hyväksytyt henkilöstökulut voivat olla 0–%(claimed)s €.")
            % {"claimed": money.format_amount(claimed_staff)},
            code="invalid",
        )
    participants = (
        claimed_participants
        if accepted_participant_costs_eur is None
        else accepted_participant_costs_eur
    )
    if not (money.ZERO <= participants <= claimed_participants):
        raise DomainError(_("Hyväksytyt osallistujakulut ylittävät haetun."), code="invalid")
    deducted = accepted_staff_eur < claimed_staff or participants < claimed_participants
    if deducted and not deduction_reason.strip():
        raise DomainError(_("Kerro vähennyksen peruste."), code="invalid")
    flat = money.flat_rate(accepted_staff_eur, Decimal(figures["flat_rate_percent"]))
    share = money.to_cents(
        (accepted_staff_eur + flat + participants) * plan.support_rate_percent / money.HUNDRED
    )
    if paid_eur < 0 or paid_eur > share:
        raise DomainError(
            _("Maksettu summa voi olla 0–%(share)s €.") % {"share": money.format_amount(share)},
            code="invalid",
        )
    decision = PaymentDecision.objects.create(
        cost_report=report,
        decided_on=decided_on,
        accepted_staff_eur=accepted_staff_eur,
        accepted_flat_rate_eur=flat,
        accepted_participant_costs_eur=participants,
        deduction_reason=deduction_reason.strip(),
        funder_share_eur=share,
        paid_eur=paid_eur,
        paid_on=paid_on,
        created_by=actor,
    )
    audit_event_record(
        actor=actor,
        action="programme.payment_decision.record",
        target=decision,
        changes={
            "accepted_staff_eur": [str(claimed_staff), str(accepted_staff_eur)],
            "accepted_flat_rate_eur": [figures["flat_rate"], str(flat)],
            "funder_share_eur": [None, str(share)],
            "paid_eur": [None, str(paid_eur)],
        },
    )
    return decision
