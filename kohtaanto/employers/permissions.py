"""Permission rules for companies, their surveys, assessments and vacancies.

Who sees what (every object is also limited to the user's employment area):
- coordinator, business advisor: everything, and they are the only ones who write;
- counsellor: company basics, contacts who consented to be contacted, and vacancies — they
  match people to jobs; not the advisor's activation log, surveys or assessments;
- partner user (KPEDU, Centria): only the companies that take part in the programme with them,
  i.e. companies with a programme role (development partner, pilot company, equipment
  supplier, expert-service provider) or with a finished competence-needs survey that asks for
  joint-purchase training; of those the basics, the contacts who allowed their details to be
  given to programme partners, the competence needs, the readiness assessments and the
  vacancies — never the activation log;
- finance: company basics (size class and figures for grants and de minimis), nothing else;
- auditor: everything, read-only.
"""

from typing import Any

from django.db.models import Exists, OuterRef, Q

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.permissions import ALL_STAFF, role_rule, rule

WRITERS = (Role.COORDINATOR, Role.BUSINESS_ADVISOR)
COMPANY_READERS = (*WRITERS, Role.COUNSELLOR, Role.FINANCE, Role.AUDITOR)
CONTACT_READERS = (*WRITERS, Role.COUNSELLOR, Role.AUDITOR, Role.PARTNER)
NEEDS_READERS = (*WRITERS, Role.AUDITOR)
VACANCY_READERS = (*WRITERS, Role.COUNSELLOR, Role.AUDITOR)


def partner_visible_q(company_field: str = "pk") -> Q:
    """Companies (or rows whose `company_field` points at one) that partner users see."""
    from kohtaanto.employers.models import (
        CompanyProgrammeRole,
        CompetenceSurvey,
        SurveyStatus,
    )

    company_ref = OuterRef(company_field)
    has_role = CompanyProgrammeRole.objects.filter(company=company_ref)
    wants_training = CompetenceSurvey.objects.filter(
        company=company_ref,
        status__in=[SurveyStatus.SUBMITTED, SurveyStatus.COMPLETED],
    ).filter(
        Q(interest_rekrykoulutus=True)
        | Q(interest_tasmakoulutus=True)
        | Q(interest_muutoskoulutus=True)
    )
    return Q(Exists(has_role)) | Q(Exists(wants_training))


def _in_area(user: Any, area_id: int | None) -> bool:
    return user.employment_area_id is not None and user.employment_area_id == area_id


def _partner_sees(company: Any) -> bool:
    from kohtaanto.employers.models import Company

    return Company.objects.filter(pk=company.pk).filter(partner_visible_q()).exists()


def _reads(user: Any, company: Any, roles: tuple[str, ...]) -> bool:
    if not _in_area(user, company.employment_area_id):
        return False
    if user.role in roles and user.role != Role.PARTNER:
        return True
    return user.role == Role.PARTNER and Role.PARTNER in roles and _partner_sees(company)


role_rule("view_company_list", *ALL_STAFF)
role_rule("create_company", *WRITERS)
role_rule("view_vacancy_list", *VACANCY_READERS, Role.PARTNER)
role_rule("create_vacancy", *WRITERS)
role_rule("view_company_worklist", *WRITERS)


@rule("view_company")
def _view_company(user: Any, company: Any) -> bool:
    return _reads(user, company, (*COMPANY_READERS, Role.PARTNER))


@rule("change_company")
def _change_company(user: Any, company: Any) -> bool:
    return _in_area(user, company.employment_area_id) and user.role in WRITERS


@rule("view_company_contacts")
def _view_company_contacts(user: Any, company: Any) -> bool:
    return _reads(user, company, CONTACT_READERS)


@rule("view_company_activities")
def _view_company_activities(user: Any, company: Any) -> bool:
    return _reads(user, company, NEEDS_READERS)


@rule("view_company_needs")
def _view_company_needs(user: Any, company: Any) -> bool:
    """Competence-needs surveys and readiness assessments."""
    return _reads(user, company, (*NEEDS_READERS, Role.PARTNER))


@rule("view_vacancy")
def _view_vacancy(user: Any, vacancy: Any) -> bool:
    return _reads(user, vacancy.company, (*VACANCY_READERS, Role.PARTNER))


@rule("change_vacancy")
def _change_vacancy(user: Any, vacancy: Any) -> bool:
    return _in_area(user, vacancy.employment_area_id) and user.role in WRITERS
