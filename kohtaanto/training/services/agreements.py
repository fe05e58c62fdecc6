"""Procurement agreements (Procurement Act 1397/2016): legal basis, period, ceiling, status.

Agreements of one provider never overlap in time (ended ones aside); the provider row is
locked while checking.
"""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.common.validators import service_text
from kohtaanto.training.models import Agreement, ContractType, LegalBasis, Provider
from kohtaanto.training.services.common import (
    AmountInput,
    amount_parse,
    day_text,
    optional_amount_parse,
)


def _check_no_overlap(
    provider: Provider, starts_on: date, ends_on: date, *, exclude: int | None = None
) -> None:
    """Agreements of one provider that have not ended never overlap (the provider row is
    locked while checking, so two overlapping agreements cannot be saved side by side)."""
    Provider.objects.select_for_update().get(pk=provider.pk)
    others = Agreement.objects.filter(
        provider=provider, starts_on__lte=ends_on, ends_on__gte=starts_on
    ).exclude(status=Agreement.Status.ENDED)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    overlapping = others.first()
    if overlapping is not None:
        raise ConflictError(
            _(
                "Sopimus menisi päällekkäin järjestäjän %(provider)s sopimuksen "
                "”%(other)s” (%(start)s–%(end)s) kanssa."
            )
            % {
                "provider": provider.name,
                "other": overlapping.title,
                "start": day_text(overlapping.starts_on),
                "end": day_text(overlapping.ends_on),
            },
            code="overlap",
        )


def _check_basis(
    provider: Provider, legal_basis: str, contract_type: str, direct_award_ground: str
) -> str:
    """The legal basis and the contract type are known ones, a direct award has its ground and
    an in-house award goes to an in-house entity (§ 15); returns the ground, cleaned."""
    if legal_basis not in LegalBasis.values:
        raise DomainError(
            _("Tuntematon hankintaperuste %(basis)s. Sallitut: %(allowed)s.")
            % {"basis": legal_basis, "allowed": ", ".join(LegalBasis.values)}
        )
    if contract_type not in ContractType.values:
        raise DomainError(_("Tuntematon hankintalaji %(type)s.") % {"type": contract_type})
    ground = service_text(
        direct_award_ground, field=_("Suorahankinnan peruste"), max_length=300, required=False
    )
    if legal_basis == LegalBasis.DIRECT_AWARD and not ground:
        raise DomainError(
            _(
                "Suorahankinnalle on kirjattava peruste (hankintalaki 1397/2016, 40–41 § tai "
                "110 §)."
            ),
            code="direct_award_ground",
        )
    if legal_basis == LegalBasis.IN_HOUSE and not provider.in_house:
        raise DomainError(
            _(
                "Sidosyksikköhankinta (hankintalaki 1397/2016, 15 §) on mahdollinen vain "
                "sidosyksiköltä; %(provider)s ei ole merkitty sidosyksiköksi."
            )
            % {"provider": provider.name},
            code="not_in_house",
        )
    return ground


@transaction.atomic
def agreement_create(
    *,
    actor: User,
    provider: Provider,
    title: str,
    legal_basis: str,
    starts_on: date,
    ends_on: date,
    ceiling: AmountInput,
    contract_type: str = ContractType.SPECIFIC_SERVICES,
    direct_award_ground: str = "",
    reference: str = "",
    price_per_student_day: AmountInput | None = None,
    price_per_group: AmountInput | None = None,
    price_per_service_hour: AmountInput | None = None,
    options: str = "",
) -> Agreement:
    """Record a procurement agreement with its legal basis under the Procurement Act 1397/2016.

    Refuses: an unknown basis; a direct award without its ground; an in-house award to a
    provider not marked as an in-house entity (§ 15); a period that ends before it starts; an
    agreement overlapping another of the same provider that has not ended.
    """
    actor.permissions.require("manage_training")
    actor.permissions.require("view_provider", provider)
    ground = _check_basis(provider, legal_basis, contract_type, direct_award_ground)
    if ends_on < starts_on:
        raise DomainError(
            _("Sopimuskausi päättyy (%(end)s) ennen alkamistaan (%(start)s).")
            % {"end": day_text(ends_on), "start": day_text(starts_on)}
        )
    _check_no_overlap(provider, starts_on, ends_on)
    agreement = Agreement.objects.create(
        provider=provider,
        title=service_text(title, field=_("Nimi"), max_length=200),
        reference=service_text(reference, field=_("Diaarinumero"), max_length=100, required=False),
        legal_basis=legal_basis,
        direct_award_ground=ground,
        contract_type=contract_type,
        starts_on=starts_on,
        ends_on=ends_on,
        ceiling=amount_parse(ceiling, label=_("Enimmäismäärä"), field="ceiling"),
        price_per_student_day=optional_amount_parse(
            price_per_student_day, label=_("Hinta / opiskelijapäivä"), field="price_per_student_day"
        ),
        price_per_group=optional_amount_parse(
            price_per_group, label=_("Hinta / ryhmä"), field="price_per_group"
        ),
        price_per_service_hour=optional_amount_parse(
            price_per_service_hour, label=_("Hinta / palvelutunti"), field="price_per_service_hour"
        ),
        options=options.strip(),
    )
    audit_event_record(
        actor=actor,
        action="training_agreement.create",
        target=agreement,
        changes={
            "provider": [None, provider.name],
            "legal_basis": [None, legal_basis],
            "ceiling": [None, str(agreement.ceiling)],
            "period": [None, f"{starts_on}–{ends_on}"],
        },
    )
    return agreement


@transaction.atomic
def agreement_status_set(*, actor: User, agreement: Agreement, status: str) -> Agreement:
    """Draft, active or ended. Only an active agreement takes orders; an ended one may be
    reopened only if it overlaps no other agreement of the provider that has not ended."""
    actor.permissions.require("manage_training")
    actor.permissions.require("view_provider", agreement.provider)
    if status not in Agreement.Status.values:
        raise DomainError(_("Tuntematon tila %(status)s.") % {"status": status})
    agreement = (
        Agreement.objects.select_for_update().select_related("provider").get(pk=agreement.pk)
    )
    if status != Agreement.Status.ENDED and agreement.status == Agreement.Status.ENDED:
        _check_no_overlap(
            agreement.provider, agreement.starts_on, agreement.ends_on, exclude=agreement.pk
        )
    old = agreement.status
    agreement.status = status
    agreement.save(update_fields=["status", "updated_at"])
    audit_event_record(
        actor=actor,
        action="training_agreement.status",
        target=agreement,
        changes={"status": [old, status]},
    )
    return agreement
