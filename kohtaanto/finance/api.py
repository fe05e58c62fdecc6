"""Finance API: appropriations, commitments, payments and releases; grant schemes.

Amounts are decimal strings ("10000.00") both ways. Reading needs `view_finance`
(coordinator, finance, auditor), writing `manage_finance` (coordinator, finance). Objects of
another employment area answer 404 like missing ones; a refusal for lack of money is a 409
whose `detail` states the shortfall.
"""

from datetime import date
from typing import Any

from django.utils import timezone
from ninja import Router, Schema, Status
from pydantic import StrictFloat, StrictInt, StrictStr

from kohtaanto.common.money import api_amount
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.finance import selectors, services
from kohtaanto.finance.models import Appropriation, Commitment, LedgerEntry

router = Router(tags=["finance"])

# Strict: a JSON true is not 1 €. Floats pass through to be refused with a clear message.
Amount = StrictStr | StrictInt | StrictFloat


class BudgetLineOut(Schema):
    code: str
    name: str


class AppropriationIn(Schema):
    year: int
    line: str
    name: str
    amount: Amount
    decided_by: str = ""
    decided_on: date | None = None
    reference: str = ""


class AppropriationOut(Schema):
    id: int
    year: int
    line: str
    line_name: str
    name: str
    amount: str
    committed: str
    paid: str
    unpaid: str
    available: str


class AmendmentIn(Schema):
    amount: Amount
    decided_by: str = ""
    decided_on: date | None = None
    reference: str = ""
    note: str = ""


class DecisionOut(Schema):
    id: int
    kind: str
    amount: str
    decided_by: str
    decided_on: date
    reference: str


class CommitmentIn(Schema):
    amount: Amount
    description: str
    source_type: str = "manual"
    source_id: str = ""
    booked_on: date | None = None


class CommitmentOut(Schema):
    id: int
    appropriation: int
    description: str
    source_type: str
    source_id: str
    committed: str
    paid: str
    unpaid: str


class MovementIn(Schema):
    amount: Amount
    booked_on: date | None = None
    reference: str = ""
    description: str = ""


class ReleaseIn(Schema):
    reason: str = "cancellation"
    amount: Amount | None = None
    booked_on: date | None = None
    description: str = ""


class EntryOut(Schema):
    id: int
    appropriation: int
    commitment: int
    kind: str
    amount: str
    committed_delta: str
    paid_delta: str
    booked_on: date
    reason: str
    reference: str
    description: str
    reverses: int | None


class GrantSchemeOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    line: str
    envelope: str
    committed: str
    free: str
    first_come: bool
    de_minimis: bool
    legal_basis: str


def _appropriation_out(appropriation: Appropriation) -> dict[str, Any]:
    balance = selectors.balances(appropriation)
    return {
        "id": appropriation.pk,
        "year": appropriation.year,
        "line": appropriation.line.code,
        "line_name": appropriation.line.name,
        "name": appropriation.name,
        "amount": api_amount(balance.amount),
        "committed": api_amount(balance.committed),
        "paid": api_amount(balance.paid),
        "unpaid": api_amount(balance.unpaid),
        "available": api_amount(balance.available),
    }


def _commitment_out(commitment: Commitment) -> dict[str, Any]:
    return {
        "id": commitment.pk,
        "appropriation": commitment.appropriation_id,
        "description": commitment.description,
        "source_type": commitment.source_type,
        "source_id": commitment.source_id,
        "committed": api_amount(commitment.committed),
        "paid": api_amount(commitment.paid),
        "unpaid": api_amount(commitment.unpaid),
    }


def _entry_out(entry: LedgerEntry) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "appropriation": entry.appropriation_id,
        "commitment": entry.commitment_id,
        "kind": entry.kind,
        "amount": api_amount(entry.amount),
        "committed_delta": api_amount(entry.committed_delta),
        "paid_delta": api_amount(entry.paid_delta),
        "booked_on": entry.booked_on,
        "reason": entry.reason,
        "reference": entry.reference,
        "description": entry.description,
        "reverses": entry.reverses_id,
    }


def _decided_by(request: AuthenticatedHttpRequest, given: str) -> str:
    return given.strip() or request.user.display_name


@router.get("/budget-lines", response=list[BudgetLineOut])
def budget_lines(request: AuthenticatedHttpRequest) -> list[dict[str, Any]]:
    """The budget lines of the user's employment area."""
    request.user.permissions.require("view_finance")
    return [
        {"code": line.code, "name": line.name}
        for line in selectors.budget_line_list(actor=request.user)
    ]


@router.get("/appropriations", response=list[AppropriationOut])
def appropriation_list(request: AuthenticatedHttpRequest, year: int | None = None) -> list[Any]:
    """Appropriations with balances derived from the ledger, optionally of one year."""
    request.user.permissions.require("view_finance")
    return [
        _appropriation_out(a) for a in selectors.appropriation_list(actor=request.user, year=year)
    ]


@router.post("/appropriations", response={201: AppropriationOut})
def appropriation_create(
    request: AuthenticatedHttpRequest, payload: AppropriationIn
) -> Status[dict[str, Any]]:
    """Enter an appropriation and the decision that reserved it. `line` is a budget line code
    ("services", "grants" or one the area has added); an unknown code is refused (400)."""
    request.user.permissions.require("manage_finance")
    appropriation = services.appropriation_create(
        actor=request.user,
        year=payload.year,
        line=selectors.budget_line_by_code(actor=request.user, code=payload.line),
        name=payload.name,
        amount=payload.amount,
        decided_by=_decided_by(request, payload.decided_by),
        decided_on=payload.decided_on or timezone.localdate(),
        reference=payload.reference,
    )
    return Status(
        201,
        _appropriation_out(
            selectors.appropriation_get_for_actor(actor=request.user, id=appropriation.pk)
        ),
    )


@router.get("/appropriations/{id}", response=AppropriationOut)
def appropriation_detail(request: AuthenticatedHttpRequest, id: int) -> dict[str, Any]:
    request.user.permissions.require("view_finance")
    return _appropriation_out(selectors.appropriation_get_for_actor(actor=request.user, id=id))


@router.post("/appropriations/{id}/amendments", response={201: DecisionOut})
def appropriation_amend(
    request: AuthenticatedHttpRequest, id: int, payload: AmendmentIn
) -> Status[dict[str, Any]]:
    """Raise (positive amount) or cut (negative) the appropriation by a new decision."""
    request.user.permissions.require("manage_finance")
    appropriation = selectors.appropriation_get_for_actor(actor=request.user, id=id)
    decision = services.appropriation_amend(
        actor=request.user,
        appropriation=appropriation,
        amount=payload.amount,
        decided_by=_decided_by(request, payload.decided_by),
        decided_on=payload.decided_on or timezone.localdate(),
        reference=payload.reference,
        note=payload.note,
    )
    return Status(
        201,
        {
            "id": decision.pk,
            "kind": decision.kind,
            "amount": api_amount(decision.amount),
            "decided_by": decision.decided_by,
            "decided_on": decision.decided_on,
            "reference": decision.reference,
        },
    )


@router.get("/appropriations/{id}/entries", response=list[EntryOut])
def appropriation_entries(request: AuthenticatedHttpRequest, id: int) -> list[dict[str, Any]]:
    """Every ledger entry of the appropriation, oldest first."""
    request.user.permissions.require("view_finance")
    appropriation = selectors.appropriation_get_for_actor(actor=request.user, id=id)
    return [
        _entry_out(e)
        for e in selectors.ledger_entry_list(actor=request.user, appropriation=appropriation)
    ]


@router.post("/appropriations/{id}/commitments", response={201: CommitmentOut})
def commitment_create(
    request: AuthenticatedHttpRequest, id: int, payload: CommitmentIn
) -> Status[dict[str, Any]]:
    """Commit money; 409 with the shortfall when the appropriation has too little left."""
    request.user.permissions.require("manage_finance")
    appropriation = selectors.appropriation_get_for_actor(actor=request.user, id=id)
    commitment = services.commitment_create(
        actor=request.user,
        appropriation=appropriation,
        amount=payload.amount,
        description=payload.description,
        source_type=payload.source_type,
        source_id=payload.source_id,
        booked_on=payload.booked_on,
    )
    return Status(201, _commitment_out(commitment))


@router.get("/commitments/{id}", response=CommitmentOut)
def commitment_detail(request: AuthenticatedHttpRequest, id: int) -> dict[str, Any]:
    request.user.permissions.require("view_finance")
    return _commitment_out(selectors.commitment_get_for_actor(actor=request.user, id=id))


@router.post("/commitments/{id}/payments", response={201: EntryOut})
def payment_create(
    request: AuthenticatedHttpRequest, id: int, payload: MovementIn
) -> Status[dict[str, Any]]:
    """Pay against a commitment; 409 when the payment exceeds its unpaid part."""
    request.user.permissions.require("manage_finance")
    commitment = selectors.commitment_get_for_actor(actor=request.user, id=id)
    entry = services.payment_record(
        actor=request.user,
        commitment=commitment,
        amount=payload.amount,
        booked_on=payload.booked_on,
        reference=payload.reference,
        description=payload.description,
    )
    return Status(201, _entry_out(entry))


@router.post("/commitments/{id}/releases", response={201: EntryOut})
def commitment_release(
    request: AuthenticatedHttpRequest, id: int, payload: ReleaseIn
) -> Status[dict[str, Any]]:
    """Release the unpaid part (or `amount` of it): reason cancellation, completed or
    year_end."""
    request.user.permissions.require("manage_finance")
    commitment = selectors.commitment_get_for_actor(actor=request.user, id=id)
    entry = services.commitment_release(
        actor=request.user,
        commitment=commitment,
        reason=payload.reason,
        amount=payload.amount,
        booked_on=payload.booked_on,
        description=payload.description,
    )
    return Status(201, _entry_out(entry))


@router.get("/grant-schemes", response=list[GrantSchemeOut])
def grant_schemes(request: AuthenticatedHttpRequest) -> list[dict[str, Any]]:
    """Grant schemes with their envelope and how much of it is committed."""
    request.user.permissions.require("view_finance")
    return [
        {
            "id": s.pk,
            "code": s.code,
            "name": s.name,
            "kind": s.kind,
            "line": s.line.code,
            "envelope": api_amount(s.envelope),
            "committed": api_amount(s.committed),
            "free": api_amount(s.envelope_free),
            "first_come": s.first_come,
            "de_minimis": s.de_minimis,
            "legal_basis": s.legal_basis,
        }
        for s in selectors.grant_scheme_list(actor=request.user)
    ]
