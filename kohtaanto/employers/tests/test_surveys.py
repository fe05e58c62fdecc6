"""Competence-needs surveys: the advisor fills in or sends a signed link; the company answers
without an account; expired and forged links show nothing."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ConflictError
from kohtaanto.employers.errors import FieldError
from kohtaanto.employers.models import CompanyContact, CompetenceSurvey, SurveyStatus
from kohtaanto.employers.selectors import worklist
from kohtaanto.employers.services.surveys import (
    SkillNeedInput,
    SurveyAnswers,
    survey_answers_save,
    survey_create,
    survey_link_issue,
)
from kohtaanto.employers.survey_links import survey_link_token


def _rows(prefix, rows, extra=0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows) + extra),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "100",
    }
    for i, row in enumerate(rows):
        data |= {f"{prefix}-{i}-{k}": v for k, v in row.items()}
    return data


def _answers(**extra):
    data = {
        "respondent_name": "Tuula Tehdas",
        "free_text": "",
        "suggested_horizon": "0-6",
        "interest_tasmakoulutus": "on",
    }
    data |= _rows(
        "skills", [{"concept": "hitsaus", "headcount": "2", "horizon": "0-6", "priority": "1"}]
    )
    data |= _rows("recruitment", [{"occupation": "svetsare", "count": "1", "horizon": "6-12"}])
    data |= _rows("upskilling", [{"concept": "program a CNC controller", "staff_count": "4"}])
    return data | extra


@pytest.fixture
def advisor_client(client_as):
    return client_as(Role.BUSINESS_ADVISOR)


@pytest.fixture
def survey(company, business_advisor):
    return survey_create(actor=business_advisor, company=company)


@pytest.fixture
def sent(survey, business_advisor):
    survey, token = survey_link_issue(actor=business_advisor, survey=survey, language="sv")
    return survey, token


def test_advisor_starts_and_fills_in_a_survey_during_a_visit(advisor_client, company, vocab):
    response = advisor_client.post(f"/companies/{company.pk}/surveys/new/")
    survey = CompetenceSurvey.objects.get()
    assert response.url == f"/companies/surveys/{survey.pk}/"
    response = advisor_client.post(response.url, _answers(action="complete"))
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.COMPLETED
    assert survey.completed_by == advisor_client.user
    need = survey.skill_needs.get()
    assert (need.concept, need.headcount, need.horizon, need.priority) == (
        vocab.welding,
        2,
        "0-6",
        1,
    )
    assert survey.recruitment_needs.get().occupation == vocab.welder  # Swedish label found
    assert survey.upskilling_needs.get().concept == vocab.cnc  # English label found
    assert survey.interest_tasmakoulutus is True
    assert AuditEvent.objects.filter(action="survey.submit", target_id=str(survey.pk)).exists()


def test_answers_without_text_suggestions_save(advisor_client, survey, vocab):
    data = _answers()
    data.pop("suggested_horizon")  # only shown with suggestions
    response = advisor_client.post(f"/companies/surveys/{survey.pk}/", data)
    assert response.status_code == 302
    assert survey.skill_needs.get().concept == vocab.welding


def test_too_long_respondent_name_is_shown_next_to_the_field(advisor_client, survey, vocab):
    response = advisor_client.post(
        f"/companies/surveys/{survey.pk}/", _answers(respondent_name="x" * 201)
    )
    assert response.status_code == 200
    assert 'id="id_respondent_name_error"' in response.content.decode()


def test_unknown_skill_label_is_shown_next_to_the_field(advisor_client, survey, vocab):
    data = _answers() | {"skills-0-concept": "lentävä matto"}
    response = advisor_client.post(f"/companies/surveys/{survey.pk}/", data)
    assert response.status_code == 200
    assert "lentävä matto" in response.content.decode()
    assert not survey.skill_needs.exists()


def test_same_skill_twice_is_refused(advisor_client, survey, vocab):
    data = _answers() | _rows(
        "skills",
        [
            {"concept": "hitsaus", "headcount": "1", "horizon": "0-6", "priority": "2"},
            {"concept": "MIG-hitsaus", "headcount": "1", "horizon": "0-6", "priority": "2"},
        ],
    )
    response = advisor_client.post(f"/companies/surveys/{survey.pk}/", data)
    assert response.status_code == 200
    assert "kahdesti" in response.content.decode()
    assert not survey.skill_needs.exists()


def test_free_text_suggestions_are_offered_and_ticked_ones_become_needs(
    advisor_client, survey, vocab
):
    text = "Tarvitsemme hitsausosaajia ja logiikkaohjelmointia."
    response = advisor_client.post(
        f"/companies/surveys/{survey.pk}/", _answers(free_text=text, action="suggest")
    )
    form = response.context["form"]
    offered = {value for value, _label in form.fields["suggested"].choices}
    assert vocab.plc.pk in offered
    assert '<mark class="extraction-found">' in response.content.decode()
    assert not survey.skill_needs.exists()  # suggesting saves nothing
    advisor_client.post(
        f"/companies/surveys/{survey.pk}/",
        _answers(free_text=text, suggested=[vocab.plc.pk], action="save"),
    )
    sources = dict(survey.skill_needs.values_list("concept_id", "source"))
    assert sources == {vocab.welding.pk: "manual", vocab.plc.pk: "extraction"}


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.FINANCE])
def test_survey_is_hidden_from_counsellors_and_finance(client_as, role, survey):
    assert client_as(role).get(f"/companies/surveys/{survey.pk}/").status_code == 404


def test_auditor_reads_but_cannot_change(client_as, survey, vocab):
    client = client_as(Role.AUDITOR)
    assert client.get(f"/companies/surveys/{survey.pk}/").status_code == 200
    assert client.post(f"/companies/surveys/{survey.pk}/", _answers()).status_code == 404
    assert (
        client.post(f"/companies/surveys/{survey.pk}/link/", {"language": "fi"}).status_code == 404
    )


def test_survey_of_another_area_is_404(client_as, foreign_company, make_user, other_area):
    owner = make_user(Role.BUSINESS_ADVISOR, employment_area=other_area)
    survey = survey_create(actor=owner, company=foreign_company)
    assert (
        client_as(Role.BUSINESS_ADVISOR).get(f"/companies/surveys/{survey.pk}/").status_code == 404
    )


def test_advisor_sends_the_link_by_email_to_a_consenting_contact(
    advisor_client, survey, django_capture_on_commit_callbacks
):
    contact = CompanyContact.objects.create(
        company=survey.company,
        first_name="Tuula",
        last_name="Tehdas",
        email="tuula@example.invalid",
        preferred_language="sv",
        consent_to_contact=True,
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = advisor_client.post(
            f"/companies/surveys/{survey.pk}/link/", {"language": "sv", "contact": contact.pk}
        )
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.SENT and survey.language == "sv"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["tuula@example.invalid"]
    assert mail.outbox[0].body.startswith("Hej Tuula,")  # in the contact's language
    url = re.search(r"http://testserver(/companies/survey/\S+/)", mail.outbox[0].body).group(1)
    page = advisor_client.get(f"/companies/surveys/{survey.pk}/").content.decode()
    assert url in page  # shown once to the advisor as well
    assert Client().get(url).status_code == 200


def test_link_is_not_emailed_to_a_contact_without_consent(
    advisor_client, survey, django_capture_on_commit_callbacks
):
    contact = CompanyContact.objects.create(
        company=survey.company, first_name="E", last_name="I", email="e@example.invalid"
    )
    with django_capture_on_commit_callbacks(execute=True):
        advisor_client.post(
            f"/companies/surveys/{survey.pk}/link/", {"language": "fi", "contact": contact.pk}
        )
    assert mail.outbox == []
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.DRAFT


def test_company_answers_through_the_link_saves_continues_and_submits(
    sent, vocab, business_advisor
):
    survey, token = sent
    company = Client()
    url = f"/companies/survey/{token}/"
    page = company.get(url)
    assert page.status_code == 200
    assert '<html lang="sv">' in page.content.decode()  # the link's language
    assert "Kompetens som behövs" in page.content.decode()
    assert "Tarvittava osaaminen" not in page.content.decode()
    english = company.get(url + "?lang=en").content.decode()
    assert '<html lang="en">' in english and "Skills needed" in english

    response = company.post(url + "?lang=sv", _answers(action="save"))
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.IN_PROGRESS and survey.last_saved_at
    assert [s.pk for s in worklist(actor=business_advisor).pending_surveys] == [survey.pk]
    again = company.get(response.url)
    assert "svetsning" in again.content.decode()  # saved answers come back, in Swedish

    company.post(url, _answers(action="submit"))
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.SUBMITTED and survey.submitted_at
    assert [s.pk for s in worklist(actor=business_advisor).answered_surveys] == [survey.pk]
    assert survey.skill_needs.get().concept == vocab.welding
    event = AuditEvent.objects.get(action="survey.submit")
    assert event.actor is None and "yrityksen linkki" in event.target_repr

    closed = company.get(url)
    assert closed.status_code == 200
    assert "hitsaus" not in closed.content.decode()
    assert company.post(url, _answers(action="save")).status_code == 200
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.SUBMITTED


def test_company_form_keeps_csrf(sent):
    _survey, token = sent
    client = Client(enforce_csrf_checks=True)
    assert client.post(f"/companies/survey/{token}/", _answers()).status_code == 403


def test_link_age_follows_the_setting(sent, settings, company):
    _survey, token = sent
    settings.SIGNED_LINK_MAX_AGE_DAYS = 1
    later = timezone.now() + timedelta(days=1, minutes=1)
    assert Client().get(f"/companies/survey/{token}/").status_code == 200
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        response = Client().get(f"/companies/survey/{token}/")
    assert response.status_code == 410
    assert company.name not in response.content.decode()


def test_link_older_than_the_allowed_age_is_expired(sent, company, settings):
    _survey, token = sent
    later = timezone.now() + timedelta(days=settings.SIGNED_LINK_MAX_AGE_DAYS, minutes=1)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        response = Client().get(f"/companies/survey/{token}/")
    assert response.status_code == 410
    assert company.name not in response.content.decode()


@pytest.mark.parametrize("mangle", [lambda t: t[:-2] + "xx", lambda t: "abc", lambda t: t + "0"])
def test_forged_link_answers_404_and_shows_nothing(sent, company, mangle):
    _survey, token = sent
    response = Client().get(f"/companies/survey/{mangle(token)}/")
    assert response.status_code == 404
    assert company.name not in response.content.decode()


def test_new_link_or_revoking_makes_old_links_gone(sent, business_advisor, client_as):
    survey, token = sent
    survey, newer = survey_link_issue(actor=business_advisor, survey=survey, language="fi")
    assert Client().get(f"/companies/survey/{token}/").status_code == 410
    assert Client().get(f"/companies/survey/{newer}/").status_code == 200
    client = client_as(business_advisor)
    client.post(f"/companies/surveys/{survey.pk}/link/revoke/")
    assert Client().get(f"/companies/survey/{newer}/").status_code == 410


def test_link_for_a_survey_that_no_longer_exists_is_404(sent):
    survey, _token = sent
    fake = CompetenceSurvey(pk=survey.pk + 1000, link_nonce=survey.link_nonce, language="fi")
    assert Client().get(f"/companies/survey/{survey_link_token(fake)}/").status_code == 404


def test_advisor_marks_company_answers_handled_and_they_leave_the_worklist(
    sent, advisor_client, vocab, business_advisor
):
    survey, token = sent
    Client().post(f"/companies/survey/{token}/", _answers(action="submit"))
    advisor_client.post(f"/companies/surveys/{survey.pk}/complete/")
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.COMPLETED
    assert worklist(actor=business_advisor).answered_surveys == []
    assert Client().get(f"/companies/survey/{token}/").status_code == 410


def test_service_refuses_wrong_types_and_saving_after_completion(survey, vocab, business_advisor):
    with pytest.raises(FieldError):
        survey_answers_save(
            actor=business_advisor,
            survey=survey,
            answers=SurveyAnswers(
                skill_needs=[SkillNeedInput(concept=vocab.welder, horizon="0-6")]
            ),
        )
    with pytest.raises(FieldError):
        survey_answers_save(
            actor=business_advisor,
            survey=survey,
            answers=SurveyAnswers(
                skill_needs=[SkillNeedInput(concept=vocab.welding, horizon="1-2")]
            ),
        )
    survey_answers_save(actor=business_advisor, survey=survey, answers=SurveyAnswers(), submit=True)
    with pytest.raises(ConflictError):
        survey_answers_save(actor=business_advisor, survey=survey, answers=SurveyAnswers())
    with pytest.raises(ConflictError):
        survey_answers_save(actor=None, survey=survey, answers=SurveyAnswers())


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.FINANCE, Role.AUDITOR])
def test_read_only_roles_cannot_manage_links_or_complete(client_as, role, sent):
    survey, token = sent
    client = client_as(role)
    for action in ("link/", "link/revoke/", "complete/"):
        assert (
            client.post(f"/companies/surveys/{survey.pk}/{action}", {"language": "fi"}).status_code
            == 404
        )
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.SENT
    assert Client().get(f"/companies/survey/{token}/").status_code == 200
