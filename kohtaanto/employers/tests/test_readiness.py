"""Industry 4.0 readiness: recording, the radar chart over time and the implied skill needs."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AuditEvent
from kohtaanto.employers.errors import FieldError
from kohtaanto.employers.models import READINESS_DIMENSIONS, CompetenceSurvey, ReadinessAssessment
from kohtaanto.employers.readiness import DIMENSIONS, LEVEL_NAMES, implied_skill_uris, radar_chart
from kohtaanto.employers.selectors import readiness_implied_needs
from kohtaanto.employers.services.readiness import readiness_assessment_record


def _scores(**overrides):
    return {key: 3 for key in READINESS_DIMENSIONS} | overrides


def _form(scores, assessed_on="2026-02-01"):
    return {"assessed_on": assessed_on, "notes": ""} | {k: str(v) for k, v in scores.items()}


def test_dimensions_have_six_levels_each_and_match_the_model():
    assert tuple(d.key for d in DIMENSIONS) == READINESS_DIMENSIONS
    assert len(LEVEL_NAMES) == 6
    assert all(len(d.levels) == 6 for d in DIMENSIONS)


def test_advisor_records_an_assessment(client_as, company):
    client = client_as(Role.BUSINESS_ADVISOR)
    assert client.get(f"/companies/{company.pk}/readiness/new/").status_code == 200
    response = client.post(f"/companies/{company.pk}/readiness/new/", _form(_scores(strategy=1)))
    assert response.status_code == 302
    assert response.url.endswith("#readiness")
    assessment = ReadinessAssessment.objects.get()
    assert assessment.strategy == 1 and assessment.employees == 3
    assert AuditEvent.objects.get(action="readiness_assessment.create").changes["strategy"] == [
        None,
        1,
    ]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (_form(_scores(smart_factory=6)), "smart_factory"),
        (_form({k: 3 for k in READINESS_DIMENSIONS if k != "employees"}), "employees"),
        (_form(_scores(), assessed_on=str(date.today() + timedelta(days=400))), "assessed_on"),
    ],
)
def test_bad_assessment_is_refused_per_field(client_as, company, data, field):
    response = client_as(Role.BUSINESS_ADVISOR).post(
        f"/companies/{company.pk}/readiness/new/", data
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not ReadinessAssessment.objects.exists()


def test_service_refuses_scores_out_of_range(business_advisor, company):
    with pytest.raises(FieldError) as exc:
        readiness_assessment_record(
            actor=business_advisor,
            company=company,
            assessed_on=timezone.localdate(),
            scores=_scores(strategy=-1),
        )
    assert exc.value.field == "strategy"


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.FINANCE, Role.AUDITOR])
def test_only_writers_record_assessments(client_as, role, company):
    client = client_as(role)
    assert client.get(f"/companies/{company.pk}/readiness/new/").status_code == 404
    assert (
        client.post(f"/companies/{company.pk}/readiness/new/", _form(_scores())).status_code == 404
    )


def test_radar_chart_overlays_previous_and_latest_and_has_text_alternatives(
    client_as, company, business_advisor
):
    day = timezone.localdate()
    readiness_assessment_record(
        actor=business_advisor,
        company=company,
        assessed_on=day - timedelta(days=200),
        scores=_scores(strategy=1),
    )
    readiness_assessment_record(
        actor=business_advisor, company=company, assessed_on=day, scores=_scores(strategy=4)
    )
    body = client_as(Role.AUDITOR).get(f"/companies/{company.pk}/").content.decode()
    svg = body[body.index("<svg") : body.index("</svg>")]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert 'class="radar-previous"' in svg and 'class="radar-latest"' in svg
    assert "Strategia ja organisaatio 1/5" in svg and "Strategia ja organisaatio 4/5" in svg
    assert "," not in re.search(r'x1="([^"]+)"', svg).group(1)  # coordinates are not localised
    table = body[body.index("Valmiusarvion tasot") :]
    assert re.search(
        r"Strategia ja organisaatio</th><td class=\"num\">1</td><td class=\"num\">4</td>", table
    )


def test_chart_geometry_puts_full_score_on_the_outer_ring():
    chart = radar_chart([("a", "radar-latest", {k: 5 for k in READINESS_DIMENSIONS})])
    assert chart.series[0].points == chart.rings[-1]
    empty = radar_chart([("b", "radar-latest", {k: 0 for k in READINESS_DIMENSIONS})])
    assert set(empty.series[0].points.split()) == {f"{chart.centre_x:.1f},{chart.centre_y:.1f}"}


def test_low_dimensions_imply_skills_from_the_vocabulary_and_missing_uris_are_skipped(
    business_advisor, company, vocab
):
    threshold, mapping = implied_skill_uris()
    assert vocab.plc.uri in mapping["smart_factory"]
    assessment = readiness_assessment_record(
        actor=business_advisor,
        company=company,
        assessed_on=timezone.localdate(),
        scores=_scores(smart_factory=1, strategy=threshold),
    )
    needs = readiness_implied_needs(assessment)
    assert [n.dimension.key for n in needs] == ["smart_factory", "strategy"]
    assert vocab.plc in needs[0].concepts and vocab.cnc in needs[0].concepts
    assert needs[1].concepts == []  # none of the strategy URIs is loaded here


def test_implied_skills_start_a_survey(client_as, company, vocab, business_advisor):
    readiness_assessment_record(
        actor=business_advisor,
        company=company,
        assessed_on=timezone.localdate(),
        scores=_scores(smart_factory=0),
    )
    client = client_as(Role.BUSINESS_ADVISOR)
    client.post(f"/companies/{company.pk}/surveys/new/", {"from_readiness": "1"})
    survey = CompetenceSurvey.objects.get()
    assert set(survey.skill_needs.values_list("concept_id", "source")) == {
        (vocab.plc.pk, "readiness"),
        (vocab.cnc.pk, "readiness"),
    }


def test_partner_sees_assessments_of_programme_companies(
    client_as, partner_user, pilot_company, business_advisor
):
    readiness_assessment_record(
        actor=business_advisor,
        company=pilot_company,
        assessed_on=timezone.localdate(),
        scores=_scores(),
    )
    body = client_as(partner_user).get(f"/companies/{pilot_company.pk}/").content.decode()
    assert "<svg" in body
