"""Providers and their partner members, and the partner and linked enterprises whose figures
count towards a joint-purchase company's size class."""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import PartnerOrganisation, Role, User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError, DomainError, NotFoundError
from kohtaanto.common.money import parse_decimal
from kohtaanto.common.validators import service_text
from kohtaanto.employers.identifiers import InvalidBusinessIdError, business_id_normalise
from kohtaanto.employers.models import Company
from kohtaanto.training.models import EnterpriseLink, Provider, ProviderMembership
from kohtaanto.training.services.common import (
    AmountInput,
    optional_amount_parse,
)


@transaction.atomic
def provider_create(
    *,
    actor: User,
    name: str,
    business_id: str,
    partner_organisation: PartnerOrganisation | None = None,
    in_house: bool = False,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
) -> Provider:
    """Add a training provider; the business id is validated (python-stdnum) and unique."""
    actor.permissions.require("manage_training")
    area_id = actor.required_area_id()
    try:
        normalised = business_id_normalise(business_id)
    except InvalidBusinessIdError as exc:
        raise DomainError(str(exc), code="business_id") from exc
    if Provider.objects.filter(employment_area_id=area_id, business_id=normalised).exists():
        raise ConflictError(
            _("Järjestäjä Y-tunnuksella %(id)s on jo rekisterissä.") % {"id": normalised}
        )
    provider = Provider.objects.create(
        employment_area_id=area_id,
        name=service_text(name, field=_("Nimi"), max_length=200),
        business_id=normalised,
        partner_organisation=partner_organisation,
        in_house=in_house,
        contact_name=service_text(
            contact_name, field=_("Yhteyshenkilö"), max_length=200, required=False
        ),
        contact_email=service_text(
            contact_email, field=_("Sähköposti"), max_length=254, required=False
        ),
        contact_phone=service_text(
            contact_phone, field=_("Puhelin"), max_length=40, required=False
        ),
    )
    audit_event_record(
        actor=actor,
        action="training_provider.create",
        target=provider,
        changes={"name": [None, provider.name], "business_id": [None, normalised]},
    )
    return provider


@transaction.atomic
def provider_member_add(*, actor: User, provider: Provider, user: User) -> ProviderMembership:
    """Let a partner user of the same area see the provider's programmes, orders and people."""
    actor.permissions.require("manage_training")
    actor.permissions.require("view_provider", provider)
    if user.role != Role.PARTNER or user.employment_area_id != provider.employment_area_id:
        raise DomainError(
            _("Vain saman työllisyysalueen kumppanikäyttäjä voi kuulua järjestäjään.")
        )
    membership, created = ProviderMembership.objects.get_or_create(provider=provider, user=user)
    if created:
        audit_event_record(
            actor=actor,
            action="training_provider.member_add",
            target=provider,
            changes={"member": [None, user.get_username()]},
        )
    return membership


@transaction.atomic
def provider_member_remove(*, actor: User, provider: Provider, user: User) -> None:
    """End a partner user's membership: from now on they no longer see the provider's data."""
    actor.permissions.require("manage_training")
    actor.permissions.require("view_provider", provider)
    deleted, _rows = ProviderMembership.objects.filter(provider=provider, user=user).delete()
    if not deleted:
        raise NotFoundError(_("Ei löytynyt."))
    audit_event_record(
        actor=actor,
        action="training_provider.member_remove",
        target=provider,
        changes={"member": [user.get_username(), None]},
    )


def _check_holding(relation: str, holding: Decimal) -> None:
    """A partner enterprise is held 25–50 %, a linked one over 50 % (Recommendation
    2003/361/EC, Annex Art. 3)."""
    low, high = (
        (Decimal("25"), Decimal("50"))
        if relation == EnterpriseLink.Relation.PARTNER
        else (Decimal("50.01"), Decimal("100"))
    )
    if not low <= holding <= high:
        raise DomainError(
            _(
                "Omistusosuus %(holding)s %% ei sovi suhteeseen %(relation)s: sallittu "
                "%(low)s–%(high)s %% (suositus 2003/361/EY, liite, 3 artikla)."
            )
            % {
                "holding": holding,
                "relation": EnterpriseLink.Relation(relation).label,
                "low": low,
                "high": high,
            }
        )


@transaction.atomic
def enterprise_link_add(
    *,
    actor: User,
    company: Company,
    name: str,
    relation: str,
    holding_percent: Decimal | str,
    employees: int,
    turnover_eur: AmountInput | None = None,
    balance_sheet_eur: AmountInput | None = None,
) -> EnterpriseLink:
    """Record a partner (25–50 %) or linked (over 50 %) enterprise whose figures count towards
    the company's size class (Recommendation 2003/361/EC, Annex Art. 3 and 6)."""
    actor.permissions.require("manage_training")
    if company.employment_area_id != actor.employment_area_id:
        raise NotFoundError(_("Ei löytynyt."))
    if relation not in EnterpriseLink.Relation.values:
        raise DomainError(_("Tuntematon yritysten välinen suhde: %(r)s.") % {"r": relation})
    # typed as a user writes it ("33,5"); "1e2" or other digits than 0-9 are refused
    holding = parse_decimal(holding_percent, places=2, field="holding_percent")
    _check_holding(relation, holding)
    if employees < 0:
        raise DomainError(_("Henkilöstömäärä ei voi olla negatiivinen."))
    turnover = optional_amount_parse(turnover_eur, label=_("Liikevaihto"), field="turnover_eur")
    balance_sheet = optional_amount_parse(
        balance_sheet_eur, label=_("Taseen loppusumma"), field="balance_sheet_eur"
    )
    link = EnterpriseLink.objects.create(
        company=company,
        name=service_text(name, field=_("Nimi"), max_length=300),
        relation=relation,
        holding_percent=holding,
        employees=employees,
        turnover_eur=turnover,
        balance_sheet_eur=balance_sheet,
    )
    audit_event_record(
        actor=actor,
        action="enterprise_link.create",
        target=company,
        changes={"link": [None, f"{link.name} {relation} {holding} %"]},
    )
    return link


@transaction.atomic
def enterprise_link_remove(*, actor: User, link: EnterpriseLink) -> None:
    """Remove a partner or linked enterprise; programmes priced earlier keep their share."""
    actor.permissions.require("manage_training")
    if link.company.employment_area_id != actor.employment_area_id:
        raise NotFoundError(_("Ei löytynyt."))
    audit_event_record(
        actor=actor,
        action="enterprise_link.delete",
        target=link.company,
        changes={"link": [f"{link.name} {link.relation} {link.holding_percent} %", None]},
    )
    link.delete()
