from datetime import date
from decimal import Decimal

import pytest

from kohtaanto.accounts.models import Role
from kohtaanto.common.errors import NotFoundError
from kohtaanto.employers.tests.factories import valid_business_id
from kohtaanto.jobseekers.models import ConsentPurpose
from kohtaanto.jobseekers.tests.factories import ConsentFactory, JobSeekerFactory
from kohtaanto.training import selectors, services
from kohtaanto.training.models import LegalBasis, Order

pytestmark = pytest.mark.django_db


def _person(*purposes, partner=None):
    person = JobSeekerFactory()
    for purpose in purposes:
        ConsentFactory(
            job_seeker=person,
            purpose=purpose,
            given_on=date(2026, 1, 1),
            partner_organisation=partner if purpose == ConsentPurpose.SHARE_WITH_PARTNER else None,
        )
    return person


def test_partner_sees_only_own_providers(member, coordinator, provider):
    other = services.provider_create(
        actor=coordinator, name="Muu Oy", business_id=valid_business_id(910)
    )
    assert list(selectors.provider_list(actor=member)) == [provider]
    with pytest.raises(NotFoundError):
        selectors.provider_get_for_actor(actor=member, id=other.pk)


def test_partner_without_membership_sees_nothing(partner_user, provider):
    assert not selectors.provider_list(actor=partner_user).exists()


def test_partner_sees_only_consenting_enrolled_persons(
    member, coordinator, provider, make_programme
):
    programme = make_programme()
    sharing = _person(
        ConsentPurpose.PROCESSING,
        ConsentPurpose.SHARE_WITH_PARTNER,
        partner=provider.partner_organisation,
    )
    private = _person(ConsentPurpose.PROCESSING)
    for person in (sharing, private):
        services.enrolment_create(actor=coordinator, programme=programme, job_seeker=person)
    seen = [e.job_seeker for e in selectors.enrolment_list(actor=member, programme=programme)]
    assert seen == [sharing]
    everyone = selectors.enrolment_list(actor=coordinator, programme=programme)
    assert {e.job_seeker for e in everyone} == {sharing, private}


def test_finance_sees_no_enrolled_persons(finance_user, coordinator, make_programme):
    programme = make_programme()
    services.enrolment_create(
        actor=coordinator, programme=programme, job_seeker=_person(ConsentPurpose.PROCESSING)
    )
    assert not selectors.enrolment_list(actor=finance_user, programme=programme).exists()


def test_other_area_user_sees_no_programme(make_user, make_programme):
    from kohtaanto.accounts.models import EmploymentArea

    stranger_area = EmploymentArea.objects.create(code="muu", name="Muu alue")
    stranger = make_user(Role.COORDINATOR, employment_area=stranger_area)
    programme = make_programme()
    with pytest.raises(NotFoundError):
        selectors.programme_get_for_actor(actor=stranger, id=programme.pk)


def test_programmes_for_gap_ranked_by_share_of_gap_closed(coordinator, make_programme, skills):
    one = make_programme(name_fi="Yksi taito", skills=[(skills[0], 2)])
    two = make_programme(name_fi="Kaksi taitoa", skills=[(skills[0], 2), (skills[1], 2)])
    make_programme(name_fi="Ohi", skills=[(skills[2], 2)])
    covers = selectors.programmes_for_gap(
        actor=coordinator, concept_ids=[skills[0].pk, skills[1].pk], on=date(2026, 1, 1)
    )
    assert [c.programme for c in covers] == [two, one]
    assert covers[0].covered == tuple(sorted([skills[0].pk, skills[1].pk]))
    assert covers[0].share == 1.0 and covers[1].share == 0.5


def test_programmes_for_gap_leaves_out_started_ones(coordinator, make_programme, skills):
    make_programme(skills=[(skills[0], 2)])
    assert (
        selectors.programmes_for_gap(
            actor=coordinator, concept_ids=[skills[0].pk], on=date(2026, 3, 3)
        )
        == []
    )
    assert selectors.programmes_for_gap(actor=coordinator, concept_ids=[]) == []


def test_threshold_warning_when_below_threshold_orders_add_up(
    coordinator, appropriations, make_programme
):
    firm = services.provider_create(
        actor=coordinator, name="Pienkoulutus Oy", business_id=valid_business_id(911)
    )
    agreement = services.agreement_create(
        actor=coordinator,
        provider=firm,
        title="Pienhankinta",
        legal_basis=LegalBasis.BELOW_THRESHOLD,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
        ceiling="400000.00",
    )
    from kohtaanto.training.models import Programme, ProgrammeType

    def order(price: str) -> Order:
        programme = services.programme_create(
            actor=coordinator,
            provider=firm,
            data=services.ProgrammeData(
                name_fi=f"Kurssi {price}",
                type=ProgrammeType.SHORT_COURSE,
                days=5,
                seats=10,
                starts_on=date(2026, 4, 1),
                ends_on=date(2026, 4, 10),
                price=price,
            ),
        )
        assert isinstance(programme, Programme)
        return services.order_create(
            actor=coordinator, agreement=agreement, programme=programme, ordered_on=date(2026, 3, 1)
        )

    order("200000.00")
    assert selectors.threshold_warnings(actor=coordinator, on=date(2026, 6, 1)) == []
    order("100000.01")
    [warning] = selectors.threshold_warnings(actor=coordinator, on=date(2026, 6, 1))
    assert warning.total == Decimal("300000.01")
    assert warning.threshold == Decimal("300000.00")
    assert "1397/2016, 25 §" in warning.message
    assert "300 000,01 €" in warning.message


def test_in_house_orders_never_warn(coordinator, agreement, appropriations, make_programme):
    services.order_create(
        actor=coordinator,
        agreement=agreement,
        programme=make_programme(price="99000.00"),
        ordered_on=date(2026, 2, 1),
    )
    assert selectors.threshold_warnings(actor=coordinator, on=date(2026, 6, 1)) == []


def test_threshold_warning_is_shown_when_the_order_passes_it(
    client_as, api_client_for, coordinator, appropriations
):
    import json

    from django.urls import reverse

    firm = services.provider_create(
        actor=coordinator, name="Pienkoulutus Oy", business_id=valid_business_id(912)
    )
    agreement = services.agreement_create(
        actor=coordinator,
        provider=firm,
        title="Pienhankinta",
        legal_basis=LegalBasis.BELOW_THRESHOLD,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
        ceiling="400000.00",
    )

    def programme(price: str):
        return services.programme_create(
            actor=coordinator,
            provider=firm,
            data=services.ProgrammeData(
                name_fi=f"Kurssi {price}",
                type="short_course",
                days=5,
                seats=10,
                starts_on=date(2026, 4, 1),
                ends_on=date(2026, 4, 10),
                price=price,
            ),
        )

    api = api_client_for(coordinator)
    first = api.post(
        f"/api/v1/training/programmes/{programme('250000.00').pk}/orders",
        data=json.dumps({"agreement": agreement.pk, "ordered_on": "2026-03-01"}),
        content_type="application/json",
    )
    assert first.json()["threshold_warnings"] == []
    response = client_as(coordinator).post(
        reverse("training:programme_detail", args=[programme("60000.00").pk]),
        {"order-agreement": agreement.pk, "order-seats": 10, "order-ordered_on": "2026-03-02"},
        follow=True,
    )
    text = response.content.decode()
    assert "310 000,00 €" in text and "300 000,00 €" in text
    detail = client_as(coordinator).get(reverse("training:agreement_detail", args=[agreement.pk]))
    assert "ylittää kynnysarvon" in detail.content.decode()
