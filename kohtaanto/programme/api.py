"""Programme endpoints under /api/v1/programme/: indicators, budget, time records, cost
reports and the activity log, with the same permissions as the pages. Money is a decimal
string."""

from datetime import date
from decimal import Decimal

from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from kohtaanto.common.dates import FIRST_YEAR, LAST_YEAR
from kohtaanto.common.errors import NotFoundError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.common.validators import CleanText, PlainDecimal
from kohtaanto.programme import selectors, services
from kohtaanto.programme.models import ActivityEntry, CostReport, Operation, TimeRecord

router = Router(tags=["programme"])


def _operation(request: AuthenticatedHttpRequest, code: str | None) -> Operation:
    if code:
        return selectors.operation_get_by_code(actor=request.user, code=code)
    return selectors.operation_default_for_actor(actor=request.user)


# --- Indicators ---------------------------------------------------------------------------


class IndicatorOut(Schema):
    """A count, or "< 5" where it is suppressed for the caller's role (programme.disclosure)."""

    code: str
    name: str
    women: int | str | None
    men: int | str | None
    non_binary: int | str | None
    total: int | str


class IndicatorTableOut(Schema):
    operation: str
    start: date
    end: date
    indicators: list[IndicatorOut]


@router.get("/programme/indicators", response=IndicatorTableOut)
def indicators(
    request: AuthenticatedHttpRequest,
    start: date = Query(..., alias="from"),  # noqa: B008
    end: date = Query(..., alias="to"),  # noqa: B008
    operation: str | None = None,
) -> dict:
    """ESF+ common indicators (Regulation (EU) 2021/1057 Annex I) of [from, to]: outputs by
    entry date, immediate results by exit date, longer-term results by exit + 6 months.
    Counts 1–4 are "< 5" (with secondary suppression) and periods under a month are refused
    (400) for every role but the coordinator."""
    request.user.permissions.require("view_indicators")
    op = _operation(request, operation)
    records = selectors.indicator_records_for_actor(
        actor=request.user, operation=op, start=start, end=end
    )
    return {"operation": op.code, "start": start, "end": end, "indicators": records}


# --- Budget -------------------------------------------------------------------------------


class OperationOut(Schema):
    id: int
    code: str
    name: str
    fund: str
    funder: str
    start_date: date
    end_date: date
    administered_here: bool


class BudgetRowOut(Schema):
    label: str
    start: date
    end: date
    staff: Decimal
    flat_rate_percent: Decimal
    flat_rate: Decimal
    total: Decimal


class BudgetOut(Schema):
    operation: str
    by: str
    rows: list[BudgetRowOut]
    staff: Decimal
    flat_rate: Decimal
    total: Decimal
    small_operation_warning: bool


@router.get("/programme/operations", response=list[OperationOut])
def operations(request: AuthenticatedHttpRequest) -> list[Operation]:
    request.user.permissions.require("view_programme")
    return list(selectors.operation_list(actor=request.user))


@router.get("/programme/operations/{operation_id}/budget", response=BudgetOut)
def budget(request: AuthenticatedHttpRequest, operation_id: int, by: str = "year") -> dict:
    """The budget per calendar year (`by=year`) or payment period (`by=period`): the same
    figures as the budget page and `kohtaanto esf-budget`."""
    request.user.permissions.require("view_programme")
    if by not in ("year", "period"):
        raise HttpError(400, "by must be year or period.")
    op = selectors.operation_get_for_actor(actor=request.user, id=operation_id)
    result = selectors.budget_for_operation(operation=op, by=by)
    return {
        "operation": op.code,
        "by": by,
        "rows": [
            {
                "label": r.label,
                "start": r.start,
                "end": r.end,
                "staff": r.staff,
                "flat_rate_percent": r.flat_rate_percent,
                "flat_rate": r.flat_rate,
                "total": r.total,
            }
            for r in result.rows
        ],
        "staff": result.staff,
        "flat_rate": result.flat_rate,
        "total": result.total,
        "small_operation_warning": result.is_small_operation,
    }


# --- Time records -------------------------------------------------------------------------


class TimeRecordOut(Schema):
    id: int
    position_id: int
    staff_member: str
    operation: str
    span: str
    date: date
    hours: Decimal | None
    percentage: Decimal | None
    description: str


class TimeRecordIn(Schema):
    position_id: int
    span: str
    date: date
    hours: PlainDecimal | None = None
    percentage: PlainDecimal | None = None
    description: CleanText = ""


def _time_record_out(record: TimeRecord) -> dict:
    return {
        "id": record.pk,
        "position_id": record.position_id,
        "staff_member": record.position.staff_member.name,
        "operation": record.position.operation.code,
        "span": record.span,
        "date": record.date,
        "hours": record.hours,
        "percentage": record.percentage,
        "description": record.description,
    }


@router.get("/programme/time-records", response=list[TimeRecordOut])
def time_records(
    request: AuthenticatedHttpRequest,
    year: int = Query(..., ge=FIRST_YEAR, le=LAST_YEAR),
    staff_member: int | None = None,
) -> list[dict]:
    request.user.permissions.require("view_programme")
    return [
        _time_record_out(r)
        for r in selectors.time_record_list(
            actor=request.user, year=year, staff_member_id=staff_member
        )
    ]


@router.post("/programme/time-records", response={201: TimeRecordOut})
def time_record_create(request: AuthenticatedHttpRequest, payload: TimeRecordIn) -> Status[dict]:
    """Record hours (or a month's percentage); refused beyond 1 720 h a year per person."""
    request.user.permissions.require("record_time")
    position = selectors.staff_position_get_for_actor(actor=request.user, id=payload.position_id)
    record = services.time_record_create(
        actor=request.user,
        position=position,
        span=payload.span,
        day=payload.date,
        hours=payload.hours,
        percentage=payload.percentage,
        description=payload.description,
    )
    return Status(
        201, _time_record_out(selectors.time_record_get_for_actor(actor=request.user, id=record.pk))
    )


# --- Cost reports -------------------------------------------------------------------------


class CostReportOut(Schema):
    id: int
    operation: str
    period: int
    period_start: date
    period_end: date
    version: int
    previous_id: int | None
    status: str
    submitted_at: str | None


class CostReportDetailOut(CostReportOut):
    figures: dict


def _cost_report_out(report: CostReport) -> dict:
    return {
        "id": report.pk,
        "operation": report.period.operation.code,
        "period": report.period.number,
        "period_start": report.period.start_date,
        "period_end": report.period.end_date,
        "version": report.version,
        "previous_id": report.previous_id,
        "status": report.status,
        "submitted_at": report.submitted_at.isoformat() if report.submitted_at else None,
    }


@router.get("/programme/cost-reports", response=list[CostReportOut])
def cost_reports(request: AuthenticatedHttpRequest) -> list[dict]:
    request.user.permissions.require("view_programme")
    return [_cost_report_out(r) for r in selectors.cost_report_list(actor=request.user)]


@router.get("/programme/cost-reports/{report_id}", response=CostReportDetailOut)
def cost_report(request: AuthenticatedHttpRequest, report_id: int) -> dict:
    """A cost report with its figures (frozen once submitted)."""
    request.user.permissions.require("view_programme")
    report = selectors.cost_report_get_for_actor(actor=request.user, id=report_id)
    return {**_cost_report_out(report), "figures": selectors.cost_report_figures(report)}


# --- Activity log -------------------------------------------------------------------------


class ParticipantSchema(Schema):
    organisation_id: int | None = None  # None: the employment area itself
    name: str


class ActivityOut(Schema):
    id: int
    operation: str | None
    kind: str
    date: date
    title: str
    description: str
    participants: list[ParticipantSchema]
    company_ids: list[int]
    referral_from_id: int | None
    referral_to_id: int | None
    referred_count: int
    attachments: list[str]


class ActivityIn(Schema):
    operation_id: int | None = None
    kind: str
    date: date
    title: str
    description: str = ""
    participants: list[ParticipantSchema]
    company_ids: list[int] = []
    referral_from_id: int | None = None
    referral_to_id: int | None = None
    referred_count: int = 0


def _activity_out(entry: ActivityEntry) -> dict:
    return {
        "id": entry.pk,
        "operation": entry.operation.code if entry.operation else None,
        "kind": entry.kind,
        "date": entry.date,
        "title": entry.title,
        "description": entry.description,
        "participants": [
            {"organisation_id": p.organisation_id, "name": p.name} for p in entry.participants.all()
        ],
        "company_ids": [c.pk for c in entry.companies.all()],
        "referral_from_id": entry.referral_from_id,
        "referral_to_id": entry.referral_to_id,
        "referred_count": entry.referred_count,
        "attachments": [a.original_name for a in entry.attachments.all()],
    }


@router.get("/programme/activity", response=list[ActivityOut])
def activity(
    request: AuthenticatedHttpRequest,
    kind: str = "",
    start: date | None = Query(None, alias="from"),  # noqa: B008
    end: date | None = Query(None, alias="to"),  # noqa: B008
) -> list[dict]:
    """Shared activity entries; a partner user gets those their organisation took part in."""
    request.user.permissions.require("view_activity_log")
    return [
        _activity_out(e)
        for e in selectors.activity_list(actor=request.user, kind=kind, start=start, end=end)
    ]


@router.post("/programme/activity", response={201: ActivityOut})
def activity_create(request: AuthenticatedHttpRequest, payload: ActivityIn) -> Status[dict]:
    request.user.permissions.require("add_activity_entry")
    from kohtaanto.accounts.models import PartnerOrganisation
    from kohtaanto.employers.models import Company

    if payload.kind not in ActivityEntry.Kind.values:
        raise HttpError(400, f"kind must be one of {', '.join(ActivityEntry.Kind.values)}.")
    organisations = PartnerOrganisation.objects.in_bulk(
        {p.organisation_id for p in payload.participants if p.organisation_id}
        | {i for i in (payload.referral_from_id, payload.referral_to_id) if i}
    )

    def organisation(pk: int | None) -> PartnerOrganisation | None:
        if pk is None:
            return None
        if pk not in organisations:
            raise NotFoundError(f"organisation {pk} not found")
        return organisations[pk]

    companies = list(
        Company.objects.filter(
            pk__in=payload.company_ids, employment_area_id=request.user.employment_area_id
        )
    )
    if len(companies) != len(set(payload.company_ids)):
        raise NotFoundError("company not found")
    entry = services.activity_entry_create(
        actor=request.user,
        operation=(
            selectors.operation_get_for_actor(actor=request.user, id=payload.operation_id)
            if payload.operation_id
            else None
        ),
        kind=payload.kind,
        date=payload.date,
        title=payload.title,
        description=payload.description,
        companies=companies,
        participants=[
            services.ParticipantInput(organisation(p.organisation_id), p.name)
            for p in payload.participants
        ],
        referral_from=organisation(payload.referral_from_id),
        referral_to=organisation(payload.referral_to_id),
        referred_count=payload.referred_count,
    )
    return Status(
        201, _activity_out(selectors.activity_get_for_actor(actor=request.user, id=entry.pk))
    )
