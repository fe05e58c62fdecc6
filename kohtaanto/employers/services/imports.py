"""Importing companies (CSV) and vacancies (JSON lines).

Both imports check the whole file first and refuse it with every problem found (line,
column, reason) before anything is written; then they apply it in one transaction, so a
file goes in whole or not at all. Rows are matched by business id (companies) or external
id (vacancies) within the area: importing the same file again changes nothing.
"""

from datetime import date
from decimal import Decimal
from typing import IO, Any

from django.db import transaction
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import EmploymentArea, User
from kohtaanto.common.errors import ImportRejectedError, RowError
from kohtaanto.common.imports import (
    ErrorCollector,
    ImportResult,
    MunicipalityIndex,
    RowReader,
    csv_rows,
    jsonl_objects,
    progress_bar,
    text_lines,
)
from kohtaanto.common.imports.rows import plain_decimal
from kohtaanto.employers.errors import FieldError
from kohtaanto.employers.identifiers import InvalidBusinessIdError, business_id_normalise
from kohtaanto.employers.models import Company, Vacancy, VacancyState
from kohtaanto.employers.services.companies import (
    CompanyData,
    company_changes,
    company_create,
    company_update,
    company_values,
)
from kohtaanto.employers.services.vacancies import (
    SkillInput,
    VacancyData,
    vacancies_with_external_ids,
    vacancy_changes,
    vacancy_create,
    vacancy_update,
    vacancy_values,
)
from kohtaanto.taxonomy.lookup import concepts_by_uri
from kohtaanto.taxonomy.models import Concept, ConceptType

COMPANY_COLUMNS = ("business_id", "name", "municipality", "industry_code", "size_class")
COMPANY_OPTIONAL_COLUMNS = ("employees", "turnover_eur", "balance_sheet_eur")
MAX_MONEY = Decimal("9999999999999.99")  # Company money fields: 15 digits, 2 decimals


__all__ = ["ImportResult", "companies_import_csv", "vacancies_import_jsonl"]


def _parse_int(text: str) -> int | None:
    text = text.strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        raise ValueError(_("Odotettiin kokonaislukua, saatiin {value!r}.").format(value=text))
    return int(text)


def _parse_money(text: str) -> Decimal | None:
    text = text.strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    value = plain_decimal(text)
    if value is None:
        raise ValueError(_("Odotettiin euromäärää, saatiin {value!r}.").format(value=text))
    if value < 0 or value > MAX_MONEY or value != value.quantize(Decimal("0.01")):
        raise ValueError(
            _("Euromäärän on oltava 0–{max} ja enintään kahdella desimaalilla.").format(
                max=MAX_MONEY
            )
        )
    return value


def _read_csv(
    stream: IO[str] | IO[bytes], file_name: str
) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    errors = ErrorCollector(file_name)
    header, rows = csv_rows(
        text_lines(stream, filename=file_name), errors=errors, delimiters=",;\t", lower_header=True
    )
    found = list(rows)
    errors.raise_if_any()
    return header, found


def _check_company_header(header: list[str], file_name: str) -> None:
    errors = [
        RowError(1, column, _("Sarake puuttuu."), file_name)
        for column in COMPANY_COLUMNS
        if column not in header
    ]
    known = set(COMPANY_COLUMNS) | set(COMPANY_OPTIONAL_COLUMNS)
    errors += [
        RowError(1, column or "?", _("Tuntematon sarake."), file_name)
        for column in header
        if column not in known
    ]
    duplicates = sorted({c for c in header if header.count(c) > 1})
    errors += [RowError(1, c, _("Sarake on kahdesti."), file_name) for c in duplicates]
    if errors:
        raise ImportRejectedError(errors)


def companies_import_csv(
    *, actor: User | None, area: EmploymentArea, stream: IO[str] | IO[bytes], file_name: str = ""
) -> ImportResult:
    """Import companies from CSV: columns business_id, name, municipality, industry_code,
    size_class and optionally employees, turnover_eur, balance_sheet_eur.

    Municipality is a code or a Finnish or Swedish name. A size class that the figures
    contradict (EU SME definition) is an error. Optional columns missing from the file keep
    the stored values; programme roles, public-administration flag and responsible advisor
    are never touched by an import.
    """
    header, rows = _read_csv(stream, file_name)
    _check_company_header(header, file_name)
    municipalities = MunicipalityIndex()
    existing = {
        c.business_id: c
        for c in Company.objects.filter(employment_area=area)
        .select_related("responsible_advisor", "municipality")
        .prefetch_related("programme_roles")
    }
    roles = {c.pk: sorted(r.role for r in c.programme_roles.all()) for c in existing.values()}
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    planned: list[tuple[Company | None, CompanyData]] = []
    for line, row in rows:
        row_errors: list[RowError] = []

        def fail(column: str, reason: str, line: int = line, errs: list = row_errors) -> None:
            errs.append(RowError(line, column, reason, file_name))

        try:
            business_id = business_id_normalise(row["business_id"])
        except InvalidBusinessIdError as exc:
            fail("business_id", str(exc))
            business_id = ""
        if business_id in seen:
            fail(
                "business_id",
                _("Sama Y-tunnus on jo rivillä {line}.").format(line=seen[business_id]),
            )
        elif business_id:
            seen[business_id] = line
        municipality = municipalities.find(row["municipality"])
        if municipality is None and row["municipality"].strip():
            fail("municipality", _("Tuntematon kunta: {value}.").format(value=row["municipality"]))
        current = existing.get(business_id)
        figures: dict[str, Any] = {}
        for column in COMPANY_OPTIONAL_COLUMNS:
            if column not in row:
                figures[column] = getattr(current, column) if current else None
                continue
            try:
                parse = _parse_int if column == "employees" else _parse_money
                figures[column] = parse(row[column])
            except ValueError as exc:
                fail(column, str(exc))
                figures[column] = None
        data = CompanyData(
            business_id=business_id or row["business_id"],
            name=row["name"],
            industry_code=row["industry_code"],
            size_class=row["size_class"].strip().lower(),
            municipality=municipality,
            is_public_administration=current.is_public_administration if current else False,
            responsible_advisor=current.responsible_advisor if current else None,
            programme_roles=roles.get(current.pk, []) if current else [],
            **figures,
        )
        if not row_errors:
            try:
                company_values(data, area=area, current=current)
            except FieldError as exc:
                fail(exc.field, exc.message)
        errors += row_errors
        planned.append((current, data))
    if errors:
        raise ImportRejectedError(errors)
    result = ImportResult()
    with transaction.atomic():
        for current, data in progress_bar(planned, total=len(planned), desc=_("Yritykset")):
            if current is None:
                company_create(actor=actor, area=area, data=data)
                result.created += 1
            elif company_changes(
                current, company_values(data, area=area, current=current), data.programme_roles
            ):
                company_update(actor=actor, company=current, data=data)
                result.updated += 1
            else:
                result.unchanged += 1
    return result


VACANCY_REQUIRED = ("external_id", "company_business_id", "title")
VACANCY_KEYS = (
    *VACANCY_REQUIRED,
    "occupation",
    "municipality",
    "positions",
    "skills",
    "requirements",
    "closing_date",
    # Optional beyond the documented line format:
    "description",
    "start_date",
    "contract_type",
    "remote_possible",
    "commuting_possible",
    "wage_min",
    "wage_max",
    "wage_period",
)


class _VacancyLine:
    """One JSON line checked field by field; `errors` lists what was refused."""

    def __init__(
        self,
        line: int,
        obj: dict[str, Any],
        *,
        file_name: str,
        companies: dict[str, Company],
        concepts: dict[str, Concept],
        municipalities: MunicipalityIndex,
    ) -> None:
        self.line = line
        self.file_name = file_name
        self.reader = RowReader(obj, line, file_name)
        self.errors: list[RowError] = self.reader.errors
        self.obj = obj
        self.concepts = concepts
        self.reader.unknown(VACANCY_KEYS)
        for key in VACANCY_REQUIRED:
            if not isinstance(obj.get(key), str) or not obj[key].strip():
                self.fail(key, _("Pakollinen tekstikenttä puuttuu."))
        self.external_id = str(obj.get("external_id") or "").strip()
        self.company: Company | None = None
        if isinstance(obj.get("company_business_id"), str) and obj["company_business_id"].strip():
            try:
                business_id = business_id_normalise(obj["company_business_id"])
                self.company = companies.get(business_id)
                if self.company is None:
                    self.fail(
                        "company_business_id",
                        _("Yritystä {business_id} ei ole rekisterissä.").format(
                            business_id=business_id
                        ),
                    )
            except InvalidBusinessIdError as exc:
                self.fail("company_business_id", str(exc))
        municipality = None
        if obj.get("municipality") not in (None, ""):
            municipality = municipalities.find(str(obj["municipality"]))
            if municipality is None:
                self.fail(
                    "municipality",
                    _("Tuntematon kunta: {value}.").format(value=obj["municipality"]),
                )
        positions = self.reader.integer("positions", 1)
        if positions is None:
            positions = 1
        self.data = VacancyData(
            title=str(obj.get("title") or ""),
            occupation=self._concept(
                "occupation", obj.get("occupation"), (ConceptType.OCCUPATION,)
            ),
            description=self._text("description"),
            municipality=municipality,
            remote_possible=self.reader.boolean("remote_possible", False),
            commuting_possible=self.reader.boolean("commuting_possible", False),
            positions=positions,
            start_date=self._date("start_date"),
            contract_type=self._text("contract_type"),
            wage_min=self._money("wage_min"),
            wage_max=self._money("wage_max"),
            wage_period=self._text("wage_period") or "month",
            closing_date=self._date("closing_date"),
            skills=self._skills(),
            requirements=self._requirements(),
        )

    def fail(self, field: str, reason: str) -> None:
        self.errors.append(RowError(self.line, field, reason, self.file_name))

    def _text(self, key: str) -> str:
        value = self.obj.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(key, _("Odotettiin tekstiä."))
            return ""
        return value

    def _date(self, key: str) -> date | None:
        value = self.obj.get(key)
        if value in (None, ""):
            return None
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(key, _("Odotettiin päivämäärää muodossa VVVV-KK-PP."))
            return None

    def _money(self, key: str) -> Decimal | None:
        value = self.obj.get(key)
        if value is None:
            return None
        try:
            return _parse_money(str(value))
        except ValueError as exc:
            self.fail(key, str(exc))
            return None

    def _concept(self, key: str, uri: Any, types: tuple[str, ...]) -> Concept | None:
        if uri in (None, ""):
            return None
        concept = self.concepts.get(str(uri))
        if concept is None:
            self.fail(key, _("Tuntematon käsite: {uri}.").format(uri=uri))
            return None
        if concept.type not in types:
            self.fail(
                key,
                _("Käsite {uri} on väärää tyyppiä ({type}).").format(uri=uri, type=concept.type),
            )
            return None
        return concept

    def _skills(self) -> list[SkillInput]:
        raw = self.reader.items("skills")
        skills = []
        for i, item in enumerate(raw):
            key = f"skills[{i}]"
            if not isinstance(item, dict):
                self.fail(key, _("Odotettiin oliota, jossa on uri, essential ja level."))
                continue
            concept = self._concept(
                f"{key}.uri", item.get("uri"), (ConceptType.SKILL, ConceptType.KNOWLEDGE)
            )
            if item.get("uri") in (None, ""):
                self.fail(f"{key}.uri", _("URI puuttuu."))
            essential = item.get("essential", True)
            if not isinstance(essential, bool):
                self.fail(f"{key}.essential", _("Odotettiin arvoa true tai false."))
                essential = True
            level = item.get("level")
            if level is not None and (isinstance(level, bool) or level not in (1, 2, 3, 4)):
                self.fail(f"{key}.level", _("Osaamisen tason on oltava 1–4."))
                level = None
            if concept is not None:
                skills.append(SkillInput(concept=concept, essential=essential, level=level))
        return skills

    def _requirements(self) -> list[Concept]:
        raw = self.reader.items("requirements")
        found = []
        for i, uri in enumerate(raw):
            concept = self._concept(f"requirements[{i}]", uri, (ConceptType.REQUIREMENT,))
            if concept is not None:
                found.append(concept)
        return found


def _uris_in(objects: list[dict[str, Any]]) -> set[str]:
    """Every concept URI the lines mention, to fetch them in one query."""
    uris: list[Any] = []
    for obj in objects:
        uris.append(obj.get("occupation"))
        skills = obj.get("skills")
        if isinstance(skills, list):
            uris += [item.get("uri") for item in skills if isinstance(item, dict)]
        requirements = obj.get("requirements")
        if isinstance(requirements, list):
            uris += requirements
    return {uri for uri in uris if isinstance(uri, str)}


# Existing vacancies are read in chunks: one prefetch over thousands of vacancies made SQLite
# refuse the query ("Expression tree is too large").
VACANCY_CHUNK = 500


def _existing_vacancies(area: EmploymentArea, external_ids: list[str]) -> dict[str, Vacancy]:
    """The area's vacancies that the file names, with their skills and requirements."""
    wanted = sorted({e for e in external_ids if e})
    found: dict[str, Vacancy] = {}
    for start in range(0, len(wanted), VACANCY_CHUNK):
        chunk = (
            vacancies_with_external_ids(
                area_id=area.pk, external_ids=wanted[start : start + VACANCY_CHUNK]
            )
            .select_related("municipality")
            .prefetch_related("skills__concept", "requirements__concept")
        )
        found.update((vacancy.external_id, vacancy) for vacancy in chunk)
    return found


def vacancies_import_jsonl(
    *, actor: User | None, area: EmploymentArea, stream: IO[str] | IO[bytes], file_name: str = ""
) -> ImportResult:
    """Import vacancies from JSON lines {"external_id", "company_business_id", "title",
    "occupation": uri, "municipality", "positions", "skills": [{"uri", "essential",
    "level"}], "requirements": [uri], "closing_date"}.

    New vacancies are open (they come from published ads); an existing one (same external id
    in the area) is updated in place and keeps its state. Unknown companies and concepts are
    errors with their line number.
    """
    collector = ErrorCollector(file_name)
    objects = list(jsonl_objects(text_lines(stream, filename=file_name), errors=collector))
    errors = collector.errors
    if not objects and not errors:
        errors.append(RowError(1, "", _("Tiedosto on tyhjä."), file_name))
    companies = {c.business_id: c for c in Company.objects.filter(employment_area=area)}
    concepts = concepts_by_uri(_uris_in([o for _n, o in objects]))
    existing = _existing_vacancies(
        area, [str(o.get("external_id") or "").strip() for _n, o in objects]
    )
    municipalities = MunicipalityIndex()
    seen: dict[str, int] = {}
    planned: list[tuple[Vacancy | None, Company, _VacancyLine, bool]] = []
    for number, obj in objects:
        parsed = _VacancyLine(
            number,
            obj,
            file_name=file_name,
            companies=companies,
            concepts=concepts,
            municipalities=municipalities,
        )
        if parsed.external_id in seen:
            parsed.fail(
                "external_id",
                _("Sama tunniste on jo rivillä {line}.").format(line=seen[parsed.external_id]),
            )
        elif parsed.external_id:
            seen[parsed.external_id] = number
        current = existing.get(parsed.external_id)
        changed = current is None
        if not parsed.errors:
            try:
                values = vacancy_values(parsed.data)
            except FieldError as exc:
                parsed.fail(exc.field, exc.message)
        if not parsed.errors and current is not None:
            changed = bool(vacancy_changes(current, values, parsed.data))
            if parsed.company is not None and current.company_id != parsed.company.pk:
                parsed.fail(
                    "company_business_id",
                    _("Tunniste kuuluu toisen yrityksen työpaikalle."),
                )
            elif changed and current.state not in (VacancyState.DRAFT, VacancyState.OPEN):
                parsed.fail(
                    "external_id",
                    _("Työpaikka on jo täytetty tai suljettu, eikä sitä voi muuttaa."),
                )
        errors += parsed.errors
        if parsed.company is not None:
            planned.append((current, parsed.company, parsed, changed))
    if errors:
        raise ImportRejectedError(errors)
    result = ImportResult()
    with transaction.atomic():
        for current, company, parsed, changed in progress_bar(
            planned, total=len(planned), desc=_("Työpaikat")
        ):
            if current is None:
                vacancy_create(
                    actor=actor,
                    company=company,
                    data=parsed.data,
                    external_id=parsed.external_id,
                    state=VacancyState.OPEN,
                )
                result.created += 1
            elif changed:
                vacancy_update(actor=actor, vacancy=current, data=parsed.data)
                result.updated += 1
            else:
                result.unchanged += 1
    return result
