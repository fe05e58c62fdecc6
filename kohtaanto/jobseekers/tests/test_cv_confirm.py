"""The counsellor's CV confirm page: languages, years of experience, cards' dates and the count
of what was added, through the test client posting the form as a browser would."""

import datetime

import pytest

from kohtaanto.audit.models import AuditEvent
from kohtaanto.jobseekers.models import (
    CvDocument,
    LanguageSkill,
    ProfileSkill,
    RequirementCard,
    SkillLevel,
    SkillSource,
)
from kohtaanto.jobseekers.services import cv as cv_services
from kohtaanto.jobseekers.services import profile as profile_services
from kohtaanto.jobseekers.validation import InvalidFieldsError
from kohtaanto.taxonomy.tests.factories import ConceptFactory, RequirementFactory


@pytest.fixture
def vocabulary(db):
    return {
        "welding": ConceptFactory(fi="hitsaus", en="welding", sv="svetsning"),
        "drawings": ConceptFactory(
            fi="piirustusten lukeminen", en="read engineering drawings", sv="ritningsläsning"
        ),
        "forklift": RequirementFactory(
            fi="trukkikortti", en="forklift licence", sv="truckkort", validity_months=None
        ),
        "hot_work": RequirementFactory(
            fi="tulityökortti", en="hot work licence", sv="heta arbeten-kort", validity_months=60
        ),
    }


def _cv(counsellor, job_seeker, text):
    document = cv_services.profile_import_from_cv(
        actor=counsellor, job_seeker=job_seeker, text=text
    )
    return document, f"/jobseekers/{job_seeker.pk}/profile/cv/{document.pk}/"


def _as_browser_posts(form, **changes):
    """The confirm form's data as the page renders it (ticked boxes, chosen options), with
    `changes` on top (None: the box unticked or the field left out)."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is True:
            data[name] = "on"
        elif value not in (None, False, ""):
            data[name] = str(value)
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def _nothing_stored(document):
    document.refresh_from_db()
    return (
        document.confirmed_at is None
        and not ProfileSkill.objects.exists()
        and not RequirementCard.objects.exists()
        and not LanguageSkill.objects.exists()
        and not AuditEvent.objects.filter(
            action__in=["profile_skill.add", "requirement_card.add", "language_skill.set"]
        ).exists()
    )


# --- languages ---------------------------------------------------------------------------------


def test_finnish_cv_languages_are_confirmed_into_the_profile_with_their_levels(
    client_as, counsellor, job_seeker, vocabulary
):
    _document, url = _cv(counsellor, job_seeker, "Puhun suomea ja ruotsia. Englanti B2.")
    client = client_as(counsellor)
    page = client.get(url)
    form = page.context["form"]
    assert form["level_en"].value() == "B2"  # the level the CV states, prefilled
    assert form["level_fi"].value() == ""  # none stated: the counsellor picks one
    response = client.post(
        url, _as_browser_posts(form, level_fi="native", level_sv="B1", level_en="C1")
    )
    assert response.status_code == 302
    assert set(LanguageSkill.objects.values_list("language", "level", "is_native")) == {
        ("fi", "C2", True),
        ("sv", "B1", False),
        ("en", "C1", False),  # the counsellor changed the CV's B2
    }
    events = AuditEvent.objects.filter(action="language_skill.set")
    assert events.count() == 3
    assert all(e.actor_id == counsellor.pk for e in events)
    message = [
        str(m) for m in client.get(f"/jobseekers/{job_seeker.pk}/profile/").context["messages"]
    ]
    assert message == ["Profiiliin lisättiin tai päivitettiin 3 kieltä."]


def test_swedish_cv_languages_are_confirmed_into_the_profile(
    client_as, counsellor, job_seeker, vocabulary
):
    _document, url = _cv(counsellor, job_seeker, "Jag talar svenska och finska.")
    client = client_as(counsellor)
    form = client.get(url).context["form"]
    assert form.language_codes == ["sv", "fi"]
    response = client.post(url, _as_browser_posts(form, level_sv="native", level_fi="B2"))
    assert response.status_code == 302
    assert set(LanguageSkill.objects.values_list("language", "level", "is_native")) == {
        ("sv", "C2", True),
        ("fi", "B2", False),
    }


def test_a_language_left_unticked_is_not_stored(client_as, counsellor, job_seeker, vocabulary):
    _document, url = _cv(counsellor, job_seeker, "Puhun suomea ja ruotsia.")
    client = client_as(counsellor)
    form = client.get(url).context["form"]
    response = client.post(url, _as_browser_posts(form, level_fi="C1", language_sv=None))
    assert response.status_code == 302
    assert list(LanguageSkill.objects.values_list("language", "level")) == [("fi", "C1")]


def test_a_cv_never_lowers_a_recorded_language(client_as, counsellor, job_seeker, vocabulary):
    profile_services.language_skill_set(
        actor=counsellor, job_seeker=job_seeker, language="sv", level="C1"
    )
    _document, url = _cv(counsellor, job_seeker, "Jag talar svenska och finska.")
    client = client_as(counsellor)
    form = client.get(url).context["form"]
    client.post(url, _as_browser_posts(form, level_sv="A2", level_fi="B1"))
    assert set(LanguageSkill.objects.values_list("language", "level")) == {
        ("sv", "C1"),
        ("fi", "B1"),
    }
    assert AuditEvent.objects.filter(action="language_skill.set").count() == 2  # sv once, fi


@pytest.mark.parametrize(
    ("level", "message"),
    [
        ("D1", "Tason on oltava A1, A2, B1, B2, C1, C2 tai äidinkieli."),
        ("", "Valitse kielitaidon taso."),
    ],
)
def test_a_bad_language_level_is_a_field_error_and_changes_nothing(
    client_as, counsellor, job_seeker, vocabulary, level, message
):
    document, url = _cv(
        counsellor, job_seeker, "Olen tehnyt hitsausta 5 vuotta. Puhun sujuvaa ruotsia."
    )
    client = client_as(counsellor)
    form = client.get(url).context["form"]
    response = client.post(url, _as_browser_posts(form, level_sv=level))
    assert response.status_code == 400
    assert response.context["form"].errors["level_sv"] == [message]
    assert 'id="id_level_sv_error"' in response.content.decode()
    assert _nothing_stored(document)


def test_the_service_refuses_a_bad_language_on_its_row_and_changes_nothing(
    counsellor, job_seeker, vocabulary
):
    document, _url = _cv(counsellor, job_seeker, "Olen tehnyt hitsausta 5 vuotta.")
    welding = vocabulary["welding"]
    with pytest.raises(InvalidFieldsError) as refused:
        cv_services.profile_import_confirm(
            actor=counsellor,
            document=document,
            accepted={welding.pk: 3},
            languages=[("fi", "C1"), ("sv", "D1")],
        )
    assert set(refused.value.by_field()) == {"level_sv"}
    assert _nothing_stored(document)


# --- years of experience -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("years", "level"),
    [(0, 1), (1, 1), (2, 2), (4, 2), (5, 3), (9, 3), (10, 4), (40, 4)],
)
def test_years_of_experience_map_to_the_skill_level_scale(years, level):
    assert SkillLevel.for_years(years) == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Olen tehnyt hitsausta 5 vuotta.", 3),
        ("Minulla on 5 vuotta hitsausta. Olen tehnyt hitsausta kymmenen vuotta.", 4),
        ("Jag har arbetat med svetsning i 5 år.", 3),
    ],
)
def test_years_of_experience_in_the_cv_set_the_confirmed_skills_level(
    client_as, counsellor, job_seeker, vocabulary, text, level
):
    _document, url = _cv(counsellor, job_seeker, text)
    client = client_as(counsellor)
    page = client.get(url)
    welding = vocabulary["welding"]
    assert page.context["form"][f"level_{welding.pk}"].value() == level
    assert "vuotta kokemusta" in page.content.decode()
    response = client.post(url, _as_browser_posts(page.context["form"]))
    assert response.status_code == 302
    skill = ProfileSkill.objects.get(concept=welding)
    assert (skill.level, skill.source) == (level, SkillSource.CV_EXTRACTED)


def test_years_in_a_later_cv_raise_a_skill_from_an_earlier_cv(
    client_as, counsellor, job_seeker, vocabulary
):
    welding = vocabulary["welding"]
    profile_services.profile_skill_set(
        actor=counsellor,
        job_seeker=job_seeker,
        concept=welding,
        level=2,
        source=SkillSource.CV_EXTRACTED,
    )
    _document, url = _cv(counsellor, job_seeker, "Olen tehnyt hitsausta kymmenen vuotta.")
    client = client_as(counsellor)
    form = client.get(url).context["form"]
    assert client.post(url, _as_browser_posts(form)).status_code == 302
    assert ProfileSkill.objects.get(concept=welding).level == 4
    update = AuditEvent.objects.get(action="profile_skill.update")
    assert update.changes["level"] == [2, 4]


# --- cards' dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "page_language"),
    [
        ("Minulla on tulityökortti ja trukkikortti.", "fi"),
        ("Jag har heta arbeten-kort och truckkort.", "sv"),
    ],
)
def test_cards_dates_typed_the_finnish_way_are_saved(
    client_as, counsellor, job_seeker, vocabulary, text, page_language
):
    hot_work, forklift = vocabulary["hot_work"], vocabulary["forklift"]
    _document, url = _cv(counsellor, job_seeker, text)
    client = client_as(counsellor)
    page = client.get(url, HTTP_ACCEPT_LANGUAGE=page_language)
    assert f'name="expires_on_{forklift.pk}"' in page.content.decode()
    data = _as_browser_posts(
        page.context["form"],
        **{
            f"expires_on_{forklift.pk}": "31.12.2027",
            f"acquired_on_{hot_work.pk}": "1.6.2023",
        },
    )
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE=page_language)
    assert response.status_code == 302
    forklift_card = RequirementCard.objects.get(concept=forklift)
    assert (forklift_card.acquired_on, forklift_card.expires_on) == (
        None,
        datetime.date(2027, 12, 31),
    )
    hot_work_card = RequirementCard.objects.get(concept=hot_work)
    # no end date given: the card's validity (5 years) from the day it was taken
    assert (hot_work_card.acquired_on, hot_work_card.expires_on) == (
        datetime.date(2023, 6, 1),
        datetime.date(2028, 6, 1),
    )
    added = AuditEvent.objects.get(action="requirement_card.add", target_id=str(forklift_card.pk))
    assert added.changes["expires_on"] == [None, "2027-12-31"]


@pytest.mark.parametrize(
    "text",
    [
        "Minulla on tulityökortti, voimassa 31.12.2027. Trukkikortti suoritettu 5.3.2021.",
        "Jag har heta arbeten-kort, giltigt till 31.12.2027. Truckkort avlagt 5.3.2021.",
    ],
)
def test_cards_dates_the_cv_states_are_shown_and_saved(
    client_as, counsellor, job_seeker, vocabulary, text
):
    hot_work, forklift = vocabulary["hot_work"], vocabulary["forklift"]
    _document, url = _cv(counsellor, job_seeker, text)
    client = client_as(counsellor)
    page = client.get(url)
    body = page.content.decode()
    assert f'name="expires_on_{hot_work.pk}" value="2027-12-31"' in body
    assert f'name="acquired_on_{forklift.pk}" value="2021-03-05"' in body
    assert client.post(url, _as_browser_posts(page.context["form"])).status_code == 302
    cards = {c.concept_id: (c.acquired_on, c.expires_on) for c in RequirementCard.objects.all()}
    assert cards == {
        hot_work.pk: (None, datetime.date(2027, 12, 31)),
        forklift.pk: (datetime.date(2021, 3, 5), None),
    }


def test_an_impossible_card_date_is_a_field_error_and_changes_nothing(
    client_as, counsellor, job_seeker, vocabulary
):
    forklift = vocabulary["forklift"]
    document, url = _cv(counsellor, job_seeker, "Hitsausta 5 vuotta. Minulla on trukkikortti.")
    client = client_as(counsellor)
    form = client.get(url).context["form"]
    response = client.post(
        url, _as_browser_posts(form, **{f"expires_on_{forklift.pk}": "31.2.2027"})
    )
    assert response.status_code == 400
    assert f"expires_on_{forklift.pk}" in response.context["form"].errors
    assert f'id="id_expires_on_{forklift.pk}_error"' in response.content.decode()
    assert _nothing_stored(document)


def test_a_card_ending_before_it_was_taken_is_refused_on_its_row_and_changes_nothing(
    client_as, counsellor, job_seeker, vocabulary
):
    forklift = vocabulary["forklift"]
    document, url = _cv(counsellor, job_seeker, "Hitsausta 5 vuotta. Minulla on trukkikortti.")
    client = client_as(counsellor)
    form = client.get(url).context["form"]
    data = _as_browser_posts(
        form,
        **{f"acquired_on_{forklift.pk}": "1.6.2024", f"expires_on_{forklift.pk}": "31.12.2023"},
    )
    response = client.post(url, data)
    assert response.status_code == 400
    assert response.context["form"].errors[f"expires_on_{forklift.pk}"] == [
        "Voimassaolo ei voi päättyä ennen suorituspäivää."
    ]
    assert _nothing_stored(document)


# --- what the message counts -------------------------------------------------------------------


def test_the_message_counts_only_what_was_added_and_tells_what_the_profile_had(
    client_as, counsellor, job_seeker, vocabulary
):
    welding, drawings = vocabulary["welding"], vocabulary["drawings"]
    profile_services.profile_skill_set(
        actor=counsellor,
        job_seeker=job_seeker,
        concept=welding,
        level=3,
        source=SkillSource.COUNSELLOR,
    )
    _document, url = _cv(counsellor, job_seeker, "Osaan hitsauksen ja piirustusten lukemisen.")
    client = client_as(counsellor)
    form = client.get(url).context["form"]
    assert {f"accept_{welding.pk}", f"accept_{drawings.pk}"} <= set(form.fields)
    response = client.post(url, _as_browser_posts(form), follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert messages == [
        "Profiiliin lisättiin tai päivitettiin 1 taito. "
        "1 valituista oli jo profiilissa, eikä sitä muutettu."
    ]
    skill = ProfileSkill.objects.get(concept=welding)
    assert (skill.level, skill.source) == (3, SkillSource.COUNSELLOR)
    assert CvDocument.objects.get().confirmed_at is not None
    confirm = AuditEvent.objects.get(action="cv.confirm")
    assert confirm.changes["skills"] == [None, 1] and confirm.changes["unchanged"] == [None, 1]
