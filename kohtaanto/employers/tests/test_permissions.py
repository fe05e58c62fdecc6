"""The permission rules of companies, surveys, assessments and vacancies, role by role."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kohtaanto.accounts.models import Role
from kohtaanto.employers.models import CompanyContact, SurveyStatus
from kohtaanto.employers.selectors import company_contacts, company_list, vacancy_list
from kohtaanto.employers.services.vacancies import VacancyData, vacancy_create
from kohtaanto.employers.tests.factories import CompanyFactory

# rule → roles that have it for a company of their own area (a partner: for a programme company)
MATRIX = {
    "view_company": {
        "coordinator",
        "business_advisor",
        "counsellor",
        "finance",
        "auditor",
        "partner",
    },
    "change_company": {"coordinator", "business_advisor"},
    "view_company_contacts": {
        "coordinator",
        "business_advisor",
        "counsellor",
        "auditor",
        "partner",
    },
    "view_company_activities": {"coordinator", "business_advisor", "auditor"},
    "view_company_needs": {"coordinator", "business_advisor", "auditor", "partner"},
}


def _user(make_user, role, **kwargs):
    if role == Role.PARTNER:
        from kohtaanto.accounts.models import PartnerOrganisation

        kwargs["partner_organisation"] = PartnerOrganisation.objects.first()
    return make_user(role, **kwargs)


@pytest.mark.parametrize("role", [r.value for r in Role])
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_company_rules_by_role(make_user, pilot_company, foreign_company, role, name):
    user = _user(make_user, role)
    assert user.permissions.check(name, pilot_company) is (role in MATRIX[name])
    assert user.permissions.check(name, foreign_company) is False  # never another area


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("coordinator", True),
        ("business_advisor", True),
        ("counsellor", True),
        ("auditor", True),
        ("partner", True),
        ("finance", False),
    ],
)
def test_vacancy_rules_by_role(make_user, pilot_company, business_advisor, role, allowed):
    vacancy = vacancy_create(
        actor=business_advisor, company=pilot_company, data=VacancyData(title="x")
    )
    user = _user(make_user, role)
    assert user.permissions.can_view_vacancy_list() is allowed
    assert user.permissions.can_view_vacancy(vacancy) is allowed
    assert user.permissions.can_change_vacancy(vacancy) is (
        role in ("coordinator", "business_advisor")
    )


def test_user_without_area_sees_nothing(make_user, company):
    user = make_user(Role.COORDINATOR, employment_area=None)
    assert user.permissions.can_view_company(company) is False


def test_partner_sees_a_company_that_asked_for_joint_training(make_user, company, partner_user):
    assert partner_user.permissions.can_view_company(company) is False
    survey = company.surveys.create(status=SurveyStatus.IN_PROGRESS, interest_tasmakoulutus=True)
    assert partner_user.permissions.can_view_company(company) is False  # not answered yet
    survey.status = SurveyStatus.COMPLETED
    survey.save(update_fields=["status"])
    assert partner_user.permissions.can_view_company(company) is True
    assert [c.pk for c in company_list(actor=partner_user)] == [company.pk]
    assert partner_user.permissions.can_view_company_activities(company) is False


def test_partner_sees_only_contacts_who_allowed_it(partner_user, pilot_company):
    CompanyContact.objects.create(
        company=pilot_company, first_name="A", last_name="Jaettu", share_with_partners=True
    )
    CompanyContact.objects.create(
        company=pilot_company, first_name="B", last_name="Eijaettu", consent_to_contact=True
    )
    CompanyContact.objects.create(
        company=pilot_company,
        first_name="C",
        last_name="Lähtenyt",
        share_with_partners=True,
        is_active=False,
    )
    assert [c.last_name for c in company_contacts(actor=partner_user, company=pilot_company)] == [
        "Jaettu"
    ]


def test_vacancy_list_runs_a_constant_number_of_queries(business_advisor):
    company = CompanyFactory()
    vacancy_create(actor=business_advisor, company=company, data=VacancyData(title="x"))
    with CaptureQueriesContext(connection) as few:
        list(vacancy_list(actor=business_advisor))
    for _ in range(5):
        vacancy_create(
            actor=business_advisor, company=CompanyFactory(), data=VacancyData(title="y")
        )
    with CaptureQueriesContext(connection) as many:
        rows = list(vacancy_list(actor=business_advisor))
        [(v.company.name, v.municipality, v.occupation) for v in rows]
    assert len(many) == len(few)


def test_selectors_refuse_roles_without_the_list(make_user):
    from kohtaanto.common.errors import NotFoundError

    finance = make_user(Role.FINANCE)
    with pytest.raises(NotFoundError):
        vacancy_list(actor=finance)
