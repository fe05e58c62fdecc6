"""The access matrix of permissions.py, rule by rule and role by role."""

import datetime

import pytest

from kohtaanto.accounts.models import Role
from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.models import Consent, ConsentPurpose
from kohtaanto.jobseekers.tests.factories import ConsentFactory, JobSeekerFactory

ALL = [
    "coordinator",
    "own_counsellor",
    "other_counsellor",
    "auditor",
    "partner_with_consent",
    "partner_without_consent",
    "business_advisor",
    "finance",
    "other_area_coordinator",
]

MATRIX = {
    "view_job_seeker": {
        "coordinator",
        "own_counsellor",
        "auditor",
        "partner_with_consent",
        "business_advisor",
    },
    "view_job_seeker_contact": {
        "coordinator",
        "own_counsellor",
        "auditor",
        "partner_with_consent",
    },
    "view_job_seeker_record": {"coordinator", "own_counsellor", "auditor"},
    "change_job_seeker": {"coordinator", "own_counsellor"},
    "view_identity_code": {"coordinator", "own_counsellor"},
    "view_special_category": {"coordinator", "own_counsellor"},
    "change_special_category": {"coordinator", "own_counsellor"},
    "export_job_seeker_data": {"coordinator", "own_counsellor"},
    "pseudonymise_job_seeker": {"coordinator"},
}


@pytest.mark.parametrize("permission", sorted(MATRIX))
@pytest.mark.parametrize("who", ALL)
def test_access_matrix(world, permission, who):
    user = world["users"][who]
    expected = who in MATRIX[permission]
    assert user.permissions.check(permission, world["person"]) is expected


@pytest.mark.parametrize("who", ALL)
def test_list_scope_matches_the_view_rule(world, who):
    user = world["users"][who]
    JobSeekerFactory()  # nobody's client, no consents
    if not user.permissions.can_view_job_seeker_list():
        assert who == "finance"
        return
    visible = set(selectors.job_seeker_list(actor=user).values_list("pk", flat=True))
    expected = {
        "coordinator": 2,
        "auditor": 2,
        "own_counsellor": 1,
        "partner_with_consent": 1,
        "business_advisor": 1,
    }.get(who, 0)
    assert len(visible) == expected
    if expected == 1:
        assert visible == {world["person"].pk}


def test_navigation_rule_by_role(world):
    users = world["users"]
    assert users["finance"].permissions.can_view_job_seeker_list() is False
    assert users["auditor"].permissions.can_view_job_seeker_list() is True
    assert users["auditor"].permissions.can_view_worklist() is False
    assert users["own_counsellor"].permissions.can_view_worklist() is True


def test_partner_loses_access_when_consent_is_withdrawn(world, kpedu):
    partner = world["users"]["partner_with_consent"]
    consent = Consent.objects.get(purpose=ConsentPurpose.SHARE_WITH_PARTNER)
    consent.withdrawn_on = datetime.date.today()
    consent.save(update_fields=["withdrawn_on"])
    person = selectors.job_seeker_get_for_actor(
        actor=world["users"]["coordinator"], id=world["person"].pk
    )
    assert partner.permissions.can_view_job_seeker(person) is False
    assert not selectors.job_seeker_list(actor=partner).exists()


def test_partner_loses_access_when_consent_expires(world):
    partner = world["users"]["partner_with_consent"]
    Consent.objects.filter(purpose=ConsentPurpose.SHARE_WITH_PARTNER).update(
        expires_on=datetime.date.today() - datetime.timedelta(days=1)
    )
    assert partner.permissions.can_view_job_seeker(world["person"]) is False
    assert not selectors.job_seeker_list(actor=partner).exists()


def test_consent_for_another_partner_does_not_open_access(world, centria):
    partner = world["users"]["partner_without_consent"]
    ConsentFactory(
        job_seeker=JobSeekerFactory(),
        purpose=ConsentPurpose.SHARE_WITH_PARTNER,
        partner_organisation=world["users"]["partner_with_consent"].partner_organisation,
    )
    assert not selectors.job_seeker_list(actor=partner).exists()


def test_counsellor_sees_client_shared_with_them(world):
    other = world["users"]["other_counsellor"]
    world["person"].counsellors.add(other)
    person = selectors.job_seeker_get_for_actor(actor=other, id=world["person"].pk)
    assert other.permissions.can_change_job_seeker(person) is True


def test_pseudonymised_person_cannot_be_changed_or_shared(world):
    person = world["person"]
    person.pseudonymised_at = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    person.save(update_fields=["pseudonymised_at"])
    users = world["users"]
    assert users["coordinator"].permissions.can_view_job_seeker(person) is True
    assert users["coordinator"].permissions.can_change_job_seeker(person) is False
    assert users["partner_with_consent"].permissions.can_view_job_seeker(person) is False
    assert users["business_advisor"].permissions.can_view_job_seeker(person) is False


def test_user_without_role_sees_nothing(make_user, world):
    nobody = make_user("")
    assert nobody.permissions.can_view_job_seeker_list() is False
    assert nobody.permissions.can_view_job_seeker(world["person"]) is False
    assert Role.COORDINATOR  # the fixture roles exist
