"""Vacancies: structured form, from a pasted Finnish job ad, states and who may do what."""

import html
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.utils import timezone

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ConflictError
from kohtaanto.employers.errors import FieldError
from kohtaanto.employers.models import Vacancy, VacancyState
from kohtaanto.employers.services.vacancies import (
    SkillInput,
    VacancyData,
    vacancy_create,
    vacancy_transition,
)

AD = """Hitsaaja, Kokkola

Haemme kokenutta hitsaajaa konepajallemme. Edellytämme tulityökorttia ja kokemusta MIG-hitsauksesta.
CNC-ohjelmointi on eduksi. Ei vaadita turvallisuusselvitystä.
"""


def _rows(prefix, rows, extra=0, initial=0):
    """A formset as the page posts it: `initial` of the rows were on the page to begin with
    (existing or suggested), `extra` blank rows follow."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows) + extra),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "100",
    }
    for i, row in enumerate(rows):
        data |= {f"{prefix}-{i}-{k}": v for k, v in row.items()}
    return data


def _vacancy_form(**extra):
    data = {
        "title": "Hitsaaja",
        "occupation": "hitsaaja",
        "positions": "2",
        "wage_period": "month",
        "wage_min": "2800",
        "wage_max": "3400",
        "closing_date": str(timezone.localdate() + timedelta(days=30)),
    }
    data |= _rows(
        "skills", [{"include": "on", "concept": "hitsaus", "essential": "on", "level": "3"}]
    )
    data |= _rows("requirements", [{"include": "on", "concept": "tulityökortti"}])
    return data | extra


@pytest.fixture
def draft(company, business_advisor, vocab):
    return vacancy_create(
        actor=business_advisor,
        company=company,
        data=VacancyData(title="Hitsaaja", skills=[SkillInput(concept=vocab.welding)]),
    )


def test_advisor_creates_a_structured_vacancy(client_as, company, vocab):
    client = client_as(Role.BUSINESS_ADVISOR)
    response = client.post(f"/companies/{company.pk}/vacancies/new/", _vacancy_form())
    vacancy = Vacancy.objects.get()
    assert response.url == f"/companies/vacancies/{vacancy.pk}/"
    assert vacancy.state == VacancyState.DRAFT
    assert vacancy.occupation == vocab.welder
    assert (vacancy.wage_min, vacancy.wage_max) == (Decimal("2800"), Decimal("3400"))
    assert [(s.concept, s.essential, s.level) for s in vacancy.skills.all()] == [
        (vocab.welding, True, 3)
    ]
    assert [r.concept for r in vacancy.requirements.all()] == [vocab.hot_work]
    assert AuditEvent.objects.filter(action="vacancy.create").count() == 1


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"wage_min": "3500", "wage_max": "3000"}, "wage_max"),
        ({"positions": "0"}, "positions"),
        ({"title": ""}, "title"),
        ({"occupation": "tähtitieteilijä"}, "occupation"),
        ({"wage_min": "-1"}, "wage_min"),
    ],
)
def test_bad_vacancy_input_is_shown_per_field(client_as, company, vocab, extra, field):
    response = client_as(Role.BUSINESS_ADVISOR).post(
        f"/companies/{company.pk}/vacancies/new/", _vacancy_form(**extra)
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Vacancy.objects.exists()


def test_requirement_row_must_be_a_requirement(client_as, company, vocab):
    data = _vacancy_form() | _rows("requirements", [{"include": "on", "concept": "hitsaus"}])
    response = client_as(Role.BUSINESS_ADVISOR).post(
        f"/companies/{company.pk}/vacancies/new/", data
    )
    assert response.status_code == 200
    assert not Vacancy.objects.exists()


def test_the_ad_page_reads_the_ad_once(client_as, company, vocab, monkeypatch):
    from kohtaanto.employers import suggestions
    from kohtaanto.extraction import engine, selectors

    modes = []

    def counting(text, lang="auto", *, mode="match"):
        modes.append(mode)
        return engine.extract(text, lang, mode=mode)

    monkeypatch.setattr(selectors, "extract", counting)
    monkeypatch.setattr(suggestions, "extract", counting)
    client = client_as(Role.BUSINESS_ADVISOR)
    response = client.post(
        "/companies/vacancies/from-ad/", {"step": "analyse", "company": company.pk, "text": AD}
    )

    assert response.status_code == 200
    assert response.context["form"].initial["occupation"] == vocab.welder
    assert modes == ["match"]  # the details and the form's suggestions share one reading


def test_pasted_finnish_ad_becomes_a_confirmed_structured_vacancy(client_as, company, vocab):
    client = client_as(Role.BUSINESS_ADVISOR)
    assert client.get(f"/companies/vacancies/from-ad/?company={company.pk}").status_code == 200
    response = client.post(
        "/companies/vacancies/from-ad/", {"step": "analyse", "company": company.pk, "text": AD}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert '<mark class="extraction-found">tulityökorttia</mark>' in body
    # what the ad says is not required is struck through, not marked as found
    negated = '<mark class="extraction-negated" title="Mainittu puuttuvaksi">turvallisuusselvitystä'
    assert negated in body
    form = response.context["form"]
    assert form.initial["title"] == "Hitsaaja"  # the occupation phrase, not the first line
    assert form.initial["occupation"] == vocab.welder
    skills = {row["concept"]: row["essential"] for row in response.context["skills"].initial}
    assert skills == {vocab.welding: True, vocab.cnc: False}  # required → essential
    requirements = {
        row["concept"]: row["include"] for row in response.context["requirements"].initial
    }
    assert requirements[vocab.hot_work] is True  # "Edellytämme tulityökorttia"
    assert requirements.get(vocab.clearance, False) is False  # not required, not pre-ticked
    assert not Vacancy.objects.exists()

    data = {"step": "confirm", "company": company.pk, "text": AD, "title": "Hitsaaja"}
    data |= {"occupation": "hitsaaja", "positions": "1", "wage_period": "month", "description": AD}
    data |= _rows(
        "skills",
        [
            {"include": "on", "concept": "hitsaus", "essential": "on"},
            {"concept": "CNC-ohjelmointi"},  # the advisor unticked this suggestion
        ],
        extra=2,
        initial=2,
    )
    data |= _rows("requirements", [{"include": "on", "concept": "tulityökortti"}], initial=1)
    response = client.post("/companies/vacancies/from-ad/", data)
    vacancy = Vacancy.objects.get()
    assert response.url == f"/companies/vacancies/{vacancy.pk}/"
    assert vacancy.description == AD.strip()
    assert [s.concept for s in vacancy.skills.all()] == [vocab.welding]
    assert [r.concept for r in vacancy.requirements.all()] == [vocab.hot_work]
    assert vacancy.state == VacancyState.DRAFT


def test_ad_for_a_company_of_another_area_is_refused(client_as, foreign_company, vocab):
    response = client_as(Role.BUSINESS_ADVISOR).post(
        "/companies/vacancies/from-ad/",
        {"step": "analyse", "company": foreign_company.pk, "text": AD},
    )
    assert response.status_code == 200
    assert "company" in response.context["ad_form"].errors


def test_publish_fill_and_refuse_disallowed_transitions(client_as, draft, business_advisor):
    client = client_as(Role.BUSINESS_ADVISOR)
    client.post(f"/companies/vacancies/{draft.pk}/state/", {"to_state": "open"})
    draft.refresh_from_db()
    assert draft.state == VacancyState.OPEN and draft.published_at
    response = client.post(
        f"/companies/vacancies/{draft.pk}/state/", {"to_state": "draft"}, follow=True
    )
    assert "ei voi siirtyä" in response.content.decode()
    client.post(f"/companies/vacancies/{draft.pk}/state/", {"to_state": "filled"})
    draft.refresh_from_db()
    assert draft.state == VacancyState.FILLED and draft.ended_at
    with pytest.raises(ConflictError):
        vacancy_transition(actor=business_advisor, vacancy=draft, to_state=VacancyState.OPEN)
    assert [
        e.changes["state"]
        for e in AuditEvent.objects.filter(action="vacancy.transition").order_by("id")
    ] == [
        ["draft", "open"],
        ["open", "filled"],
    ]


@pytest.mark.parametrize(
    ("start", "target", "allowed"),
    [
        ("draft", "open", True),
        ("draft", "closed", True),
        ("draft", "filled", False),
        ("open", "filled", True),
        ("open", "closed", True),
        ("open", "draft", False),
        ("filled", "open", False),
        ("closed", "open", False),
        ("closed", "filled", False),
    ],
)
def test_transition_table(draft, business_advisor, start, target, allowed):
    Vacancy.objects.filter(pk=draft.pk).update(state=start)
    if allowed:
        assert (
            vacancy_transition(actor=business_advisor, vacancy=draft, to_state=target).state
            == target
        )
    else:
        with pytest.raises(ConflictError):
            vacancy_transition(actor=business_advisor, vacancy=draft, to_state=target)


def test_vacancy_with_passed_closing_date_cannot_be_published(draft, business_advisor):
    Vacancy.objects.filter(pk=draft.pk).update(
        closing_date=timezone.localdate() - timedelta(days=1)
    )
    with pytest.raises(ConflictError):
        vacancy_transition(actor=business_advisor, vacancy=draft, to_state=VacancyState.OPEN)


def test_wage_minimum_above_maximum_is_refused_by_the_service(company, business_advisor):
    with pytest.raises(FieldError) as exc:
        vacancy_create(
            actor=business_advisor,
            company=company,
            data=VacancyData(title="x", wage_min=Decimal("10"), wage_max=Decimal("9.99")),
        )
    assert exc.value.field == "wage_max"


def test_edit_changes_skills_and_audits_them(client_as, draft, vocab):
    client = client_as(Role.COORDINATOR)
    data = _vacancy_form()
    assert client.post(f"/companies/vacancies/{draft.pk}/edit/", data).status_code == 302
    event = AuditEvent.objects.get(action="vacancy.update")
    assert "skills" in event.changes and "requirements" in event.changes


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.COORDINATOR, 200),
        (Role.BUSINESS_ADVISOR, 200),
        (Role.COUNSELLOR, 200),
        (Role.AUDITOR, 200),
        (Role.FINANCE, 404),
    ],
)
def test_vacancy_pages_by_role(client_as, role, status, draft):
    client = client_as(role)
    assert client.get("/companies/vacancies/").status_code == status
    assert client.get(f"/companies/vacancies/{draft.pk}/").status_code == status


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.AUDITOR, Role.FINANCE])
def test_readers_cannot_change_vacancies(client_as, role, draft, company):
    client = client_as(role)
    assert client.get(f"/companies/vacancies/{draft.pk}/edit/").status_code == 404
    assert (
        client.post(f"/companies/vacancies/{draft.pk}/state/", {"to_state": "open"}).status_code
        == 404
    )
    assert client.get(f"/companies/{company.pk}/vacancies/new/").status_code == 404
    assert client.get("/companies/vacancies/from-ad/").status_code == 404
    draft.refresh_from_db()
    assert draft.state == VacancyState.DRAFT


def test_partner_sees_vacancies_of_programme_companies_only(
    client_as, partner_user, draft, pilot_company, business_advisor
):
    visible = vacancy_create(
        actor=business_advisor, company=pilot_company, data=VacancyData(title="Pilotin paikka")
    )
    client = client_as(partner_user)
    body = client.get("/companies/vacancies/").content.decode()
    assert "Pilotin paikka" in body and "Hitsaaja" not in body
    assert client.get(f"/companies/vacancies/{visible.pk}/").status_code == 200
    assert client.get(f"/companies/vacancies/{draft.pk}/").status_code == 404


def test_vacancy_of_another_area_is_404(client_as, foreign_company, make_user, other_area):
    owner = make_user(Role.BUSINESS_ADVISOR, employment_area=other_area)
    vacancy = vacancy_create(actor=owner, company=foreign_company, data=VacancyData(title="Vieras"))
    client = client_as(Role.COORDINATOR)
    assert client.get(f"/companies/vacancies/{vacancy.pk}/").status_code == 404
    assert client.get("/companies/vacancies/999999/").status_code == 404


STRUCTURED_AD = """Haemme CNC-koneistajaa vakituiseen työsuhteeseen Kannukseen.
Edellytämme tulityökorttia. Eduksi katsotaan MIG-hitsaus ja ruotsin kielen perustaidot.
Palkka 16,50–19,00 €/h. Työ alkaa 1.3.2027. Hakuaika päättyy 15.2.2027.
"""


def test_pasted_ad_fills_the_structured_fields_and_shows_what_it_states(client_as, company, vocab):
    client = client_as(Role.BUSINESS_ADVISOR)
    response = client.post(
        "/companies/vacancies/from-ad/",
        {"step": "analyse", "company": company.pk, "text": STRUCTURED_AD},
    )
    assert response.status_code == 200
    initial = response.context["form"].initial
    assert initial["municipality"].name_fi == "Kannus"  # the ad's, not the company's Kokkola
    assert initial["contract_type"] == "permanent"
    assert (initial["wage_min"], initial["wage_max"], initial["wage_period"]) == (
        Decimal("16.50"),
        Decimal("19.00"),
        "hour",
    )
    assert initial["start_date"].isoformat() == "2027-03-01"
    assert initial["closing_date"].isoformat() == "2027-02-15"
    details = response.context["details"]
    assert [(row.name, row.level) for row in details.languages] == [("ruotsi", "A2")]
    assert [row.label for row in details.required_rows] == ["tulityökortti"]
    assert "hitsaus" in [row.label for row in details.optional_rows]
    body = response.content.decode()
    assert "vakituinen" in body and "ruotsi: A2" in body
    assert "Edellytetään" in body and "Eduksi tai mainittu" in body


@pytest.mark.parametrize(
    ("employment", "period", "contract", "wage_period"),
    [
        ("summer", "month", "fixed_term", "month"),  # a summer job is fixed-term
        ("", "year", "", None),  # a yearly salary has no vacancy period: left for the user
    ],
)
def test_ad_fields_map_onto_the_vacancy_form(company, employment, period, contract, wage_period):
    from kohtaanto.employers.views.vacancies import _ad_initial
    from kohtaanto.extraction.ads import AdFields

    ad = AdFields(
        employment_type=employment,
        pay_min=Decimal("2500"),
        pay_max=Decimal("3000"),
        pay_period=period,
    )
    initial = _ad_initial(ad, "Kesätyöntekijä\nTeksti", company)

    assert initial["title"] == "Kesätyöntekijä"  # no occupation phrase: the first line
    assert initial["municipality"] == company.municipality  # the ad names none
    assert initial["contract_type"] == contract
    assert initial.get("wage_period") == wage_period


@pytest.mark.parametrize(
    ("lang", "ad", "notice"),
    [
        (
            "fi",
            "Hitsaaja, Pietarsaari\n\nHaemme hitsaajaa konepajallemme Pietarsaareen.\n",
            "Ilmoituksessa mainittu kunta Pietarsaari on työllisyysalueen ulkopuolella, joten "
            "kunnaksi valittiin yrityksen kunta Kokkola. Tarkista kunta.",
        ),
        (
            "sv",
            "Svetsare, Jakobstad\n\nVi söker en svetsare till vår verkstad i Jakobstad.\n",
            "Kommunen Jakobstad som nämns i annonsen ligger utanför sysselsättningsområdet, "
            "därför valdes företagets kommun Karleby. Kontrollera kommunen.",
        ),
    ],
)
def test_ad_naming_a_municipality_outside_the_area_says_the_company_s_stands_in(
    client_as, company, vocab, lang, ad, notice
):
    client = client_as(Role.BUSINESS_ADVISOR)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    data = {"company": company.pk, "text": ad}
    response = client.post("/companies/vacancies/from-ad/", {"step": "analyse", **data})

    form = response.context["form"]
    assert form.initial["municipality"] == company.municipality
    assert form["municipality"].help_text == notice
    body = html.unescape(response.content.decode())
    assert notice in body
    assert 'aria-describedby="id_municipality_helptext' in body  # read with the field
    # Still said when the confirm step comes back with an error to correct.
    response = client.post(
        "/companies/vacancies/from-ad/", {"step": "confirm", **data, "title": ""}
    )
    assert response.context["form"]["municipality"].help_text == notice
    assert not Vacancy.objects.exists()


def test_ad_naming_a_municipality_of_the_area_fills_it_in_without_a_notice(
    client_as, company, vocab
):
    response = client_as(Role.BUSINESS_ADVISOR).post(
        "/companies/vacancies/from-ad/",
        {"step": "analyse", "company": company.pk, "text": STRUCTURED_AD},
    )
    form = response.context["form"]
    assert form.initial["municipality"].name_fi == "Kannus"
    assert form["municipality"].help_text == ""


def test_a_swedish_ad_on_a_finnish_page_shows_finnish_labels(client_as, company, vocab):
    """The skills read from a Swedish ad, and the years of experience, are named in the
    page's language."""
    ad = "Svetsare, Karleby\n\nVi söker en svetsare. Du har 5 års erfarenhet av svetsning."
    response = client_as(Role.BUSINESS_ADVISOR).post(
        "/companies/vacancies/from-ad/",
        {"step": "analyse", "company": company.pk, "text": ad},
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert response.status_code == 200
    details = response.context["details"]
    assert [(row.years, row.label) for row in details.experience] == [(5, "hitsaus")]
    assert sorted(row.label for row in details.found) == ["hitsaaja", "hitsaus"]
    assert "5 vuotta: hitsaus" in response.content.decode()


def _ticked(body, name):
    """Whether the page's checkbox `name` is ticked; the checkbox must be on the page."""
    match = re.search(rf'<input type="checkbox" name="{re.escape(name)}"[^>]*>', body)
    assert match, name
    return " checked" in match.group(0)


def test_blank_rows_of_a_new_vacancy_start_unticked(client_as, company, vocab):
    body = client_as(Role.BUSINESS_ADVISOR).get(f"/companies/{company.pk}/vacancies/new/")
    body = body.content.decode()
    for name in ("skills-0-include", "skills-0-essential", "skills-1-include"):
        assert not _ticked(body, name)
    assert not _ticked(body, "requirements-0-include")


def test_suggested_rows_keep_their_ticks_and_the_blank_rows_after_them_are_unticked(
    client_as, company, vocab
):
    response = client_as(Role.BUSINESS_ADVISOR).post(
        "/companies/vacancies/from-ad/", {"step": "analyse", "company": company.pk, "text": AD}
    )
    body = response.content.decode()
    suggested = [row["concept"] for row in response.context["skills"].initial]
    welding, cnc = suggested.index(vocab.welding), suggested.index(vocab.cnc)
    assert _ticked(body, f"skills-{welding}-include")
    assert _ticked(body, f"skills-{welding}-essential")  # required in the ad
    assert _ticked(body, f"skills-{cnc}-include")
    assert not _ticked(body, f"skills-{cnc}-essential")  # "on eduksi": optional
    blank = len(suggested)
    assert not _ticked(body, f"skills-{blank}-include")
    assert not _ticked(body, f"skills-{blank}-essential")


def test_edit_page_keeps_existing_rows_ticked_and_adds_unticked_blank_rows(client_as, draft, vocab):
    body = client_as(Role.COORDINATOR).get(f"/companies/vacancies/{draft.pk}/edit/")
    body = body.content.decode()
    assert _ticked(body, "skills-0-include")
    assert not _ticked(body, "skills-1-include")
    assert not _ticked(body, "skills-1-essential")


def test_saving_with_blank_rows_keeps_a_filled_new_row_and_skips_the_empty_ones(
    client_as, company, vocab
):
    data = _vacancy_form()
    data |= _rows(
        "skills",
        [
            {"include": "on", "concept": "hitsaus", "essential": "on", "level": "3"},
            {"concept": "CNC-ohjelmointi"},  # typed into a blank row, left unticked
        ],
        extra=2,
    )
    data = {k: v for k, v in data.items() if not k.startswith("requirements-")}
    data |= _rows("requirements", [], extra=1)
    response = client_as(Role.BUSINESS_ADVISOR).post(
        f"/companies/{company.pk}/vacancies/new/", data
    )
    vacancy = Vacancy.objects.get()
    assert response.url == f"/companies/vacancies/{vacancy.pk}/"
    assert sorted((str(s.concept), s.essential) for s in vacancy.skills.all()) == [
        ("CNC-ohjelmointi", False),
        ("hitsaus", True),
    ]
    assert not vacancy.requirements.exists()


def test_skill_table_heads_the_essential_or_optional_column_by_its_meaning(client_as, draft, vocab):
    body = client_as(Role.COORDINATOR).get(f"/companies/vacancies/{draft.pk}/").content.decode()
    head = body[body.index('id="skills-heading"') :]
    head = head[head.index("<thead>") : head.index("</thead>")]
    assert "Merkitys" in head and "Välttämätön" not in head
    assert "<td>Välttämätön</td>" in body  # the values under it: the draft's one skill
