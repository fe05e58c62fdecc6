"""kohtaanto import-vacancies: JSON lines, unknown companies and concepts, idempotence."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ImportRejectedError
from kohtaanto.employers.models import Vacancy, VacancyState
from kohtaanto.employers.services import imports
from kohtaanto.employers.services.imports import vacancies_import_jsonl
from kohtaanto.employers.services.vacancies import vacancies_with_external_ids


def _line(company, vocab, **overrides):
    line = {
        "external_id": "tyomarkkinatori-1001",
        "company_business_id": company.business_id,
        "title": "Hitsaaja",
        "occupation": vocab.welder.uri,
        "municipality": "Kokkola",
        "positions": 2,
        "skills": [
            {"uri": vocab.welding.uri, "essential": True, "level": 3},
            {"uri": vocab.cnc.uri, "essential": False, "level": None},
        ],
        "requirements": [vocab.hot_work.uri],
        "closing_date": "2099-12-31",
    }
    line.update(overrides)
    return json.dumps(line, ensure_ascii=False)


def _import(area, text):
    return vacancies_import_jsonl(
        actor=None, area=area, stream=io.StringIO(text), file_name="v.jsonl"
    )


def test_good_line_creates_an_open_vacancy_with_skills_and_hard_requirements(area, company, vocab):
    result = _import(area, _line(company, vocab) + "\n")
    assert (result.created, result.updated, result.unchanged) == (1, 0, 0)
    vacancy = Vacancy.objects.get()
    assert vacancy.state == VacancyState.OPEN
    assert vacancy.published_at is not None
    assert vacancy.company == company
    assert vacancy.occupation == vocab.welder
    assert vacancy.municipality.code == "272"
    assert vacancy.positions == 2
    assert {(s.concept_id, s.essential, s.level) for s in vacancy.skills.all()} == {
        (vocab.welding.pk, True, 3),
        (vocab.cnc.pk, False, None),
    }
    assert [r.concept for r in vacancy.requirements.all()] == [vocab.hot_work]


def test_same_file_twice_changes_nothing_and_a_change_updates_in_place(area, company, vocab):
    _import(area, _line(company, vocab))
    events = AuditEvent.objects.count()
    assert _import(area, _line(company, vocab)).unchanged == 1
    assert AuditEvent.objects.count() == events
    result = _import(area, _line(company, vocab, positions=3, requirements=[]))
    assert result.updated == 1
    vacancy = Vacancy.objects.get()
    assert vacancy.positions == 3
    assert not vacancy.requirements.exists()
    event = AuditEvent.objects.get(action="vacancy.update")
    assert event.changes["positions"] == [2, 3]


def test_unknown_company_and_concepts_are_errors_with_line_numbers(area, company, vocab):
    lines = [
        _line(company, vocab),
        _line(company, vocab, external_id="2", company_business_id="0737546-2"),
        _line(
            company, vocab, external_id="3", occupation="http://data.europa.eu/esco/occupation/x"
        ),
        "",
        _line(
            company,
            vocab,
            external_id="4",
            skills=[{"uri": "http://data.europa.eu/esco/skill/nope", "essential": True}],
            requirements=[vocab.welding.uri],
        ),
    ]
    with pytest.raises(ImportRejectedError) as exc:
        _import(area, "\n".join(lines))
    assert [(e.line, e.field) for e in exc.value.errors] == [
        (2, "company_business_id"),
        (3, "occupation"),
        (5, "skills[0].uri"),
        (5, "requirements[0]"),
    ]
    assert "0737546-2" in exc.value.errors[0].reason
    assert Vacancy.objects.count() == 0


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("{not json", ""),
        ("[1, 2]", ""),
        ('{"external_id": "x"}', "company_business_id"),
    ],
)
def test_malformed_lines_are_refused(area, line, field):
    with pytest.raises(ImportRejectedError) as exc:
        _import(area, line)
    assert exc.value.errors[0].line == 1
    assert exc.value.errors[0].field == field


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"positions": 0}, "positions"),
        ({"positions": "two"}, "positions"),
        ({"closing_date": "31.12.2099"}, "closing_date"),
        ({"municipality": "Atlantis"}, "municipality"),
        ({"skills": [{"uri": "S", "level": 7}]}, "skills[0].level"),
        ({"title": ""}, "title"),
        ({"salary": 3000}, "salary"),
        ({"wage_min": "3000", "wage_max": "2500"}, "wage_max"),
    ],
)
def test_bad_fields_are_named(area, company, vocab, overrides, field):
    if "skills" in overrides:
        overrides["skills"][0]["uri"] = vocab.welding.uri
    with pytest.raises(ImportRejectedError) as exc:
        _import(area, _line(company, vocab, **overrides))
    assert [e.field for e in exc.value.errors] == [field]


def test_duplicate_external_id_in_file_is_an_error(area, company, vocab):
    with pytest.raises(ImportRejectedError) as exc:
        _import(area, _line(company, vocab) + "\n" + _line(company, vocab))
    assert [(e.line, e.field) for e in exc.value.errors] == [(2, "external_id")]


def test_one_bad_line_keeps_every_good_line_out(area, company, vocab):
    text = _line(company, vocab) + "\n" + _line(company, vocab, external_id="2", title="")
    with pytest.raises(ImportRejectedError):
        _import(area, text)
    assert Vacancy.objects.count() == 0


def test_filled_vacancy_is_not_changed_by_a_reimport(area, company, vocab):
    _import(area, _line(company, vocab))
    Vacancy.objects.update(state=VacancyState.FILLED)
    assert _import(area, _line(company, vocab)).unchanged == 1
    with pytest.raises(ImportRejectedError) as exc:
        _import(area, _line(company, vocab, positions=5))
    assert exc.value.errors[0].field == "external_id"


def test_company_of_another_area_is_unknown(area, foreign_company, vocab):
    with pytest.raises(ImportRejectedError) as exc:
        _import(area, _line(foreign_company, vocab))
    assert exc.value.errors[0].field == "company_business_id"


def test_command_imports_and_reports_errors(area, company, vocab, tmp_path):
    path = tmp_path / "vacancies.jsonl"
    path.write_text(_line(company, vocab) + "\n", encoding="utf-8")
    out = io.StringIO()
    call_command("import_vacancies", str(path), stdout=out)
    call_command("import_vacancies", str(path), stdout=out)
    assert "created 1, updated 0, unchanged 0" in out.getvalue()
    assert "created 0, updated 0, unchanged 1" in out.getvalue()
    path.write_text("{oops\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_vacancies", str(path), stderr=err)
    assert "vacancies.jsonl, line 1" in err.getvalue()


def test_reimport_reads_existing_vacancies_in_chunks(area, company, vocab, monkeypatch):
    lines = [_line(company, vocab, external_id=f"tmt-{n}") for n in range(5)]
    assert _import(area, "\n".join(lines)).created == 5
    monkeypatch.setattr(imports, "VACANCY_CHUNK", 2)
    changed = _line(company, vocab, external_id="tmt-4", positions=7)
    result = _import(area, "\n".join([*lines[:4], changed]))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 4)
    assert Vacancy.objects.get(external_id="tmt-4").positions == 7


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plan")
def test_duplicate_check_uses_the_partial_unique_index(area):
    query = vacancies_with_external_ids(area_id=area.pk, external_ids=["a", "b"]).query
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "vacancy_external_id_unique_in_area" in plan
