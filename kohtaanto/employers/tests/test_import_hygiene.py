"""Hostile files through the company and vacancy imports: line, column and reason."""

import io
import json

import pytest

from kohtaanto.common.errors import ImportRejectedError
from kohtaanto.employers.models import Company, Vacancy
from kohtaanto.employers.services.imports import companies_import_csv, vacancies_import_jsonl

HEADER = "business_id,name,municipality,industry_code,size_class,turnover_eur\n"


def _companies(area, text):
    with pytest.raises(ImportRejectedError) as exc:
        companies_import_csv(actor=None, area=area, stream=io.StringIO(text), file_name="c.csv")
    return [(e.line, e.field, e.reason) for e in exc.value.errors]


def test_company_name_with_nul_is_a_field_error(area):
    errors = _companies(area, HEADER + "0737546-2,Kone\x00paja Oy,Kokkola,25620,small,\n")
    assert errors == [(2, "name", "Kielletty ohjausmerkki U+0000.")]
    assert not Company.objects.exists()


def test_company_field_of_200_kb_is_refused_with_its_line(area):
    errors = _companies(area, HEADER + "0737546-2," + "x" * 200_000 + ",Kokkola,25620,small,\n")
    assert [line for line, _f, _r in errors] == [2]


@pytest.mark.parametrize("amount", ["1e2", "١٠٠", "NaN"])
def test_turnover_only_in_plain_decimal_notation(area, amount):
    errors = _companies(area, HEADER + f"0737546-2,Konepaja Oy,Kokkola,25620,small,{amount}\n")
    assert [(line, field) for line, field, _r in errors] == [(2, "turnover_eur")]


def _vacancies(area, text):
    with pytest.raises(ImportRejectedError) as exc:
        vacancies_import_jsonl(actor=None, area=area, stream=io.StringIO(text), file_name="v.jsonl")
    return [(e.line, e.field, e.reason) for e in exc.value.errors]


def test_vacancy_skills_as_a_number_and_deep_nesting_are_field_errors(area, company):
    good = {"external_id": "v-1", "company_business_id": company.business_id, "title": "Hitsaaja"}
    deep = '{"external_id": "v-2", "skills": ' + "[" * 200_000 + "]" * 200_000 + "}"
    errors = _vacancies(area, json.dumps({**good, "skills": 5}) + "\n" + deep + "\n")
    assert sorted((line, field) for line, field, _r in errors) == [(1, "skills"), (2, "")]
    assert not Vacancy.objects.exists()


def test_vacancy_title_with_u2028_is_accepted(area, company):
    line = {
        "external_id": "v-1",
        "company_business_id": company.business_id,
        "title": "Hitsaaja\u2028Kokkola",
    }
    result = vacancies_import_jsonl(
        actor=None,
        area=area,
        stream=io.StringIO(json.dumps(line, ensure_ascii=False) + "\n"),
        file_name="v.jsonl",
    )
    assert result.created == 1


def test_command_names_the_line_of_a_byte_that_is_not_utf8(area, tmp_path):
    from django.core.management import CommandError, call_command

    path = tmp_path / "old.csv"
    path.write_bytes((HEADER + "0737546-2,Mäkelä Oy,Kokkola,25620,small,\n").encode("latin-1"))
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 error"):
        call_command("import_companies", str(path), stdout=io.StringIO(), stderr=err)
    assert "old.csv, line 2: Tiedosto ei ole UTF-8-muodossa." in err.getvalue()
    assert not Company.objects.exists()
