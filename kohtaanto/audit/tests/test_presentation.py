"""The audit log as people read it: names, translated event names and sentences, formatted
values, filters by person, object and day, the Excel export, and the keyboard-reachable table."""

import datetime
import re
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from openpyxl import load_workbook

from kohtaanto.accounts.models import Role
from kohtaanto.audit.events import ACCESS_WHAT, EVENT_TYPES
from kohtaanto.audit.models import AuditEvent
from kohtaanto.audit.presentation import describe_event, event_amount
from kohtaanto.audit.services import access_log_record, audit_event_record

PACKAGE = Path(__file__).resolve().parents[2]


@pytest.fixture
def tiina(make_user):
    return make_user(Role.FINANCE, first_name="Tiina", last_name="Talous", username="ttalous")


def _payment(actor, target):
    return audit_event_record(
        actor=actor,
        action="payment.record",
        target=target,
        target_repr="Koulutustilaus: CNC-koneistus",
        changes={"paid": ["1000.00", "3520.00"], "entry": [None, 7]},
    )


@pytest.mark.parametrize(
    ("lang", "sentence", "name"),
    [
        (
            "fi",
            "Tiina Talous maksoi 2 520,00 € sitoumuksesta Koulutustilaus: CNC-koneistus.",
            "Maksu kirjattu",
        ),
        (
            "sv",
            "Tiina Talous betalade 2 520,00 € på förbindelsen Koulutustilaus: CNC-koneistus.",
            "Betalning bokförd",
        ),
        (
            "en",
            "Tiina Talous paid €2,520.00 on commitment Koulutustilaus: CNC-koneistus.",
            "Payment recorded",
        ),
    ],
)
def test_payment_event_reads_as_a_sentence_with_the_amount(
    tiina, coordinator, lang, sentence, name
):
    event = _payment(tiina, coordinator)
    with translation.override(lang):
        view = describe_event(AuditEvent.objects.select_related("actor").get(pk=event.pk))
    assert view.sentence == sentence
    assert view.name == name
    assert view.actor_name == "Tiina Talous"


def test_changes_show_field_names_choice_labels_amounts_and_dates(tiina, counsellor):
    event = audit_event_record(
        actor=tiina,
        action="user.set_role",
        target=counsellor,
        changes={
            "role": ["counsellor", "coordinator"],
            "is_active": [True, False],
            "date_joined": [None, "2026-12-02"],
            "amount": [None, "2520.00"],
        },
    )
    with translation.override("fi"):
        rows = {c.field: (c.old, c.new) for c in describe_event(event).changes}
    assert rows["Rooli"] == ("Työvoimaohjaaja", "Projektikoordinaattori")
    assert rows["Voimassa"] == ("kyllä", "ei")
    assert rows["Liittynyt"] == ("–", "2.12.2026")
    assert rows["Summa"] == ("–", "2 520,00 €")
    with translation.override("en"):
        rows = {c.field: (c.old, c.new) for c in describe_event(event).changes}
    assert rows["Date joined"] == ("–", "2 Dec 2026")
    assert rows["Amount"] == ("–", "€2,520.00")
    assert set(rows) == {"Role", "Active", "Date joined", "Amount"}


def test_amount_of_a_money_event_is_the_change_in_paid_or_the_new_amount():
    assert str(event_amount({"paid": ["1000.00", "3520.00"]})) == "2520.00"
    assert str(event_amount({"paid": ["3520.00", "3000.00"]})) == "520.00"
    assert str(event_amount({"amount": [None, "99.50"]})) == "99.50"
    assert event_amount({"status": ["a", "b"]}) is None


def test_an_event_without_a_person_is_done_by_the_system(coordinator):
    event = audit_event_record(actor=None, action="job_seeker.import_create", target=coordinator)
    with translation.override("fi"):
        view = describe_event(event)
    assert view.actor_name == "Järjestelmä"
    assert view.sentence.startswith("Järjestelmä toi työnhakijan ")


def test_an_unknown_event_type_still_reads_as_a_sentence(coordinator):
    event = audit_event_record(actor=coordinator, action="new.kind", target=coordinator)
    view = describe_event(event)
    assert view.name == "new.kind"
    assert "new.kind" in view.sentence


def _written_actions() -> set[str]:
    """Every event code a service writes, read from the source."""
    codes: set[str] = set()
    patterns = [
        re.compile(r'action\s*=\s*"([a-z_]+(?:\.[a-z_]+)+)"'),
        re.compile(r'_record\(\s*actor,\s*\w+,\s*"([a-z_]+(?:\.[a-z_]+)+)"'),
    ]
    for path in PACKAGE.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in patterns:
            codes.update(pattern.findall(text))
    return codes


def test_every_event_type_written_by_a_service_has_a_name_and_a_sentence():
    written = _written_actions()
    assert len(written) > 100
    assert sorted(written - EVENT_TYPES.keys()) == []
    for code, event_type in EVENT_TYPES.items():
        assert "%(actor)s" in str(event_type.sentence), code


def test_every_translated_sentence_keeps_its_placeholders():
    placeholder = re.compile(r"%\(\w+\)s")
    for code, event_type in EVENT_TYPES.items():
        with translation.override("fi"):
            fi_name, fi_sentence = str(event_type.name), str(event_type.sentence)
        for lang in ("sv", "en"):
            with translation.override(lang):
                name, sentence = str(event_type.name), str(event_type.sentence)
            assert name != fi_name, (lang, code)
            assert sorted(placeholder.findall(sentence)) == sorted(
                placeholder.findall(fi_sentence)
            ), (lang, code)


def test_log_page_shows_sentences_and_names_not_codes(client_as, tiina, coordinator):
    _payment(tiina, coordinator)
    client = client_as(Role.AUDITOR)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    body = client.get("/audit/").content.decode()
    assert "Tiina Talous betalade 2 520,00 € på förbindelsen" in body
    assert "payment.record" not in body
    # The scrollable table is reachable and named for keyboard and screen-reader users.
    assert re.search(
        r'<div class="table-wrap" tabindex="0" role="region" aria-labelledby="audit-caption">', body
    )


def test_log_filters_by_person_object_and_day(client_as, tiina, coordinator, counsellor):
    _payment(tiina, coordinator)
    audit_event_record(actor=coordinator, action="user.update", target=counsellor)
    client = client_as(Role.AUDITOR)
    by_person = client.get("/audit/", {"person": tiina.pk}).content.decode()
    assert "Tiina Talous maksoi" in by_person
    assert "muutti käyttäjän" not in by_person
    by_object = client.get(
        "/audit/", {"object_type": "accounts.user", "object_id": str(counsellor.pk)}
    ).content.decode()
    assert "muutti käyttäjän" in by_object
    assert "Tiina Talous maksoi" not in by_object
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    later = client.get("/audit/", {"date_from": tomorrow}).content.decode()
    assert "Ei hakua vastaavia rivejä." in later


def test_access_log_names_the_viewer_and_what_was_seen(client_as, counsellor, coordinator):
    counsellor.first_name, counsellor.last_name = "Olli", "Ohjaaja"
    counsellor.save(update_fields=["first_name", "last_name"])
    access_log_record(actor=counsellor, subject=coordinator, what="identity_code")
    body = client_as(Role.AUDITOR).get("/audit/", {"log": "access"}).content.decode()
    assert "<td>Olli Ohjaaja</td><td>henkilötunnus</td>" in body
    assert set(ACCESS_WHAT) >= {"identity_code", "profile", "basic_data"}


def test_excel_export_has_sentences_and_never_formulas(client_as, tiina, coordinator):
    audit_event_record(
        actor=tiina,
        action="company.update",
        target=coordinator,
        target_repr='=HYPERLINK("http://x")',
        changes={"name": ["Vanha", "=1+1"]},
    )
    _payment(tiina, coordinator)
    response = client_as(Role.AUDITOR).get("/audit/", {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Aika", "Tekijä", "Käyttäjätunnus", "Tapahtuma", "Kuvaus")
    sentences = [r[4] for r in rows[1:]]
    assert (
        "Tiina Talous maksoi 2 520,00 € sitoumuksesta Koulutustilaus: CNC-koneistus." in sentences
    )
    targets = [r[7] for r in rows[1:]]
    assert '\'=HYPERLINK("http://x")' in targets
    assert all(not (isinstance(c, str) and c.startswith("=")) for r in rows for c in r)


def test_excel_export_is_refused_like_the_page(client_as):
    assert client_as(Role.COUNSELLOR).get("/audit/", {"export": "xlsx"}).status_code == 404
