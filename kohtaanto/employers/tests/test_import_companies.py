"""kohtaanto import-companies: good files, bad files, all-or-nothing and idempotence."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ImportRejectedError
from kohtaanto.employers.models import Company, CompanyProgrammeRole, ProgrammeRole
from kohtaanto.employers.services.imports import companies_import_csv
from kohtaanto.employers.tests.factories import valid_business_id

GOOD = (
    "business_id,name,municipality,industry_code,size_class,employees,turnover_eur,"
    "balance_sheet_eur\n"
    "0737546-2,Konepaja Esimerkki Oy,Kokkola,25620,small,24,3500000,\n"
    "{b},Kaustisen Puu Oy,Kaustby,16230,micro,,,\n"
    "{c},Perhon Automaatio Oy,584,28990,,120,,\n"
)


def _good():
    return GOOD.format(b=valid_business_id(900), c=valid_business_id(901))


def _import(area, text, **kw):
    return companies_import_csv(actor=None, area=area, stream=io.StringIO(text), **kw)


def test_good_file_creates_companies_with_municipality_by_name_swedish_name_or_code(area):
    result = _import(area, _good())
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    konepaja = Company.objects.get(business_id="0737546-2")
    assert konepaja.municipality.name_fi == "Kokkola"
    assert konepaja.turnover_eur == Decimal("3500000")
    assert konepaja.balance_sheet_eur is None
    assert Company.objects.get(name="Kaustisen Puu Oy").municipality.name_fi == "Kaustinen"
    perho = Company.objects.get(name="Perhon Automaatio Oy")
    assert perho.municipality.code == "584"
    assert perho.size_class == "medium"  # from the headcount when the file leaves it blank
    assert AuditEvent.objects.filter(action="company.create").count() == 3


def test_same_file_twice_changes_nothing(area):
    _import(area, _good())
    events = AuditEvent.objects.count()
    result = _import(area, _good())
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert AuditEvent.objects.count() == events


def test_reimport_updates_changed_row_and_keeps_programme_roles(area):
    _import(area, _good())
    company = Company.objects.get(business_id="0737546-2")
    CompanyProgrammeRole.objects.create(company=company, role=ProgrammeRole.PILOT_COMPANY)
    changed = _good().replace("Konepaja Esimerkki Oy", "Konepaja Esimerkki Ab")
    result = _import(area, changed)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    company.refresh_from_db()
    assert company.name == "Konepaja Esimerkki Ab"
    assert list(company.programme_roles.values_list("role", flat=True)) == ["pilot_company"]
    event = AuditEvent.objects.get(action="company.update")
    assert event.changes == {"name": ["Konepaja Esimerkki Oy", "Konepaja Esimerkki Ab"]}


def test_old_six_digit_business_id_is_padded(area):
    text = "business_id,name,municipality,industry_code,size_class\n737546-2,Vanha Oy,Kokkola,25,\n"
    _import(area, text)
    assert Company.objects.get(name="Vanha Oy").business_id == "0737546-2"


def test_semicolon_separated_file_with_bom_and_decimal_commas_is_read(area):
    text = (
        "\ufeffbusiness_id;name;municipality;industry_code;size_class;turnover_eur\n"
        "0737546-2;Puolipiste Oy;Veteli;25620;;1 250 000,50\n"
    )
    _import(area, text)
    assert Company.objects.get().turnover_eur == Decimal("1250000.50")


def test_bad_rows_are_all_reported_with_line_and_column_and_nothing_is_written(area):
    ok, ok2, ok3, ok4 = (valid_business_id(n) for n in range(910, 914))
    bad = (
        "business_id,name,municipality,industry_code,size_class,employees,turnover_eur\n"
        "0737546-2,Hyvä Oy,Kokkola,25620,small,20,\n"  # line 2 fine
        "0737546-3,Väärä tarkiste Oy,Kokkola,25620,small,20,\n"  # 3: checksum
        f"{ok},Ei kuntaa Oy,Helsinki,25620,small,20,\n"  # 4: unknown municipality
        f"{ok2},Ristiriita Oy,Kokkola,25620,micro,300,\n"  # 5: size class contradicts
        f"{ok3},Luku Oy,Kokkola,25620,small,kymmenen,\n"  # 6: not a number
        "0737546-2,Tuplana Oy,Kokkola,25620,small,20,\n"  # 7: duplicate business id
        f"{ok4},Koodi Oy,Kokkola,ABC,small,20,\n"  # 8: industry code
    )
    with pytest.raises(ImportRejectedError) as exc:
        _import(area, bad, file_name="yritykset.csv")
    where = [(e.line, e.field) for e in exc.value.errors]
    assert where == [
        (3, "business_id"),
        (4, "municipality"),
        (5, "size_class"),
        (6, "employees"),
        (7, "business_id"),
        (8, "industry_code"),
    ]
    assert "large" in exc.value.errors[2].reason
    assert "rivillä 2" in exc.value.errors[4].reason
    assert all(e.file == "yritykset.csv" for e in exc.value.errors)
    assert Company.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_size_class_contradicted_by_turnover_is_a_row_error(area):
    text = (
        "business_id,name,municipality,industry_code,size_class,employees,turnover_eur,"
        "balance_sheet_eur\n0737546-2,Pieni Oy,Kokkola,25,small,20,60000000,50000000\n"
    )
    with pytest.raises(ImportRejectedError) as exc:
        _import(area, text)
    assert [(e.line, e.field) for e in exc.value.errors] == [(2, "size_class")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [(1, "")]),
        ("name,municipality,industry_code,size_class\n", [(1, "business_id")]),
        (
            "business_id,name,municipality,industry_code,size_class,turnover\n",
            [(1, "turnover")],
        ),
        (
            "business_id,name,municipality,industry_code,size_class\n0737546-2,Lyhyt Oy\n",
            [(2, "")],
        ),
    ],
)
def test_malformed_files_are_refused_with_where_and_why(area, text, expected):
    with pytest.raises(ImportRejectedError) as exc:
        _import(area, text)
    assert [(e.line, e.field) for e in exc.value.errors] == expected


def test_companies_are_matched_within_the_area(area, other_area):
    _import(area, _good())
    result = _import(other_area, _good())
    assert result.created == 3
    assert Company.objects.filter(business_id="0737546-2").count() == 2


def test_command_imports_and_reports_errors_with_line_and_column(area, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(_good(), encoding="utf-8")
    out = io.StringIO()
    call_command("import_companies", str(good), stdout=out)
    assert "created 3, updated 0, unchanged 0" in out.getvalue()
    call_command("import_companies", str(good), stdout=out)
    assert "created 0, updated 0, unchanged 3" in out.getvalue()

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "business_id,name,municipality,industry_code,size_class\n"
        "0737546-3,Rikki Oy,Kokkola,25,small\n",
        encoding="utf-8",
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_companies", str(bad), stderr=err)
    assert "bad.csv, line 2, business_id:" in err.getvalue()


def test_command_refuses_missing_file_and_unknown_user(area, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_companies", str(tmp_path / "none.csv"))
    path = tmp_path / "c.csv"
    path.write_text(_good(), encoding="utf-8")
    with pytest.raises(CommandError, match="Unknown user"):
        call_command("import_companies", str(path), user="nobody")
    with pytest.raises(CommandError, match="Unknown employment area"):
        call_command("import_companies", str(path), area="nowhere")


def test_command_needs_area_when_there_are_several(area, other_area, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(_good(), encoding="utf-8")
    with pytest.raises(CommandError, match="--area"):
        call_command("import_companies", str(path))
    call_command("import_companies", str(path), area="muu-alue", stdout=io.StringIO())
    assert Company.objects.filter(employment_area=other_area).count() == 3


def test_command_records_the_acting_user(area, business_advisor, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(_good(), encoding="utf-8")
    call_command(
        "import_companies", str(path), user=business_advisor.username, stdout=io.StringIO()
    )
    assert set(AuditEvent.objects.values_list("actor_username", flat=True)) == {
        business_advisor.username
    }


def test_reimport_keeps_an_advisor_whose_role_has_changed(area, make_user):
    _import(area, _good())
    advisor = make_user("business_advisor")
    Company.objects.update(responsible_advisor=advisor)
    advisor.role = "counsellor"
    advisor.save(update_fields=["role"])
    assert _import(area, _good()).unchanged == 3
    assert set(Company.objects.values_list("responsible_advisor", flat=True)) == {advisor.pk}
