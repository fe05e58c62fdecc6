"""Providers and their partner members, and the joint-purchase companies with their partner and
linked enterprises."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from kohtaanto.accounts.models import Role, User
from kohtaanto.common.errors import DomainError
from kohtaanto.employers.models import Company, SizeClass
from kohtaanto.training.models import EnterpriseLink, Provider, ProviderMembership
from kohtaanto.training.rules import effective_size_class
from kohtaanto.training.selectors.common import not_found, visible_providers


def provider_list(*, actor: Any) -> QuerySet[Provider]:
    return visible_providers(actor).order_by("name")


def provider_get_for_actor(*, actor: Any, id: int) -> Provider:
    provider = visible_providers(actor).filter(pk=id).first()
    if provider is None:
        raise not_found()
    return provider


def provider_members(*, actor: Any, provider: Provider) -> QuerySet[ProviderMembership]:
    """The provider's partner users; only those who manage training see who they are."""
    if not actor.permissions.can_manage_training():
        return ProviderMembership.objects.none()
    return ProviderMembership.objects.filter(provider=provider).select_related(
        "user__partner_organisation"
    )


def provider_member_candidates(*, actor: Any, provider: Provider) -> QuerySet[User]:
    """Active partner users of the provider's area who are not yet its members."""
    if not actor.permissions.can_manage_training():
        return User.objects.none()
    return (
        User.objects.filter(
            role=Role.PARTNER, employment_area_id=provider.employment_area_id, is_active=True
        )
        .exclude(training_memberships__provider=provider)
        .select_related("partner_organisation")
        .order_by("last_name", "first_name", "username")
    )


def joint_purchase_companies(*, actor: Any, q: str = "") -> QuerySet[Company]:
    """The area's companies for joint-purchase training, with their enterprise links."""
    if not actor.permissions.can_manage_training() or not actor.employment_area_id:
        return Company.objects.none()
    qs = Company.objects.filter(employment_area_id=actor.employment_area_id)
    if q:
        qs = qs.filter(Q(name__uicontains=q) | Q(business_id__icontains=q))
    return qs.prefetch_related("enterprise_links").order_by("name", "id")


def joint_purchase_company_get(*, actor: Any, id: int) -> Company:
    company = joint_purchase_companies(actor=actor).filter(pk=id).first()
    if company is None:
        raise not_found()
    return company


@dataclass(frozen=True)
class CompanySize:
    """The size class a joint-purchase company has with its partner and linked enterprises
    counted in (Recommendation 2003/361/EC, Annex Art. 3 and 6): `code` and `label`, or
    `error` saying why none can be given."""

    code: str = ""
    label: str = ""
    error: str = ""


def company_size_class(*, actor: Any, company: Company) -> CompanySize:
    if not actor.permissions.can_manage_training():
        raise not_found()
    try:
        code = effective_size_class(company)
    except DomainError as exc:
        return CompanySize(error=exc.message)
    return CompanySize(code=code, label=str(SizeClass(code).label))


def enterprise_link_get_for_actor(*, actor: Any, id: int) -> EnterpriseLink:
    link = (
        EnterpriseLink.objects.filter(pk=id, company__in=joint_purchase_companies(actor=actor))
        .select_related("company")
        .first()
    )
    if link is None:
        raise not_found()
    return link
