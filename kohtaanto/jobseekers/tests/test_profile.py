import datetime
import io
from dataclasses import dataclass, field

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ConflictError
from kohtaanto.jobseekers.documents import DocumentError, cv_text_from_upload
from kohtaanto.jobseekers.models import (
    CvDocument,
    LanguageSkill,
    ProfileSkill,
    RequirementCard,
    SkillSource,
    TargetOccupation,
)
from kohtaanto.jobseekers.services import cv as cv_services
from kohtaanto.jobseekers.services import profile as services
from kohtaanto.jobseekers.validation import InvalidFieldsError
from kohtaanto.taxonomy.tests.factories import ConceptFactory, OccupationFactory, RequirementFactory


@dataclass
class Mention:
    concept_id: int
    uri: str
    label: str
    type: str
    score: float
    spans: list = field(default_factory=list)
    required: bool = False


@dataclass
class Extraction:
    lang: str
    concepts: list
    negated: list = field(default_factory=list)


def mention(concept, score=0.9):
    return Mention(concept.pk, concept.uri, concept.label("fi"), concept.type, score)


@pytest.fixture
def concepts(db):
    return {
        "welding": ConceptFactory(fi="MIG/MAG-hitsaus", en="MIG/MAG welding"),
        "drawings": ConceptFactory(fi="piirustusten lukeminen", en="read engineering drawings"),
        "forklift": RequirementFactory(
            fi="trukkikortti", en="forklift licence", validity_months=None
        ),
        "hot_work": RequirementFactory(
            fi="tulityökortti", en="hot work licence", validity_months=60
        ),
        "welder": OccupationFactory(fi="hitsaaja", en="welder"),
    }


@pytest.fixture
def fake_engine(monkeypatch, concepts):
    """The extraction engine's API (kohtaanto.extraction.engine.extract) with a fixed answer:
    welding twice, drawings, the welder occupation, and a forklift licence mentioned as
    missing ("ei trukkikorttia")."""
    calls = []

    def extract(text):
        calls.append(text)
        return Extraction(
            lang="fi",
            concepts=[
                mention(concepts["welding"], 0.7),
                mention(concepts["welding"], 0.95),
                mention(concepts["drawings"], 0.8),
                mention(concepts["welder"], 0.6),
                mention(concepts["forklift"], 0.5),
                mention(concepts["hot_work"], 0.85),
            ],
            negated=[mention(concepts["forklift"], 0.5)],
        )

    monkeypatch.setattr(cv_services, "_extract", extract)
    return calls


def test_skill_is_added_then_updated_with_audit(counsellor, job_seeker, concepts):
    services.profile_skill_set(
        actor=counsellor,
        job_seeker=job_seeker,
        concept=concepts["welding"],
        level=2,
        source=SkillSource.SELF_ASSESSED,
    )
    services.profile_skill_set(
        actor=counsellor,
        job_seeker=job_seeker,
        concept=concepts["welding"],
        level=3,
        source=SkillSource.CERTIFICATE,
        evidence="SFS-EN ISO 9606-1",
    )
    skill = ProfileSkill.objects.get()
    assert (skill.level, skill.source) == (3, "certificate")
    update = AuditEvent.objects.get(action="profile_skill.update")
    assert update.changes["level"] == [2, 3]


@pytest.mark.parametrize(("level", "concept_key"), [(5, "welding"), (0, "welding"), (2, "welder")])
def test_invalid_skill_refused(counsellor, job_seeker, concepts, level, concept_key):
    with pytest.raises(InvalidFieldsError):
        services.profile_skill_set(
            actor=counsellor,
            job_seeker=job_seeker,
            concept=concepts[concept_key],
            level=level,
            source=SkillSource.COUNSELLOR,
        )
    assert not ProfileSkill.objects.exists()


def test_card_expiry_defaults_from_concept_validity(counsellor, job_seeker, concepts):
    card = services.requirement_card_set(
        actor=counsellor,
        job_seeker=job_seeker,
        concept=concepts["hot_work"],
        acquired_on=datetime.date(2024, 8, 31),
    )
    assert card.expires_on == datetime.date(2029, 8, 31)
    forklift = services.requirement_card_set(
        actor=counsellor,
        job_seeker=job_seeker,
        concept=concepts["forklift"],
        acquired_on=datetime.date(2020, 1, 1),
    )
    assert forklift.expires_on is None


def test_card_must_be_a_requirement_concept(counsellor, job_seeker, concepts):
    with pytest.raises(InvalidFieldsError):
        services.requirement_card_set(
            actor=counsellor, job_seeker=job_seeker, concept=concepts["welding"]
        )


def test_languages_use_iso_codes_and_cefr(counsellor, job_seeker):
    services.language_skill_set(
        actor=counsellor, job_seeker=job_seeker, language="FI", level="C2", is_native=True
    )
    services.language_skill_set(actor=counsellor, job_seeker=job_seeker, language="sv", level="B1")
    assert set(LanguageSkill.objects.values_list("language", "level")) == {
        ("fi", "C2"),
        ("sv", "B1"),
    }
    with pytest.raises(InvalidFieldsError) as exc:
        services.language_skill_set(
            actor=counsellor, job_seeker=job_seeker, language="xx", level="D1"
        )
    assert set(exc.value.by_field()) == {"language", "level"}


def test_cv_extraction_suggests_without_storing_then_confirm_stores(
    counsellor, job_seeker, concepts, fake_engine
):
    document = cv_services.profile_import_from_cv(
        actor=counsellor, job_seeker=job_seeker, text="Hitsaaja, MIG/MAG. Ei trukkikorttia."
    )
    assert fake_engine == ["Hitsaaja, MIG/MAG. Ei trukkikorttia."]
    uris = [s["uri"] for s in document.suggestions]
    assert uris[0] == concepts["welding"].uri  # best score first, once
    assert uris.count(concepts["welding"].uri) == 1
    assert concepts["forklift"].uri not in uris  # mentioned as missing
    assert not ProfileSkill.objects.exists()
    counts = cv_services.profile_import_confirm(
        actor=counsellor,
        document=document,
        accepted={concepts["welding"].pk: 3, concepts["hot_work"].pk: 2, concepts["welder"].pk: 2},
        added=[(concepts["drawings"], 1)],
    )
    assert counts == {"skills": 2, "cards": 1, "targets": 1, "languages": 0, "unchanged": 0}
    welding = ProfileSkill.objects.get(concept=concepts["welding"])
    assert (welding.level, welding.source) == (3, SkillSource.CV_EXTRACTED)
    assert RequirementCard.objects.get().source == SkillSource.CV_EXTRACTED
    assert TargetOccupation.objects.get().concept == concepts["welder"]
    with pytest.raises(ConflictError):
        cv_services.profile_import_confirm(actor=counsellor, document=document, accepted={})


def test_cv_never_overrides_better_evidence(counsellor, job_seeker, concepts, fake_engine):
    services.profile_skill_set(
        actor=counsellor,
        job_seeker=job_seeker,
        concept=concepts["welding"],
        level=4,
        source=SkillSource.CERTIFICATE,
    )
    document = cv_services.profile_import_from_cv(
        actor=counsellor, job_seeker=job_seeker, text="hitsaus"
    )
    cv_services.profile_import_confirm(
        actor=counsellor, document=document, accepted={concepts["welding"].pk: 1}
    )
    skill = ProfileSkill.objects.get()
    assert (skill.level, skill.source) == (4, SkillSource.CERTIFICATE)


def test_confirming_concepts_that_were_not_suggested_is_refused(
    counsellor, job_seeker, concepts, fake_engine
):
    document = cv_services.profile_import_from_cv(actor=counsellor, job_seeker=job_seeker, text="x")
    other = ConceptFactory()
    with pytest.raises(Exception, match="eivät ole tämän ansioluettelon ehdotuksia"):
        cv_services.profile_import_confirm(
            actor=counsellor, document=document, accepted={other.pk: 2}
        )


def test_empty_cv_text_is_refused(counsellor, job_seeker, fake_engine):
    with pytest.raises(InvalidFieldsError):
        cv_services.profile_import_from_cv(actor=counsellor, job_seeker=job_seeker, text="   ")
    assert fake_engine == []


def _docx_bytes(text):
    from docx import Document

    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf_bytes(text):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=text)
    return bytes(pdf.output())


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("cv.txt", lambda t: t.encode("utf-8")),
        ("cv.TXT", lambda t: t.encode("cp1252")),
        ("cv.docx", _docx_bytes),
        ("cv.pdf", _pdf_bytes),
    ],
)
def test_cv_text_read_from_each_file_type(name, make):
    data = make("Hitsaaja jolla tulityokortti")
    text = cv_text_from_upload(name=name, size=len(data), stream=io.BytesIO(data))
    assert "Hitsaaja" in text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("cv.exe", b"MZ", "Tiedostotyyppiä ei tueta"),
        ("cv.pdf", b"not a pdf", "ei ole PDF-tiedosto"),
        ("cv.pdf", b"%PDF-1.4 broken", "vioittunut"),
        ("cv.docx", b"plain text", "ei ole DOCX-tiedosto"),
        ("cv.txt", b"\x00\x01\x02", "ei ole tekstitiedosto"),
        ("cv.txt", b"   ", "Tiedostosta ei löytynyt tekstiä"),
    ],
)
def test_bad_cv_files_are_refused_clearly(name, data, message):
    with pytest.raises(DocumentError, match=message):
        cv_text_from_upload(name=name, size=len(data), stream=io.BytesIO(data))


def test_too_large_cv_is_refused_before_reading():
    with pytest.raises(DocumentError, match="liian suuri"):
        cv_text_from_upload(name="cv.pdf", size=6 * 1024 * 1024, stream=io.BytesIO(b""))


def test_cv_upload_page_to_confirmation(client_as, counsellor, job_seeker, concepts, fake_engine):
    client = client_as(counsellor)
    upload = SimpleUploadedFile("cv.txt", b"Hitsaaja", content_type="text/plain")
    response = client.post(f"/jobseekers/{job_seeker.pk}/profile/cv/", {"file": upload})
    document = CvDocument.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/jobseekers/{job_seeker.pk}/profile/cv/{document.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "MIG/MAG-hitsaus" in page and "trukkikortti" not in page
    key = concepts["welding"].pk
    response = client.post(
        response["Location"],
        {f"accept_{key}": "on", f"level_{key}": "3", "add": "piirustusten lukeminen"},
    )
    assert response.status_code == 302
    assert set(ProfileSkill.objects.values_list("concept__uri", "level")) == {
        (concepts["welding"].uri, 3),
        (concepts["drawings"].uri, 2),
    }


def test_cv_upload_page_shows_file_error(client_as, counsellor, job_seeker, fake_engine):
    upload = SimpleUploadedFile("cv.odt", b"x")
    response = client_as(counsellor).post(
        f"/jobseekers/{job_seeker.pk}/profile/cv/", {"file": upload}
    )
    assert response.status_code == 400
    assert "Tiedostotyyppiä ei tueta" in response.content.decode()
    assert not CvDocument.objects.exists()


def test_confirm_page_reports_unknown_added_concept(
    client_as, counsellor, job_seeker, concepts, fake_engine
):
    document = cv_services.profile_import_from_cv(actor=counsellor, job_seeker=job_seeker, text="x")
    response = client_as(counsellor).post(
        f"/jobseekers/{job_seeker.pk}/profile/cv/{document.pk}/", {"add": "avaruuslentäjä"}
    )
    assert response.status_code == 400
    assert "Luokituksesta ei löytynyt käsitettä" in response.content.decode()
    assert not ProfileSkill.objects.exists()


def test_profile_page_adds_and_removes_items(client_as, counsellor, job_seeker, concepts):
    client = client_as(counsellor)
    base = f"/jobseekers/{job_seeker.pk}/profile/"
    assert (
        client.post(
            base + "skills/",
            {"skill-concept": "MIG/MAG-hitsaus", "skill-level": "3", "skill-source": "counsellor"},
        ).status_code
        == 302
    )
    assert (
        client.post(
            base + "cards/",
            {"card-concept": concepts["hot_work"].uri, "card-acquired_on": "2025-01-10"},
        ).status_code
        == 302
    )
    assert client.post(base + "targets/", {"target-concept": "hitsaaja"}).status_code == 302
    assert (
        client.post(
            base + "languages/",
            {"language-language": "fi", "language-level": "C2", "language-is_native": "on"},
        ).status_code
        == 302
    )
    page = client.get(base).content.decode()
    assert (
        "MIG/MAG-hitsaus" in page
        and "tulityökortti" in page
        and "hitsaaja" in page
        and "suomi" in page
    )
    skill = ProfileSkill.objects.get()
    assert client.post(base + f"skill/{skill.pk}/remove/").status_code == 302
    assert not ProfileSkill.objects.exists()


def test_profile_page_reports_ambiguous_concept(client_as, counsellor, job_seeker, db):
    ConceptFactory(fi="hitsaus A")
    ConceptFactory(fi="hitsaus B")
    response = client_as(counsellor).post(
        f"/jobseekers/{job_seeker.pk}/profile/skills/",
        {"skill-concept": "hitsaus", "skill-level": "2", "skill-source": "counsellor"},
    )
    assert response.status_code == 400
    assert "Valitse yksi ehdotetuista käsitteistä." in response.content.decode()


@pytest.mark.parametrize(
    "who", ["auditor", "partner_with_consent", "business_advisor", "other_counsellor"]
)
def test_profile_changes_refused_for_others(world, who, concepts):
    from django.test import Client

    client = Client()
    client.force_login(world["users"][who])
    person = world["person"]
    response = client.post(
        f"/jobseekers/{person.pk}/profile/skills/",
        {"skill-concept": "MIG/MAG-hitsaus", "skill-level": "3", "skill-source": "counsellor"},
    )
    assert response.status_code == 404
    assert client.post(f"/jobseekers/{person.pk}/profile/cv/", {"text": "x"}).status_code == 404
    assert not ProfileSkill.objects.exists()


def test_partner_with_consent_sees_profile(world, concepts):
    from django.test import Client

    services.profile_skill_set(
        actor=None,
        job_seeker=world["person"],
        concept=concepts["welding"],
        level=3,
        source=SkillSource.COUNSELLOR,
    )
    client = Client()
    client.force_login(world["users"]["partner_with_consent"])
    page = client.get(f"/jobseekers/{world['person'].pk}/profile/").content.decode()
    assert "MIG/MAG-hitsaus" in page
    assert "Lisää taito" not in page


def test_cv_flow_with_the_real_extraction_engine(counsellor, job_seeker, db):
    welding = ConceptFactory(fi="hitsaus", en="welding", sv="svetsning")
    forklift = RequirementFactory(fi="trukkikortti", en="forklift licence", sv="truckkort")
    hot_work = RequirementFactory(fi="tulityökortti", en="hot work licence", sv="heta arbeten-kort")
    document = cv_services.profile_import_from_cv(
        actor=counsellor,
        job_seeker=job_seeker,
        text="Olen tehnyt hitsausta kymmenen vuotta. Minulla on tulityökortti. Ei trukkikorttia.",
    )
    uris = {s["uri"] for s in document.suggestions}
    assert document.lang == "fi"
    assert {welding.uri, hot_work.uri} <= uris
    assert forklift.uri not in uris
    cv_services.profile_import_confirm(
        actor=counsellor, document=document, accepted={welding.pk: 3, hot_work.pk: 2}
    )
    assert ProfileSkill.objects.get().concept == welding
    assert RequirementCard.objects.get().concept == hot_work


def test_cv_confirm_page_shows_languages_experience_and_implied_skills(
    client_as, counsellor, job_seeker, db
):
    forklift_skill = ConceptFactory(fi="trukinajo", en="operate forklift", sv="truckkörning")
    card = RequirementFactory(fi="trukkikortti", en="forklift licence", sv="truckkort")
    card.esco_uri = forklift_skill.uri
    card.save(update_fields=["esco_uri"])
    ConceptFactory(fi="hitsaus", en="use welding equipment", sv="svetsning")
    ConceptFactory(fi="sorvaus", en="turning", sv="svarvning")
    document = cv_services.profile_import_from_cv(
        actor=counsellor,
        job_seeker=job_seeker,
        text=(
            "Olen tehnyt hitsausta 5 vuotta. Minulla on trukkikortti. Puhun sujuvaa ruotsia. "
            "Sorvauksesta minulla ei ole kokemusta."
        ),
    )
    page = client_as(counsellor).get(f"/jobseekers/{job_seeker.pk}/profile/cv/{document.pk}/")
    body = page.content.decode()
    assert page.status_code == 200
    details = page.context["details"]
    assert [(row.name, row.level) for row in details.languages] == [("ruotsi", "C1")]
    assert [(row.years, row.label) for row in details.experience] == [(5, "hitsaus")]
    assert [(row.label, row.note) for row in details.implied] == [
        ("trukinajo", "kortin perusteella")
    ]
    assert "ruotsi: C1" in body
    assert "5 vuotta: hitsaus" in body
    assert "trukinajo" in body and "päätelty" in body
    assert [row.label for row in details.negated] == ["sorvaus"]
    assert '<ul class="extraction-negated"><li>sorvaus</li></ul>' in body


def test_cv_confirm_page_labels_concepts_in_the_page_language_not_the_cvs(
    client_as, counsellor, job_seeker, db
):
    """A Swedish CV on a Finnish page: the suggestions to tick are shown with Finnish labels."""
    welding = ConceptFactory(fi="hitsaus", en="welding", sv="svetsning")
    card = RequirementFactory(fi="trukkikortti", en="forklift licence", sv="truckkort")
    document = cv_services.profile_import_from_cv(
        actor=counsellor,
        job_seeker=job_seeker,
        text="Jag har arbetat med svetsning i 5 år. Jag har truckkort.",
    )
    page = client_as(counsellor).get(
        f"/jobseekers/{job_seeker.pk}/profile/cv/{document.pk}/", HTTP_ACCEPT_LANGUAGE="fi"
    )
    body = page.content.decode()
    assert page.status_code == 200
    assert f'for="id_accept_{welding.pk}">hitsaus</label>' in body
    assert f'for="id_accept_{card.pk}">trukkikortti</label>' in body
    # the CV itself is shown as written; only its concepts' labels follow the page
    assert "svetsning</label>" not in body and "truckkort</label>" not in body
