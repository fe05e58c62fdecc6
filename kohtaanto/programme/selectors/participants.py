"""The participant-level list for the lead partner and the funder's system (EURA 2021): one
row per participation with every Annex I item and its dates.

Who: only roles with `export_participants` (the coordinator). The identity code is in the
list only when asked for and only for people whose code the actor may see
(`view_identity_code`); the caller logs the export (`participant_export_log`).
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import gettext_lazy as _

from kohtaanto.accounts.models import User
from kohtaanto.common.dates import age_on
from kohtaanto.programme.indicators import (
    LongTermUnemploymentRule,
    ParticipantFacts,
    is_long_term_unemployed,
)
from kohtaanto.programme.models import Operation
from kohtaanto.programme.selectors.indicators import participant_facts
from kohtaanto.programme.selectors.rules import rules_book


@dataclass(frozen=True)
class Column:
    key: str
    label: Any  # lazy Finnish msgid, shown in the reader's language
    annex: str  # the Annex I item (or "" for an identifier)
    kind: str = "text"  # text, date, int, answer, bool, choice


# The columns in order; README "Participant export" maps each to Annex I and EURA 2021.
COLUMNS: tuple[Column, ...] = (
    Column("participation_id", _("Osallistumisen tunniste"), "", "int"),
    Column("identity_code", _("Henkilötunnus"), ""),
    Column("entry_date", _("Aloituspäivä"), "entry", "date"),
    Column("gender", _("Sukupuoli"), "gender", "choice"),
    Column("birth_date", _("Syntymäaika"), "age", "date"),
    Column("age_at_entry", _("Ikä aloitettaessa"), "EECO06–EECO08", "int"),
    Column("labour_market_status", _("Työmarkkina-asema"), "EECO02/EECO04/EECO05", "choice"),
    Column("unemployed_since", _("Työtön alkaen"), "EECO03", "date"),
    Column("long_term_unemployed", _("Pitkäaikaistyötön"), "EECO03", "bool"),
    Column("isced_level", _("Koulutustaso (ISCED)"), "EECO09–EECO11", "int"),
    Column("disability", _("Vamma"), "EECO12", "answer"),
    Column("third_country_national", _("Kolmannen maan kansalainen"), "EECO13", "answer"),
    Column("foreign_background", _("Ulkomaalaistaustainen"), "EECO14", "answer"),
    Column("minority", _("Vähemmistöön kuuluva"), "EECO15", "answer"),
    Column("homeless", _("Asunnoton tai asuntomarkkinoilta syrjäytynyt"), "EECO16", "answer"),
    Column("rural", _("Maaseutualueelta"), "EECO17", "answer"),
    Column("exit_date", _("Päättymispäivä"), "exit", "date"),
    Column("exit_results_on", _("Tulostilanne saavutettu"), "EECR01–EECR04", "date"),
    Column("exit_job_searching", _("Työnhaussa päättyessä"), "EECR01", "bool"),
    Column("exit_in_education", _("Koulutuksessa päättyessä"), "EECR02", "bool"),
    Column("exit_qualification", _("Sai tutkinnon tai pätevyyden"), "EECR03", "bool"),
    Column("exit_employed", _("Työssä päättyessä"), "EECR04", "bool"),
    Column("six_month_employed", _("Työssä 6 kk kuluttua"), "EECR05", "bool"),
    Column("six_month_improved", _("Tilanne parantunut 6 kk kuluttua"), "EECR06", "bool"),
)


@dataclass
class ParticipantExport:
    operation: Operation
    start: date
    end: date
    with_identity_code: bool
    columns: list[Column]
    rows: list[dict[str, Any]]
    job_seeker_ids: list[int]


def participant_export(
    *,
    actor: User,
    operation: Operation,
    start: date,
    end: date,
    with_identity_code: bool = False,
) -> ParticipantExport:
    """Every participation that the indicator table of [start, end] may count — entered in
    the period, or entered by its end and left in it or at most six months before it — with
    all Annex I items. The identity code
    only with `with_identity_code` and the actor's `view_identity_code` for each person;
    otherwise the column is left out."""
    from kohtaanto.jobseekers.identity import identity_code_decrypt
    from kohtaanto.jobseekers.models import JobSeeker

    book = rules_book()
    facts: list[ParticipantFacts] = participant_facts(operation=operation, start=start, end=end)
    people = JobSeeker.objects.in_bulk([p.job_seeker_id for p in facts])
    columns = [c for c in COLUMNS if with_identity_code or c.key != "identity_code"]
    rows = []
    for p in facts:
        row: dict[str, Any] = {c.key: getattr(p, c.key, None) for c in columns}
        row["participation_id"] = p.id
        row["age_at_entry"] = age_on(p.birth_date, p.entry_date) if p.birth_date else None
        rule: LongTermUnemploymentRule = book.ltu(p.entry_date)
        row["long_term_unemployed"] = is_long_term_unemployed(p, rule)
        if with_identity_code:
            person = people.get(p.job_seeker_id)
            code = ""
            if (
                person is not None
                and person.identity_code_encrypted
                and actor.permissions.can_view_identity_code(person)
            ):
                code = identity_code_decrypt(person.identity_code_encrypted)
            row["identity_code"] = code
        rows.append(row)
    return ParticipantExport(
        operation=operation,
        start=start,
        end=end,
        with_identity_code=with_identity_code,
        columns=columns,
        rows=rows,
        job_seeker_ids=[p.job_seeker_id for p in facts],
    )


# --- The payment claim's participant list (annex) -----------------------------------------

# The claim's annex lists who is behind the period's indicator table, one row per
# participation, with the indicators it is counted in under the table's period rules
# (README "ESF+ indicators"): outputs by entry date, immediate results by exit date (result
# reached within four weeks), longer-term results by exit date + 6 months. GDPR Art. 9 items
# (EECO12 disability, EECO15 minority) never appear per person: they stay in the aggregate
# table only (`indicator_counts.SPECIAL`).
ANNEX_COLUMNS: tuple[Column, ...] = (
    Column("participation_id", _("Osallistumisen tunniste"), "", "int"),
    Column("identity_code", _("Henkilötunnus"), ""),
    Column("gender", _("Sukupuoli"), "gender", "choice"),
    Column("entry_date", _("Aloituspäivä"), "entry", "date"),
    Column("exit_date", _("Päättymispäivä"), "exit", "date"),
    Column("counted", _("Lasketaan kaudella indikaattoreihin"), ""),
)


@dataclass
class ClaimParticipantAnnex(ParticipantExport):
    """A participant export that is a claim's annex (logged the same way)."""


def claim_participant_annex(
    *, actor: User, report: Any, with_identity_code: bool = False
) -> ClaimParticipantAnnex:
    """The participants the claim's period table counts, each with the indicator codes it is
    counted in. The identity code only when asked for, only for a role that may export
    participants (`export_participants`), and only for people whose code the actor may see
    (`view_identity_code`); for anyone else the column is left out."""
    from kohtaanto.jobseekers.identity import identity_code_decrypt
    from kohtaanto.jobseekers.models import JobSeeker
    from kohtaanto.programme.indicators import (
        immediate_result_codes,
        longer_term_result_codes,
        output_codes,
    )
    from kohtaanto.programme.selectors.indicator_counts import SPECIAL

    period = report.period
    operation, start, end = period.operation, period.start_date, period.end_date
    with_identity_code = with_identity_code and actor.permissions.can_export_participants()
    book = rules_book()
    facts = participant_facts(operation=operation, start=start, end=end)
    people = (
        JobSeeker.objects.in_bulk([p.job_seeker_id for p in facts]) if with_identity_code else {}
    )
    columns = [c for c in ANNEX_COLUMNS if with_identity_code or c.key != "identity_code"]
    rows: list[dict[str, Any]] = []
    shown: list[int] = []
    for p in facts:
        codes: set[str] = set()
        if start <= p.entry_date <= end:
            codes |= output_codes(p, book.ltu(p.entry_date)) - set(SPECIAL)
        codes |= immediate_result_codes(p, start, end) | longer_term_result_codes(p, start, end)
        if not codes:
            continue
        row: dict[str, Any] = {
            "participation_id": p.id,
            "gender": p.gender,
            "entry_date": p.entry_date,
            "exit_date": p.exit_date,
            "counted": ", ".join(sorted(codes)),
        }
        if with_identity_code:
            person = people.get(p.job_seeker_id)
            row["identity_code"] = (
                identity_code_decrypt(person.identity_code_encrypted)
                if person is not None
                and person.identity_code_encrypted
                and actor.permissions.can_view_identity_code(person)
                else ""
            )
        rows.append(row)
        shown.append(p.job_seeker_id)
    return ClaimParticipantAnnex(
        operation=operation,
        start=start,
        end=end,
        with_identity_code=with_identity_code,
        columns=columns,
        rows=rows,
        job_seeker_ids=shown,
    )
