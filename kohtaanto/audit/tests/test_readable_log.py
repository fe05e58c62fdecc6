"""The log pages read without training: every change key in words, related objects by their
text (a person's name only for a reader who may see the person), dates and times the Finnish
way, and object types that do not read alike."""

import ast
import dataclasses
import re
from io import BytesIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation
from openpyxl import load_workbook

from kohtaanto.accounts.models import EmploymentArea, Role
from kohtaanto.audit.events import CHANGE_LABELS, EVENT_TYPES
from kohtaanto.audit.models import AuditEvent
from kohtaanto.audit.references import KEY_MODELS, type_label
from kohtaanto.audit.services import access_log_record_many, audit_event_record
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.jobseekers.tests.factories import JobSeekerFactory
from kohtaanto.taxonomy.importer import SyncCounts

PACKAGE = Path(__file__).resolve().parents[2]
AUDIT_CALLS = ("audit_event_record", "audit_events_record_many", "audit_events_record_plain")


def _keys_in(node: ast.AST, found: dict[str, str], where: str) -> None:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Dict):
            for key in sub.keys:
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    found.setdefault(key.value, where)


def _written_change_keys() -> dict[str, str]:
    """Every change key a service or importer writes, read from the source: the keys of the
    `changes=` dicts, of dicts assigned to `changes` or `counts`, and `changes["key"] = …`."""
    found: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if "tests" in parts or "migrations" in parts or parts[0] == "audit":
            continue
        text = path.read_text(encoding="utf-8")
        if not any(call in text for call in AUDIT_CALLS):
            continue
        for node in ast.walk(ast.parse(text)):
            where = f"{path.relative_to(PACKAGE)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.keyword) and node.arg == "changes":
                _keys_in(node.value, found, where)
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    named = isinstance(target, ast.Name) and target.id in ("changes", "counts")
                    if named and node.value is not None:
                        _keys_in(node.value, found, where)
                    if (
                        isinstance(target, ast.Subscript)
                        and isinstance(target.value, ast.Name)
                        and target.value.id == "changes"
                        and isinstance(target.slice, ast.Constant)
                    ):
                        found.setdefault(str(target.slice.value), where)
    for counted in dataclasses.fields(SyncCounts):  # taxonomy loads record their counts
        found.setdefault(counted.name, "taxonomy/importer.py SyncCounts")
    return found


def _labelled_fields() -> set[str]:
    """Names of model fields that carry their own (translated) label."""
    names = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            verbose = getattr(field, "verbose_name", None)
            if verbose is not None and not isinstance(verbose, str):
                names.add(field.name)
    return names


def test_every_change_key_written_has_words_not_the_code():
    written = _written_change_keys()
    assert {"file", "created", "format", "rows", "candidates", "language"} <= set(written)
    labelled = _labelled_fields() | set(CHANGE_LABELS) | set(KEY_MODELS)
    missing = {
        key: where
        for key, where in written.items()
        if key not in labelled and key.removesuffix("_id") not in labelled
    }
    assert missing == {}


def test_change_labels_are_translated():
    for key, label in CHANGE_LABELS.items():
        with translation.override("fi"):
            finnish = str(label)
        for lang in ("sv", "en"):
            with translation.override(lang):
                assert str(label) != finnish or finnish[:1].isdigit(), (lang, key)


@pytest.fixture
def olli(make_user):
    return make_user(Role.COUNSELLOR, first_name="Olli", last_name="Ohjaaja", username="ohjaaja")


def _page(client, **params) -> str:
    body = client.get("/audit/", params).content.decode()
    return re.sub(r"\s+", " ", body)


def test_related_objects_read_as_their_text_not_their_ids(client_as, olli):
    from kohtaanto.accounts.models import Municipality

    company = CompanyFactory(name="Esimerkki Konepaja Oy")
    kokkola = Municipality.objects.get(code="272")
    audit_event_record(
        actor=olli,
        action="company.update",
        target=company,
        changes={
            "responsible_advisor": [None, olli.pk],
            "municipality": [None, kokkola.pk],
            "programme_roles": [[], ["pilot_company"]],
        },
    )
    audit_event_record(  # a finance link records the company by its business id
        actor=olli,
        action="grant_application.link",
        target=olli,
        changes={"company": [None, company.business_id]},
    )
    audit_event_record(  # and a training invoice by its name
        actor=olli,
        action="training_employer_invoice.create",
        target=olli,
        changes={"company": [None, "Vanha Nimi Oy"]},
    )
    client = client_as(Role.AUDITOR)
    body = _page(client)
    assert "<dt>Vastuuhenkilö</dt><dd>– → Olli Ohjaaja</dd>" in body
    assert "<dt>Kunta</dt><dd>– → Kokkola</dd>" in body
    assert "<dt>Hankeroolit</dt><dd>– → Pilottiyritys</dd>" in body
    assert "<dt>Yritys</dt><dd>– → Esimerkki Konepaja Oy</dd>" in body
    assert "<dt>Yritys</dt><dd>– → Vanha Nimi Oy</dd>" in body
    assert f"→ {olli.pk}</dd>" not in body
    sheet = load_workbook(BytesIO(client.get("/audit/", {"export": "xlsx"}).content)).active
    changes = "\n".join(str(row[8]) for row in sheet.iter_rows(min_row=2, values_only=True))
    assert "Vastuuhenkilö: – → Olli Ohjaaja" in changes
    assert "Yritys: – → Esimerkki Konepaja Oy" in changes


def test_a_persons_name_only_for_a_reader_who_may_see_the_person(client_as, olli):
    own = JobSeekerFactory(first_name="Aino", last_name="Esimerkki")
    other_area = EmploymentArea.objects.create(code="muu-alue", name="Muu työllisyysalue")
    stranger = JobSeekerFactory(first_name="Ville", last_name="Vieras", employment_area=other_area)
    for person in (own, stranger):
        audit_event_record(
            actor=olli,
            action="shortlist.candidate.propose",
            target=olli,
            target_repr="Ehdokaslista",
            changes={"job_seeker": [None, person.pk]},
        )
    body = _page(client_as(Role.COORDINATOR))
    assert "<dt>Työnhakija</dt><dd>– → Aino Esimerkki</dd>" in body
    assert f"<dt>Työnhakija</dt><dd>– → henkilö #{stranger.pk}</dd>" in body
    assert "Vieras" not in body


def test_one_page_looks_up_its_objects_with_a_fixed_number_of_queries(client_as, olli):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as(Role.AUDITOR)

    def record(count: int) -> int:
        for _ in range(count):
            company = CompanyFactory()
            person = JobSeekerFactory()
            audit_event_record(
                actor=olli,
                action="company_task.create",
                target=company,
                changes={"company": [None, company.pk], "job_seeker": [None, person.pk]},
            )
        _page(client)  # the first request of a session also saves the session
        with CaptureQueriesContext(connection) as queries:
            body = _page(client)
        assert "→ #" not in body
        return len(queries.captured_queries)

    few = record(2)
    many = record(30)
    assert many == few


def test_import_keys_read_in_finnish_and_moments_with_klo(client_as, olli):
    event = audit_event_record(
        actor=None,
        action="job_seeker.import",
        target=olli,
        target_repr="asiakkaat.jsonl",
        changes={
            "file": [None, "asiakkaat.jsonl"],
            "created": [None, 12],
            "format": [None, "csv"],
            "rows": [None, 40],
            "candidates": [None, []],
            "language": [None, "sv"],
            "checked_at": [None, "2026-03-11T12:05:00+00:00"],
            "period": [None, "2026-01-01–2026-06-30"],
        },
    )
    body = _page(client_as(Role.COORDINATOR))
    for shown in (
        "<dt>Tiedosto</dt><dd>– → asiakkaat.jsonl</dd>",
        "<dt>Lisättyjä</dt><dd>– → 12</dd>",
        "<dt>Tiedostomuoto</dt><dd>– → csv</dd>",
        "<dt>Rivejä</dt><dd>– → 40</dd>",
        "<dt>Ehdokkaat</dt><dd>– → –</dd>",
        "<dt>Kieli</dt><dd>– → ruotsi</dd>",
        "– → 11.3.2026 klo 14.05</dd>",
        "<dt>Jakso</dt><dd>– → 1.1.2026–30.6.2026</dd>",
    ):
        assert shown in body
    assert re.search(
        r'<time datetime="[^"]+">\d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}</time>', body
    )
    for code in ("File", "Created", "Format", "Rows", "Candidates", "Language"):
        assert f"<dt>{code}</dt>" not in body
    assert AuditEvent.objects.get(pk=event.pk).changes["created"] == [None, 12]


def test_shares_and_hours_are_not_euros(coordinator):
    from kohtaanto.audit.presentation import describe_event

    event = audit_event_record(
        actor=coordinator,
        action="programme.time_record.create",
        target=coordinator,
        changes={
            "percentage": [None, "100"],
            "hours": [None, "7.50"],
            "amount": [None, "32"],
            "year": [None, 2026],
            "rows": [None, 12500],
        },
    )
    event.target_type = "programme.timerecord"
    with translation.override("fi"):
        rows = {c.field: c.new for c in describe_event(event).changes}
    assert rows == {
        "Osuus (%)": "100",
        "Tunnit": "7,50",
        "Summa": "32,00 €",
        "Vuosi": "2026",
        "Rivejä": "12 500",
    }


def test_labels_follow_the_readers_language(client_as, olli):
    company = CompanyFactory(name="Esimerkki Konepaja Oy")
    audit_event_record(
        actor=olli,
        action="job_seeker.import",
        target=company,
        changes={"file": [None, "a.csv"], "company": [None, company.pk]},
    )
    client = client_as(Role.AUDITOR)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = _page(client)
    assert "<dt>File</dt><dd>– → a.csv</dd>" in body
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    body = _page(client)
    assert "<dt>Fil</dt><dd>– → a.csv</dd>" in body
    assert "<dt>Företag</dt><dd>– → Esimerkki Konepaja Oy</dd>" in body


def test_access_log_names_the_people_of_a_list_page_and_reads_its_reason(client_as, olli, area):
    aino = JobSeekerFactory(first_name="Aino", last_name="Esimerkki")
    access_log_record_many(
        actor=olli,
        subject_type=JobSeeker,
        subject_ids=[aino.pk],
        what="basic_data",
        reason="role: counsellor",
    )
    from kohtaanto.audit.services import access_log_record

    access_log_record(
        actor=olli,
        subject=area,
        what="job_seeker_list",
        reason=f"ids: {aino.pk},999999",
        subject_repr=str(area),
    )
    body = _page(client_as(Role.AUDITOR), log="access")
    assert "<td>Työnhakija: Aino Esimerkki</td><td>rooli: Työvoimaohjaaja</td>" in body
    assert "henkilöt (2): Aino Esimerkki, henkilö #999999" in body
    assert f"#{aino.pk}<" not in body


def test_object_types_and_event_names_do_not_read_alike():
    for lang in ("fi", "sv", "en"):
        with translation.override(lang):
            labels: dict[str, str] = {}
            for model in apps.get_models():
                if not model.__module__.startswith("kohtaanto"):
                    continue
                label = type_label(model._meta.label_lower)
                assert label not in labels, (lang, label, labels.get(label), model)
                labels[label] = model._meta.label_lower
            names = [str(t.name) for t in EVENT_TYPES.values()]
            assert len(names) == len(set(names)), lang


def test_the_type_filter_tells_the_two_payment_claims_apart(client_as, coordinator):
    for label in ("finance.grantpaymentclaim", "programme.costreport"):
        AuditEvent.objects.create(
            actor=coordinator, action="x.y", target_type=label, target_id="1", target_repr="x"
        )
    body = _page(client_as(Role.COORDINATOR))
    options = re.findall(r'<option value="[a-z_.]+">([^<]+)</option>', body)
    assert "Avustuksen maksatushakemus" in options
    assert "Hankkeen maksatushakemus" in options
    assert options.count("Maksatushakemus") == 0


def test_cv_titles_name_the_person_as_the_reader_may_see_them_not_by_id(olli, coordinator):
    from kohtaanto.audit.presentation import describe_events
    from kohtaanto.jobseekers.models import CvDocument
    from kohtaanto.jobseekers.services.cv import profile_import_confirm

    own = JobSeekerFactory(first_name="Aino", last_name="Esimerkki")
    other_area = EmploymentArea.objects.create(code="muu-alue", name="Muu työllisyysalue")
    stranger = JobSeekerFactory(first_name="Ville", last_name="Vieras", employment_area=other_area)
    for person in (own, stranger):
        document = CvDocument.objects.create(job_seeker=person, filename="cv.pdf", text="hitsaus")
        profile_import_confirm(actor=olli, document=document, accepted={})
    events = AuditEvent.objects.filter(action="cv.confirm").order_by("id")

    with translation.override("fi"):
        own_row, stranger_row = describe_events(events, actor=coordinator)

    assert own_row.target_repr == "Aino Esimerkki: cv.pdf"
    assert "Aino Esimerkki: cv.pdf" in own_row.sentence
    assert stranger_row.target_repr == f"henkilö #{stranger.pk}: cv.pdf"
    assert f"{own.pk}: cv.pdf" not in own_row.sentence


def test_municipality_is_recorded_by_code_and_old_rows_by_id_still_read_as_its_name(
    client_as, olli, area
):
    from kohtaanto.accounts.models import Municipality
    from kohtaanto.employers.services.companies import CompanyData, company_create

    kokkola = Municipality.objects.get(code="272")
    company = company_create(
        actor=olli,
        area=area,
        data=CompanyData(business_id="0112038-9", name="Uusi Oy", municipality=kokkola),
    )
    created = AuditEvent.objects.get(action="company.create", target_id=str(company.pk))
    assert created.changes["municipality"] == [None, "272"]
    person = JobSeekerFactory()
    for action, target, value in (
        ("company.update", company, kokkola.pk),  # companies and vacancies: the id, a number
        ("job_seeker.import_update", person, str(kokkola.pk)),  # imports: the id as text
        ("job_seeker.import_update", person, "272"),  # imports from now on: the code
        ("job_seeker.update", person, "272"),
    ):
        audit_event_record(
            actor=olli, action=action, target=target, changes={"municipality": [None, value]}
        )
    body = _page(client_as(Role.AUDITOR))
    assert body.count("<dd>– → Kokkola</dd>") == 5
    assert "Kunta #" not in body


def test_log_page_and_export_write_an_access_row_for_each_name_they_show(client_as, olli):
    from kohtaanto.audit.models import AccessLogEntry

    own = JobSeekerFactory(first_name="Aino", last_name="Esimerkki")
    other_area = EmploymentArea.objects.create(code="muu-alue", name="Muu työllisyysalue")
    stranger = JobSeekerFactory(first_name="Ville", last_name="Vieras", employment_area=other_area)
    for person in (own, stranger):
        audit_event_record(
            actor=olli,
            action="shortlist.candidate.propose",
            target=olli,
            target_repr="Ehdokaslista",
            changes={"job_seeker": [None, person.pk]},
        )
    client = client_as(Role.COORDINATOR)

    assert "Aino Esimerkki" in _page(client)
    logged = AccessLogEntry.objects.filter(what="audit_log")
    assert list(logged.values_list("subject_type", "subject_id", "reason")) == [
        ("jobseekers.jobseeker", str(own.pk), "page")
    ]
    assert logged.get().path == "/audit/"

    client.get("/audit/", {"export": "xlsx"})
    assert list(logged.filter(reason="export").values_list("subject_id", flat=True)) == [
        str(own.pk)
    ]
    assert not logged.filter(subject_id=str(stranger.pk)).exists()
