from datetime import date
from decimal import Decimal

import pytest

from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ConflictError, DomainError, NotFoundError
from kohtaanto.employers.tests.factories import CompanyFactory, valid_business_id
from kohtaanto.finance.models import Commitment
from kohtaanto.jobseekers.models import ConsentPurpose, ProfileSkill, SkillSource
from kohtaanto.jobseekers.tests.factories import ConsentFactory, JobSeekerFactory
from kohtaanto.training import services
from kohtaanto.training.models import (
    Agreement,
    Enrolment,
    EnterpriseLink,
    LegalBasis,
    Order,
    Programme,
    ProgrammeType,
    ShareRule,
)

pytestmark = pytest.mark.django_db


# --- providers and agreements ---------------------------------------------------------------


def test_provider_with_invalid_business_id_is_refused_naming_the_id(coordinator):
    with pytest.raises(DomainError, match="1234567-8"):
        services.provider_create(actor=coordinator, name="X", business_id="1234567-8")


def test_provider_business_id_is_unique_in_the_area(coordinator, provider):
    with pytest.raises(ConflictError, match=provider.business_id):
        services.provider_create(actor=coordinator, name="Y", business_id=provider.business_id)


def test_only_the_coordinator_manages_providers(finance_user):
    with pytest.raises(NotFoundError):
        services.provider_create(actor=finance_user, name="X", business_id=valid_business_id(901))


def test_direct_award_needs_its_ground(coordinator, provider):
    with pytest.raises(DomainError, match="40–41"):
        services.agreement_create(
            actor=coordinator,
            provider=provider,
            title="Suorahankinta",
            legal_basis=LegalBasis.DIRECT_AWARD,
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            ceiling="10000.00",
        )
    assert not Agreement.objects.exists()


def test_in_house_award_to_a_provider_not_in_house_is_refused(coordinator):
    firm = services.provider_create(
        actor=coordinator, name="Koulutus Oy", business_id=valid_business_id(902)
    )
    with pytest.raises(DomainError, match="15 §"):
        services.agreement_create(
            actor=coordinator,
            provider=firm,
            title="Sidosyksikkö?",
            legal_basis=LegalBasis.IN_HOUSE,
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            ceiling="10000.00",
        )


def test_overlapping_agreement_is_refused_naming_the_other(coordinator, agreement):
    with pytest.raises(ConflictError, match=r"01.01.2026–31.12.2027"):
        services.agreement_create(
            actor=coordinator,
            provider=agreement.provider,
            title="Toinen",
            legal_basis=LegalBasis.IN_HOUSE,
            starts_on=date(2027, 6, 1),
            ends_on=date(2028, 5, 31),
            ceiling="5000.00",
        )
    assert Agreement.objects.count() == 1


def test_agreement_after_an_ended_one_is_accepted(coordinator, agreement):
    services.agreement_status_set(
        actor=coordinator, agreement=agreement, status=Agreement.Status.ENDED
    )
    services.agreement_create(
        actor=coordinator,
        provider=agreement.provider,
        title="Uusi",
        legal_basis=LegalBasis.COMPETITIVE_TENDER,
        starts_on=date(2027, 6, 1),
        ends_on=date(2028, 5, 31),
        ceiling="5000.00",
    )
    assert Agreement.objects.count() == 2


def test_agreement_with_bad_ceiling_is_refused(coordinator, provider):
    with pytest.raises(DomainError, match="Enimmäismäärä"):
        services.agreement_create(
            actor=coordinator,
            provider=provider,
            title="X",
            legal_basis=LegalBasis.IN_HOUSE,
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            ceiling="lots",
        )


# --- employer's share ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("type_", "size_class", "percent"),
    [
        (ProgrammeType.REKRY, "micro", "30.00"),
        (ProgrammeType.REKRY, "small", "30.00"),
        (ProgrammeType.REKRY, "medium", "30.00"),
        (ProgrammeType.REKRY, "large", "30.00"),
        (ProgrammeType.TASMA, "micro", "30.00"),
        (ProgrammeType.TASMA, "small", "30.00"),
        (ProgrammeType.TASMA, "medium", "40.00"),
        (ProgrammeType.TASMA, "large", "50.00"),
        (ProgrammeType.MUUTOS, "micro", "20.00"),
        (ProgrammeType.MUUTOS, "small", "20.00"),
        (ProgrammeType.MUUTOS, "medium", "20.00"),
        (ProgrammeType.MUUTOS, "large", "20.00"),
    ],
)
def test_employer_share_by_type_and_size_class(make_programme, type_, size_class, percent):
    company = CompanyFactory(size_class=size_class, employees=None)
    programme = make_programme(type=type_, company=company, price="30000.00")
    assert programme.employer_share_percent == Decimal(percent)
    assert programme.employer_share == Decimal("30000.00") * Decimal(percent) / 100
    assert programme.size_class == size_class
    assert "DESIGN.md" in programme.share_source


@pytest.mark.parametrize(
    "type_",
    [ProgrammeType.LABOUR_MARKET, ProgrammeType.SHORT_COURSE, ProgrammeType.COACHING, "other"],
)
def test_other_types_have_no_employer_share(make_programme, company, type_):
    programme = make_programme(type=type_, company=company)
    assert programme.employer_share == 0
    assert programme.company is None


def test_share_is_rounded_to_cents_half_up(make_programme, company):
    programme = make_programme(type=ProgrammeType.TASMA, company=company, price="1000.05")
    assert programme.employer_share == Decimal("400.02")


def test_joint_purchase_without_company_is_refused(make_programme):
    with pytest.raises(DomainError, match="valitse yritys"):
        make_programme(type=ProgrammeType.REKRY)
    assert not Programme.objects.exists()


def test_company_without_size_class_is_refused(make_programme):
    company = CompanyFactory(name="Nimetön Oy", size_class="", employees=None)
    with pytest.raises(DomainError, match=r"Nimetön Oy.*kokoluokka"):
        make_programme(type=ProgrammeType.TASMA, company=company)
    assert not Programme.objects.exists()


def test_size_class_from_headcount_when_not_declared(make_programme):
    company = CompanyFactory(size_class="", employees=300)
    programme = make_programme(type=ProgrammeType.TASMA, company=company)
    assert programme.size_class == "large"
    assert programme.employer_share_percent == Decimal("50.00")


def test_missing_share_rule_is_refused_naming_type_and_date(make_programme, company):
    ShareRule.objects.filter(programme_type=ProgrammeType.MUUTOS).delete()
    with pytest.raises(DomainError, match=r"MuutosKoulutus.*02.03.2026"):
        make_programme(type=ProgrammeType.MUUTOS, company=company)


def test_share_rule_not_yet_valid_counts_as_missing(make_programme, company):
    with pytest.raises(DomainError, match="sääntöä ei ole"):
        make_programme(
            type=ProgrammeType.REKRY,
            company=company,
            starts_on=date(2022, 3, 1),
            ends_on=date(2022, 5, 1),
        )


def test_fewer_than_ten_days_per_student_is_refused(make_programme, company):
    with pytest.raises(DomainError, match=r"vähintään 10.*annettu 9"):
        make_programme(type=ProgrammeType.TASMA, company=company, days=9)
    assert make_programme(type=ProgrammeType.TASMA, company=company, days=10).days == 10


def test_joint_purchase_leading_to_a_degree_is_refused(make_programme, company):
    with pytest.raises(DomainError, match="tutkintoon"):
        make_programme(type=ProgrammeType.REKRY, company=company, leads_to_degree=True)


def test_linked_enterprise_makes_a_small_company_medium(coordinator, make_programme):
    company = CompanyFactory(size_class="small", employees=40)
    services.enterprise_link_add(
        actor=coordinator,
        company=company,
        name="Emoyhtiö Oy",
        relation=EnterpriseLink.Relation.LINKED,
        holding_percent=Decimal("80"),
        employees=30,
    )
    programme = make_programme(type=ProgrammeType.TASMA, company=company)
    assert programme.size_class == "medium"
    assert programme.employer_share_percent == Decimal("40.00")


def test_partner_enterprise_counts_in_proportion_to_the_holding(coordinator, make_programme):
    company = CompanyFactory(size_class="small", employees=45)
    services.enterprise_link_add(
        actor=coordinator,
        company=company,
        name="Kumppani Oy",
        relation=EnterpriseLink.Relation.PARTNER,
        holding_percent=Decimal("25"),
        employees=16,  # 25 % of 16 = 4 → 49 persons: still small
    )
    assert make_programme(type=ProgrammeType.TASMA, company=company).size_class == "small"
    services.enterprise_link_add(
        actor=coordinator,
        company=company,
        name="Toinen Oy",
        relation=EnterpriseLink.Relation.PARTNER,
        holding_percent=Decimal("30"),
        employees=4,  # + 1.2 → 50.2, counted as 51: medium
    )
    assert make_programme(type=ProgrammeType.TASMA, company=company).size_class == "medium"


def test_partner_holding_outside_25_to_50_percent_is_refused(coordinator, company):
    with pytest.raises(DomainError, match="10 % ei sovi"):
        services.enterprise_link_add(
            actor=coordinator,
            company=company,
            name="X",
            relation=EnterpriseLink.Relation.PARTNER,
            holding_percent=Decimal("10"),
            employees=5,
        )


def test_programme_teaching_an_occupation_is_refused(make_programme):
    from kohtaanto.taxonomy.tests.factories import OccupationFactory

    with pytest.raises(DomainError, match="ei ole taito"):
        make_programme(skills=[(OccupationFactory(), 2)])
    assert not Programme.objects.exists()


def test_programme_with_min_group_over_seats_is_refused(make_programme):
    with pytest.raises(DomainError, match="1–10"):
        make_programme(seats=10, min_group=12)


# --- orders ----------------------------------------------------------------------------------


def test_order_within_the_ceiling_commits_on_the_appropriation(
    coordinator, agreement, appropriations, make_programme
):
    programme = make_programme()
    order = services.order_create(
        actor=coordinator, agreement=agreement, programme=programme, ordered_on=date(2026, 2, 1)
    )
    assert order.status == Order.Status.CONFIRMED
    assert order.amount == Decimal("30000.00")
    agreement.refresh_from_db()
    assert agreement.ordered == Decimal("30000.00")
    appropriations[2026].refresh_from_db()
    assert appropriations[2026].committed == Decimal("30000.00")
    commitment = Commitment.objects.get(source_type="training_order", source_id=str(order.pk))
    assert commitment.appropriation == appropriations[2026]


def test_order_past_the_ceiling_is_refused_with_the_figures(
    coordinator, agreement, appropriations, make_programme
):
    services.order_create(
        actor=coordinator,
        agreement=agreement,
        programme=make_programme(price="80000.00"),
        ordered_on=date(2026, 2, 1),
    )
    second = make_programme(price="30000.00")
    with pytest.raises(ConflictError) as refused:
        services.order_create(
            actor=coordinator, agreement=agreement, programme=second, ordered_on=date(2026, 2, 1)
        )
    message = refused.value.message
    assert "100 000,00 €" in message and "80 000,00 €" in message and "10 000,00 €" in message
    assert Order.objects.count() == 1
    appropriations[2026].refresh_from_db()
    assert appropriations[2026].committed == Decimal("80000.00")


def test_order_outside_the_period_is_refused_with_the_dates(
    coordinator, agreement, appropriations, make_programme
):
    programme = make_programme(starts_on=date(2027, 11, 1), ends_on=date(2028, 2, 1))
    with pytest.raises(ConflictError, match=r"koulutuksen loppu 01.02.2028.*31.12.2027"):
        services.order_create(
            actor=coordinator, agreement=agreement, programme=programme, ordered_on=date(2026, 6, 1)
        )
    assert not Order.objects.exists()


def test_order_dated_before_the_agreement_is_refused(
    coordinator, agreement, appropriations, make_programme
):
    with pytest.raises(ConflictError, match=r"tilauspäivä 15.12.2025"):
        services.order_create(
            actor=coordinator,
            agreement=agreement,
            programme=make_programme(),
            ordered_on=date(2025, 12, 15),
        )


def test_order_over_the_year_end_commits_this_year_and_leaves_next_years_share_waiting(
    coordinator, agreement, appropriations, make_programme, set_today
):
    # 1.12.2026–31.1.2027: 31 days in each year → half and half, split by finance.
    programme = make_programme(
        starts_on=date(2026, 12, 1), ends_on=date(2027, 1, 31), price="10000.01"
    )
    order = services.order_create(
        actor=coordinator, agreement=agreement, programme=programme, ordered_on=date(2026, 11, 1)
    )
    parts = {link.year: link.commitment.committed for link in order.commitments.all()}
    assert parts == {2026: Decimal("5000.01")}
    [waiting] = services.order_waiting_parts(order)
    assert (waiting.year, waiting.amount) == (2027, Decimal("5000.00"))
    appropriations[2027].refresh_from_db()
    assert appropriations[2027].committed == Decimal("0.00")
    # Next year's share is not booked before the year has begun.
    with pytest.raises(DomainError, match=r"1\.1\.2027"):
        services.order_year_part_book(actor=coordinator, order=order, year=2027)
    assert services.order_waiting_parts(order) == [waiting]

    set_today(date(2027, 1, 20))
    # The first invoice of 2027 books the year's share and is paid from it.
    services.invoice_record(
        actor=coordinator,
        order=order,
        number="J-1",
        amount="3000.00",
        invoiced_on=date(2027, 1, 20),
    )
    appropriations[2027].refresh_from_db()
    assert appropriations[2027].committed == Decimal("5000.00")
    assert appropriations[2027].paid == Decimal("3000.00")
    assert services.order_waiting_parts(order) == []
    assert {link.year for link in order.commitments.all()} == {2026, 2027}
    with pytest.raises(ConflictError, match="2027"):
        services.order_year_part_book(actor=coordinator, order=order, year=2027)


def test_order_year_part_is_booked_by_hand_from_january(
    finance_user, coordinator, agreement, appropriations, make_programme, set_today
):
    programme = make_programme(starts_on=date(2026, 12, 1), ends_on=date(2027, 1, 31))
    order = services.order_create(
        actor=coordinator, agreement=agreement, programme=programme, ordered_on=date(2026, 11, 1)
    )
    set_today(date(2027, 1, 2))
    link = services.order_year_part_book(actor=finance_user, order=order, year=2027)
    assert link.commitment.appropriation_id == appropriations[2027].pk
    assert link.commitment.committed == Decimal("15000.00")


def test_order_after_the_training_began_last_year_binds_everything_on_the_order_year():
    parts = services.order_year_parts(
        starts_on=date(2026, 12, 1),
        ends_on=date(2027, 1, 31),
        ordered_on=date(2027, 1, 5),
        amount=Decimal("10000.01"),
    )
    assert parts == [(2027, Decimal("10000.01"))]


def test_year_shares_always_add_up():
    parts = services.year_shares(
        starts_on=date(2026, 10, 3), ends_on=date(2028, 2, 7), amount=Decimal("12345.67")
    )
    assert [y for y, _ in parts] == [2026, 2027, 2028]
    assert sum(p for _, p in parts) == Decimal("12345.67")


def test_order_without_an_appropriation_for_the_year_changes_nothing(
    coordinator, agreement, make_programme
):
    with pytest.raises(ConflictError, match="Vuodelle 2026"):
        services.order_create(
            actor=coordinator,
            agreement=agreement,
            programme=make_programme(),
            ordered_on=date(2026, 2, 1),
        )
    agreement.refresh_from_db()
    assert agreement.ordered == 0
    assert not Order.objects.exists()


def test_order_of_fewer_seats_than_the_minimum_group_is_refused(
    coordinator, agreement, appropriations, make_programme
):
    with pytest.raises(DomainError, match="6–10; annettu 3"):
        services.order_create(
            actor=coordinator,
            agreement=agreement,
            programme=make_programme(),
            seats=3,
            ordered_on=date(2026, 2, 1),
        )


def test_draft_order_binds_nothing_until_confirmed(
    coordinator, agreement, appropriations, make_programme
):
    order = services.order_create(
        actor=coordinator,
        agreement=agreement,
        programme=make_programme(),
        seats=8,
        ordered_on=date(2026, 2, 1),
        confirm=False,
    )
    assert order.amount == Decimal("24000.00")
    assert not Commitment.objects.exists()
    services.order_confirm(actor=coordinator, order=order)
    agreement.refresh_from_db()
    assert agreement.ordered == Decimal("24000.00")
    with pytest.raises(ConflictError, match="luonnoksen"):
        services.order_confirm(actor=coordinator, order=order)


def test_counsellor_cannot_order(counsellor, agreement, appropriations, make_programme):
    with pytest.raises(NotFoundError):
        services.order_create(actor=counsellor, agreement=agreement, programme=make_programme())


def test_invoice_is_paid_on_the_commitment_and_counted_on_the_agreement(
    finance_user, coordinator, agreement, appropriations, make_programme
):
    order = services.order_create(
        actor=coordinator,
        agreement=agreement,
        programme=make_programme(),
        ordered_on=date(2026, 2, 1),
    )
    services.invoice_record(
        actor=finance_user,
        order=order,
        number="KP-1",
        amount="12000,00",
        invoiced_on=date(2026, 4, 30),
    )
    agreement.refresh_from_db()
    assert agreement.invoiced == Decimal("12000.00")
    appropriations[2026].refresh_from_db()
    assert appropriations[2026].paid == Decimal("12000.00")
    with pytest.raises(ConflictError, match="ylitys 1,00"):
        services.invoice_record(
            actor=finance_user,
            order=order,
            number="KP-2",
            amount="18001.00",
            invoiced_on=date(2026, 5, 30),
        )
    with pytest.raises(ConflictError, match="KP-1"):
        services.invoice_record(
            actor=finance_user,
            order=order,
            number="KP-1",
            amount="1.00",
            invoiced_on=date(2026, 5, 30),
        )


def test_employer_share_is_invoiced_once(coordinator, company, make_programme):
    programme = make_programme(type=ProgrammeType.TASMA, company=company, price="20000.00")
    invoice = services.employer_invoice_record(
        actor=coordinator, programme=programme, invoiced_on=date(2026, 3, 1), reference="YL-1"
    )
    assert invoice.amount == Decimal("8000.00")
    assert invoice.company == company
    with pytest.raises(ConflictError):
        services.employer_invoice_record(
            actor=coordinator, programme=programme, invoiced_on=date(2026, 3, 1), reference="YL-2"
        )


def test_employer_invoice_without_a_share_is_refused(coordinator, make_programme):
    with pytest.raises(DomainError, match="omarahoitusosuutta"):
        services.employer_invoice_record(
            actor=coordinator,
            programme=make_programme(),
            invoiced_on=date(2026, 3, 1),
            reference="X",
        )


# --- enrolments ------------------------------------------------------------------------------


def _consenting_person():
    person = JobSeekerFactory()
    ConsentFactory(job_seeker=person, purpose=ConsentPurpose.PROCESSING, given_on=date(2026, 1, 1))
    return person


def test_enrolment_needs_consent(coordinator, make_programme):
    with pytest.raises(ConflictError, match="suostumusta"):
        services.enrolment_create(
            actor=coordinator, programme=make_programme(), job_seeker=JobSeekerFactory()
        )
    assert not Enrolment.objects.exists()


def test_enrolment_past_the_seats_is_refused_with_the_figures(coordinator, make_programme):
    programme = make_programme(seats=2, min_group=1)
    first = services.enrolment_create(
        actor=coordinator, programme=programme, job_seeker=_consenting_person()
    )
    services.enrolment_create(
        actor=coordinator, programme=programme, job_seeker=_consenting_person()
    )
    with pytest.raises(ConflictError, match="paikkoja 2, ilmoittautuneita 2"):
        services.enrolment_create(
            actor=coordinator, programme=programme, job_seeker=_consenting_person()
        )
    services.enrolment_interrupt(
        actor=coordinator, enrolment=first, interrupted_on=date(2026, 3, 10), reason="Sai työpaikan"
    )
    services.enrolment_create(
        actor=coordinator, programme=programme, job_seeker=_consenting_person()
    )
    assert Enrolment.objects.count() == 3


def test_employee_enrolment_only_in_joint_purchase(coordinator, company, make_programme):
    with pytest.raises(DomainError, match="yhteishankintakoulutukseen"):
        services.enrolment_create(
            actor=coordinator, programme=make_programme(), employee_name="Matti Työntekijä"
        )
    joint = make_programme(type=ProgrammeType.TASMA, company=company)
    enrolment = services.enrolment_create(
        actor=coordinator, programme=joint, employee_name="Matti Työntekijä"
    )
    assert enrolment.job_seeker is None


def test_completion_adds_the_taught_skills_to_the_profile(coordinator, make_programme, skills):
    programme = make_programme(skills=[(skills[0], 3), (skills[1], 2)])
    person = _consenting_person()
    ProfileSkill.objects.create(
        job_seeker=person,
        concept=skills[1],
        level=4,
        source=SkillSource.COUNSELLOR,
        assessed_on=date(2026, 1, 1),
    )
    enrolment = services.enrolment_create(actor=coordinator, programme=programme, job_seeker=person)
    services.attendance_record(actor=coordinator, enrolment=enrolment, days=38)
    services.enrolment_complete(
        actor=coordinator,
        enrolment=enrolment,
        completed_on=date(2026, 5, 29),
        certificate="Todistus",
    )
    welding = ProfileSkill.objects.get(job_seeker=person, concept=skills[0])
    assert (welding.level, welding.source) == (3, SkillSource.TRAINING_COMPLETED)
    kept = ProfileSkill.objects.get(job_seeker=person, concept=skills[1])
    assert (kept.level, kept.source) == (4, SkillSource.COUNSELLOR)
    assert AuditEvent.objects.filter(action="training_enrolment.complete").exists()
    with pytest.raises(ConflictError, match="päättynyt"):
        services.enrolment_interrupt(
            actor=coordinator, enrolment=enrolment, interrupted_on=date(2026, 6, 1), reason="x"
        )


def test_attendance_beyond_the_programme_days_is_refused(coordinator, make_programme):
    enrolment = services.enrolment_create(
        actor=coordinator, programme=make_programme(days=40), job_seeker=_consenting_person()
    )
    with pytest.raises(DomainError, match=r"0–40.*41"):
        services.attendance_record(actor=coordinator, enrolment=enrolment, days=41)


def test_interruption_needs_a_reason(coordinator, make_programme):
    enrolment = services.enrolment_create(
        actor=coordinator, programme=make_programme(), job_seeker=_consenting_person()
    )
    with pytest.raises(DomainError, match="Keskeytyksen syy"):
        services.enrolment_interrupt(
            actor=coordinator, enrolment=enrolment, interrupted_on=date(2026, 3, 10), reason=" "
        )


def test_outcome_is_recorded_six_months_after_the_end(coordinator, make_programme):
    enrolment = services.enrolment_create(
        actor=coordinator, programme=make_programme(), job_seeker=_consenting_person()
    )
    services.enrolment_complete(
        actor=coordinator, enrolment=enrolment, completed_on=date(2026, 5, 29)
    )
    with pytest.raises(ConflictError, match=r"29.11.2026"):
        services.enrolment_outcome_record(
            actor=coordinator,
            enrolment=enrolment,
            outcome="employed",
            recorded_on=date(2026, 11, 28),
        )
    services.enrolment_outcome_record(
        actor=coordinator, enrolment=enrolment, outcome="employed", recorded_on=date(2026, 11, 29)
    )
    enrolment.refresh_from_db()
    assert enrolment.outcome == "employed"


def test_partner_member_records_progress_of_own_provider_only(
    member, partner_user, coordinator, make_programme
):
    enrolment = services.enrolment_create(
        actor=coordinator, programme=make_programme(), job_seeker=_consenting_person()
    )
    services.attendance_record(actor=member, enrolment=enrolment, days=5)
    other = services.provider_create(
        actor=coordinator, name="Muu Oy", business_id=valid_business_id(903)
    )

    foreign = services.programme_create(
        actor=coordinator,
        provider=other,
        data=services.ProgrammeData(
            name_fi="Muu",
            type="other",
            days=5,
            seats=5,
            starts_on=date(2026, 3, 1),
            ends_on=date(2026, 3, 5),
            price="1000.00",
        ),
    )
    foreign_enrolment = services.enrolment_create(
        actor=coordinator, programme=foreign, job_seeker=_consenting_person()
    )
    with pytest.raises(NotFoundError):
        services.attendance_record(actor=member, enrolment=foreign_enrolment, days=1)
