"""The ESF+ common indicators of Regulation (EU) 2021/1057 Annex I: code, Annex I name, label,
kind, and the recorded answers that the result and entry-answer indicators read."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kohtaanto.jobseekers.rules import FOLLOW_UP_MONTHS


@dataclass(frozen=True)
class Indicator:
    code: str
    name_en: str  # as in Annex I, for the funder's exports
    label: Promise  # Finnish msgid, translated for the page
    kind: str  # "participant", "entity" or "result"
    special_category: bool = False  # GDPR Art. 9: aggregate only, never a drill-down


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "EECO01", "total number of participants", _("Osallistujien kokonaismäärä"), "participant"
    ),
    Indicator(
        "EECO02",
        "unemployed, including long-term unemployed",
        _("Työttömät, pitkäaikaistyöttömät mukaan luettuina"),
        "participant",
    ),
    Indicator("EECO03", "long-term unemployed", _("Pitkäaikaistyöttömät"), "participant"),
    Indicator("EECO04", "inactive", _("Työvoiman ulkopuolella olevat"), "participant"),
    Indicator(
        "EECO05",
        "employed, including self-employed",
        _("Työlliset, itsenäiset ammatinharjoittajat mukaan luettuina"),
        "participant",
    ),
    Indicator(
        "EECO06", "number of children below 18 years of age", _("Alle 18-vuotiaat"), "participant"
    ),
    Indicator(
        "EECO07",
        "young people between 18 and 29 years of age",
        _("18–29-vuotiaat nuoret"),
        "participant",
    ),
    Indicator(
        "EECO08",
        "number of participants of 55 years of age and above",
        _("55-vuotiaat ja sitä vanhemmat osallistujat"),
        "participant",
    ),
    Indicator(
        "EECO09",
        "with lower secondary education or less (ISCED 0-2)",
        _("Enintään perusasteen koulutus (ISCED 0–2)"),
        "participant",
    ),
    Indicator(
        "EECO10",
        "with upper secondary (ISCED 3) or post-secondary education (ISCED 4)",
        _("Toisen asteen (ISCED 3) tai sen jälkeinen ei-korkea-asteen koulutus (ISCED 4)"),
        "participant",
    ),
    Indicator(
        "EECO11",
        "with tertiary education (ISCED 5 to 8)",
        _("Korkea-asteen koulutus (ISCED 5–8)"),
        "participant",
    ),
    Indicator(
        "EECO12",
        "participants with disabilities",
        _("Osallistujat, joilla on vamma"),
        "participant",
        special_category=True,
    ),
    Indicator(
        "EECO13", "third-country nationals", _("Kolmansien maiden kansalaiset"), "participant"
    ),
    Indicator(
        "EECO14",
        "participants with a foreign background",
        _("Ulkomaalaistaustaiset osallistujat"),
        "participant",
    ),
    Indicator(
        "EECO15",
        "minorities (including marginalised communities, such as Roma people)",
        _("Vähemmistöt (mukaan lukien marginalisoidut yhteisöt, kuten romanit)"),
        "participant",
        special_category=True,
    ),
    Indicator(
        "EECO16",
        "homeless or affected by housing exclusion",
        _("Asunnottomat tai asuntomarkkinoilta syrjäytyneet"),
        "participant",
    ),
    Indicator(
        "EECO17",
        "participants from rural areas",
        _("Maaseutualueilta tulevat osallistujat"),
        "participant",
    ),
    Indicator(
        "EECO18",
        "number of supported public administrations or public services at national, "
        "regional or local level",
        _(
            "Tuetut julkishallinnon yksiköt tai julkiset palvelut kansallisella, "
            "alueellisella tai paikallisella tasolla"
        ),
        "entity",
    ),
    Indicator(
        "EECO19",
        "number of supported micro, small and medium-sized enterprises "
        "(including cooperative enterprises and social enterprises)",
        _(
            "Tuetut mikro-, pienet ja keskisuuret yritykset (myös osuuskunnat ja "
            "yhteiskunnalliset yritykset)"
        ),
        "entity",
    ),
    Indicator(
        "EECR01",
        "participants engaged in job searching upon leaving",
        _("Osallistujat, jotka hakevat työtä osallistumisen päättyessä"),
        "result",
    ),
    Indicator(
        "EECR02",
        "participants in education or training upon leaving",
        _("Osallistujat, jotka ovat koulutuksessa osallistumisen päättyessä"),
        "result",
    ),
    Indicator(
        "EECR03",
        "participants gaining a qualification upon leaving",
        _("Osallistujat, jotka saavat tutkinnon tai pätevyyden osallistumisen päättyessä"),
        "result",
    ),
    Indicator(
        "EECR04",
        "participants in employment, including self-employment, upon leaving",
        _("Osallistujat, jotka ovat työssä, myös yrittäjinä, osallistumisen päättyessä"),
        "result",
    ),
    Indicator(
        "EECR05",
        "participants in employment, including self-employment, six months after leaving",
        _(
            "Osallistujat, jotka ovat työssä, myös yrittäjinä, kuusi kuukautta "
            "osallistumisen päättymisen jälkeen"
        ),
        "result",
    ),
    Indicator(
        "EECR06",
        "participants with an improved labour market situation six months after leaving",
        _(
            "Osallistujat, joiden työmarkkinatilanne on parantunut kuusi kuukautta "
            "osallistumisen päättymisen jälkeen"
        ),
        "result",
    ),
)
BY_CODE = {i.code: i for i in INDICATORS}

# The exit answer that each result indicator counts (Annex I points 3 and 4).
IMMEDIATE_RESULT_FIELDS = {
    "EECR01": "exit_job_searching",
    "EECR02": "exit_in_education",
    "EECR03": "exit_qualification",
    "EECR04": "exit_employed",
}
LONGER_TERM_RESULT_FIELDS = {
    "EECR05": "six_month_employed",
    "EECR06": "six_month_improved",
}
RESULT_FIELDS = IMMEDIATE_RESULT_FIELDS | LONGER_TERM_RESULT_FIELDS

# Annex I: immediate results are reached within four weeks of leaving (day 28 after the exit
# day counts, day 29 does not); longer-term results are the situation six months after.
# One definition of each, in `jobseekers.rules`, shared with the follow-up reminders.
LONGER_TERM_MONTHS = FOLLOW_UP_MONTHS
# The yes/no/refused entry answers of EECO12–EECO17.
ANSWER_FIELDS = {
    "EECO12": "disability",
    "EECO13": "third_country_national",
    "EECO14": "foreign_background",
    "EECO15": "minority",
    "EECO16": "homeless",
    "EECO17": "rural",
}
