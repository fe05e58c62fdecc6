"""The implementers' shared activity log: entries, partner scoping, attachments and each
partner's own report."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import DomainError
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.programme import exports, selectors, services
from kohtaanto.programme.models import ActivityAttachment, ActivityEntry
from kohtaanto.programme.services import ATTACHMENT_MAX_BYTES, ParticipantInput
from kohtaanto.programme.tests.factories import ActivityEntryFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def create(actor, **kw):
    data = {
        "operation": None,
        "kind": ActivityEntry.Kind.MEETING,
        "date": date(2026, 3, 10),
        "title": "Yhteinen suunnittelukokous",
        "description": "",
        "participants": [ParticipantInput(None, "Aino Alue")],
        "referral_from": None,
        "referral_to": None,
        "referred_count": 0,
    }
    return services.activity_entry_create(actor=actor, **{**data, **kw})


def test_joint_company_visit_with_participants_from_each_organisation(business_advisor, centria):
    company = CompanyFactory(name="Konepaja Oy")
    entry = create(
        business_advisor,
        kind=ActivityEntry.Kind.COMPANY_VISIT,
        title="Yrityskäynti",
        companies=[company],
        participants=[
            ParticipantInput(None, "Eero Neuvoja"),
            ParticipantInput(centria, "Kaisa Tutkija"),
        ],
    )
    assert {(p.organisation, p.name) for p in entry.participants.all()} == {
        (None, "Eero Neuvoja"),
        (centria, "Kaisa Tutkija"),
    }
    assert list(entry.companies.all()) == [company]
    event = AuditEvent.objects.get(action="programme.activity.create")
    assert event.target_id == str(entry.pk)


def test_activity_rules(business_advisor, kpedu, other_area):
    with pytest.raises(DomainError, match="Valitse yrityskäynnin yritys"):
        create(business_advisor, kind=ActivityEntry.Kind.COMPANY_VISIT)
    with pytest.raises(DomainError, match="osallistujat"):
        create(business_advisor, participants=[])
    with pytest.raises(DomainError, match="eri"):
        create(
            business_advisor,
            kind=ActivityEntry.Kind.REFERRAL,
            referral_from=kpedu,
            referral_to=kpedu,
            referred_count=2,
        )
    with pytest.raises(DomainError, match="määrä"):
        create(business_advisor, kind=ActivityEntry.Kind.REFERRAL, referral_to=kpedu)
    with pytest.raises(DomainError, match="työllisyysalueelle"):
        create(business_advisor, companies=[CompanyFactory(employment_area=other_area)])
    referral = create(
        business_advisor, kind=ActivityEntry.Kind.REFERRAL, referral_to=kpedu, referred_count=3
    )
    assert (referral.referral_from, referral.referral_to, referral.referred_count) == (
        None,
        kpedu,
        3,
    )
    meeting = create(business_advisor, referral_to=kpedu, referred_count=5)
    assert (meeting.referral_to, meeting.referred_count) == (None, 0)
    assert ActivityEntry.objects.count() == 2


def test_a_partner_user_records_only_what_their_organisation_took_part_in(
    partner_user, kpedu, centria
):
    with pytest.raises(DomainError, match="Oman organisaatiosi"):
        create(partner_user, participants=[ParticipantInput(centria, "Kaisa")])
    entry = create(partner_user, participants=[ParticipantInput(kpedu, "Kalle Kouluttaja")])
    assert entry.created_by == partner_user


def test_partner_users_see_only_entries_of_their_organisation(
    client_as, partner_user, kpedu, centria
):
    own = ActivityEntryFactory(title="KPEDU mukana", organisations=[None, kpedu])
    referred = ActivityEntryFactory(
        title="Ohjaus KPEDU:lle",
        kind="referral",
        referral_to=kpedu,
        referred_count=2,
        organisations=[None],
    )
    other = ActivityEntryFactory(title="Vain Centria", organisations=[None, centria])
    client = client_as(partner_user)
    html = client.get("/programme/activity/").content.decode()
    assert "KPEDU mukana" in html and "Ohjaus KPEDU:lle" in html and "Vain Centria" not in html
    assert client.get(f"/programme/activity/{own.pk}/").status_code == 200
    assert client.get(f"/programme/activity/{referred.pk}/").status_code == 200
    assert client.get(f"/programme/activity/{other.pk}/").status_code == 404
    assert client.get(f"/programme/activity/{other.pk + 999}/").status_code == 404


def test_area_staff_see_all_entries_of_their_area_only(client_as, other_area, centria):
    ActivityEntryFactory(title="Oma alue", organisations=[centria])
    foreign = ActivityEntryFactory(title="Toinen alue", employment_area=other_area)
    client = client_as(Role.COUNSELLOR)
    html = client.get("/programme/activity/").content.decode()
    assert "Oma alue" in html and "Toinen alue" not in html
    assert client.get(f"/programme/activity/{foreign.pk}/").status_code == 404


def test_activity_list_runs_a_constant_number_of_queries(
    client_as, django_assert_max_num_queries, kpedu
):
    client = client_as(Role.COORDINATOR)
    for _ in range(3):
        entry = ActivityEntryFactory(organisations=[None, kpedu])
        entry.companies.add(CompanyFactory())
    with django_assert_max_num_queries(12) as few:
        client.get("/programme/activity/")
    for _ in range(10):
        entry = ActivityEntryFactory(organisations=[None, kpedu])
        entry.companies.add(CompanyFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/programme/activity/")


def test_create_an_entry_from_the_page(client_as, kpedu):
    client = client_as(Role.BUSINESS_ADVISOR)
    company = CompanyFactory()
    response = client.post(
        "/programme/activity/new/",
        {
            "kind": "company_visit",
            "date": "2026-04-08",
            "title": "Yrityskäynti yhdessä",
            "companies": [company.pk],
            "referral_from": "",
            "referral_to": "",
            "participants-TOTAL_FORMS": "2",
            "participants-INITIAL_FORMS": "0",
            "participants-MIN_NUM_FORMS": "0",
            "participants-MAX_NUM_FORMS": "30",
            "participants-0-organisation": "area",
            "participants-0-name": "Eero Neuvoja",
            "participants-1-organisation": str(kpedu.pk),
            "participants-1-name": "Kalle Kouluttaja",
        },
    )
    entry = ActivityEntry.objects.get()
    assert response.status_code == 302
    assert {p.organisation for p in entry.participants.all()} == {None, kpedu}
    # Missing company: the form shows why and nothing is stored.
    response = client.post(
        "/programme/activity/new/",
        {
            "kind": "company_visit",
            "date": "2026-04-09",
            "title": "Puutteellinen",
            "participants-TOTAL_FORMS": "1",
            "participants-INITIAL_FORMS": "0",
            "participants-0-organisation": "area",
            "participants-0-name": "Eero",
        },
    )
    assert "Valitse yrityskäynnin yritys." in response.content.decode()
    assert ActivityEntry.objects.count() == 1


def test_only_the_author_or_the_coordinator_may_change_an_entry(
    client_as, make_user, business_advisor
):
    entry = create(business_advisor)
    assert (
        client_as(make_user(Role.BUSINESS_ADVISOR))
        .get(f"/programme/activity/{entry.pk}/edit/")
        .status_code
        == 404
    )
    assert (
        client_as(business_advisor).get(f"/programme/activity/{entry.pk}/edit/").status_code == 200
    )
    assert (
        client_as(Role.COORDINATOR).get(f"/programme/activity/{entry.pk}/edit/").status_code == 200
    )
    assert client_as(Role.AUDITOR).get(f"/programme/activity/{entry.pk}/edit/").status_code == 404


# --- Attachments --------------------------------------------------------------------------


def test_attachment_is_stored_and_downloaded_by_those_who_see_the_entry(
    client_as, business_advisor, partner_user, kpedu, centria_user
):
    entry = create(business_advisor, participants=[ParticipantInput(kpedu, "Kalle")])
    client = client_as(business_advisor)
    response = client.post(
        f"/programme/activity/{entry.pk}/",
        {"file": SimpleUploadedFile("muistio.pdf", PDF, content_type="application/pdf")},
    )
    assert response.status_code == 302
    attachment = ActivityAttachment.objects.get()
    assert (attachment.original_name, attachment.size) == ("muistio.pdf", len(PDF))
    download = client_as(partner_user).get(
        f"/programme/activity/{entry.pk}/attachments/{attachment.pk}/"
    )
    assert b"".join(download.streaming_content) == PDF
    assert "muistio.pdf" in download["Content-Disposition"]
    outsider = client_as(centria_user)
    assert (
        outsider.get(f"/programme/activity/{entry.pk}/attachments/{attachment.pk}/").status_code
        == 404
    )
    client.post(f"/programme/activity/{entry.pk}/attachments/{attachment.pk}/delete/")
    assert not ActivityAttachment.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("ohjelma.exe", b"MZ\x90\x00", "ei ole sallittu"),
        ("lasku.pdf", b"MZ\x90\x00 not a pdf", "ei vastaa"),
        ("muistio.txt", b"\xff\xfe\x00binary", "UTF-8"),
        ("tyhja.pdf", b"", "tyhjä"),
    ],
)
def test_attachment_type_and_content_are_checked(business_advisor, name, content, reason):
    entry = create(business_advisor)
    with pytest.raises(DomainError, match=reason):
        services.activity_attachment_add(
            actor=business_advisor, entry=entry, upload=SimpleUploadedFile(name, content)
        )
    assert not ActivityAttachment.objects.exists()


def test_attachment_size_limit(business_advisor):
    entry = create(business_advisor)
    too_big = SimpleUploadedFile("iso.pdf", b"%PDF-" + b"0" * ATTACHMENT_MAX_BYTES)
    with pytest.raises(DomainError, match="liian suuri"):
        services.activity_attachment_add(actor=business_advisor, entry=entry, upload=too_big)
    text = SimpleUploadedFile("muistio.txt", "Kokous sujui hyvin, äöå.".encode())
    assert services.activity_attachment_add(actor=business_advisor, entry=entry, upload=text).pk


def test_attachment_refusal_is_shown_on_the_page(client_as, business_advisor):
    entry = create(business_advisor)
    response = client_as(business_advisor).post(
        f"/programme/activity/{entry.pk}/", {"file": SimpleUploadedFile("x.exe", b"MZ")}
    )
    assert response.status_code == 200 and "ei ole sallittu" in response.content.decode()


# --- Per-partner report -------------------------------------------------------------------


def test_partner_report_counts_its_own_activity(client_as, partner_user, kpedu, centria):
    ActivityEntryFactory(kind="meeting", date=date(2026, 2, 1), organisations=[None, kpedu, kpedu])
    ActivityEntryFactory(
        kind="referral",
        date=date(2026, 3, 1),
        referral_to=kpedu,
        referred_count=4,
        organisations=[None],
    )
    ActivityEntryFactory(
        kind="referral",
        date=date(2026, 3, 2),
        referral_from=kpedu,
        referral_to=centria,
        referred_count=2,
        organisations=[kpedu],
    )
    ActivityEntryFactory(kind="meeting", date=date(2026, 4, 1), organisations=[centria])
    ActivityEntryFactory(kind="meeting", date=date(2025, 4, 1), organisations=[kpedu])
    summary = selectors.partner_activity_summary(
        actor=partner_user,
        organisation_id=centria.pk,
        start=date(2026, 1, 1),
        end=date(2026, 12, 31),
    )
    assert summary.organisation_label == "KPEDU"  # a partner always gets their own
    assert summary.by_kind == {"meeting": 1, "referral": 2}
    assert (summary.participants, summary.referred_in, summary.referred_out) == (3, 4, 2)
    client = client_as(partner_user)
    html = client.get(
        "/programme/activity/partner-report/?organisation="
        f"{kpedu.pk}&start=2026-01-01&end=2026-12-31"
    ).content.decode()
    assert "Yhteistyö: KPEDU" in html
    xlsx = client.get(
        f"/programme/activity/partner-report/?organisation={kpedu.pk}&start=2026-01-01"
        "&end=2026-12-31&format=xlsx"
    )
    sheet = load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Organisaatio", "KPEDU", None, None, None, None)
    assert len([r for r in rows[4:] if r[0]]) == 3


def test_coordinator_reports_for_the_employment_area_itself(coordinator, kpedu):
    ActivityEntryFactory(kind="meeting", organisations=[None, kpedu])
    ActivityEntryFactory(kind="meeting", organisations=[kpedu])
    summary = selectors.partner_activity_summary(
        actor=coordinator, organisation_id=None, start=date(2026, 1, 1), end=date(2026, 12, 31)
    )
    assert len(summary.entries) == 1 and summary.participants == 1
    content = exports.partner_activity_xlsx(summary, date(2026, 1, 1), date(2026, 12, 31))
    assert load_workbook(io.BytesIO(content)).worksheets[0]["B1"].value == str(
        coordinator.employment_area
    )
