"""ESF+ common indicators, their drill-down and the participants' data quality."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.common.dates import add_months, age_on
from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.jobseekers.validation import PARTICIPATION_RECORD_FIELDS
from kohtaanto.programme import disclosure
from kohtaanto.programme.indicators import (
    BY_CODE,
    LONGER_TERM_MONTHS,
    CountedRow,
    EntityFacts,
    ParticipantFacts,
    age_group,
    compute_table,
)
from kohtaanto.programme.models import (
    Operation,
    OperationCompany,
)
from kohtaanto.programme.quality import Problem, participant_problems, table_problems
from kohtaanto.programme.selectors.indicator_counts import count_table
from kohtaanto.programme.selectors.rules import RulesBook, rules_book

# --- Indicators ---------------------------------------------------------------------------

_FACT_FIELDS = ("id", "job_seeker_id", *PARTICIPATION_RECORD_FIELDS)


def participant_facts(
    *, operation: Operation, start: date | None = None, end: date | None = None
) -> list[ParticipantFacts]:
    """The operation's participants that a table of [start, end] may count: those who
    entered in the period, and (for the results) those whose exit date or exit date + 6
    months falls in it — all who entered by `end` when `start` is None. The GDPR Art. 9
    answers are joined from their separate table. One query."""
    from kohtaanto.jobseekers.models import Participation

    qs = Participation.objects.filter(operation=operation)
    if end is not None:
        qs = qs.filter(entry_date__lte=end)
    if start is not None:
        # Exit + 6 months in the period means an exit at most 6 months before its start.
        earliest_exit = add_months(start, -LONGER_TERM_MONTHS)
        qs = qs.filter(Q(entry_date__gte=start) | Q(exit_date__gte=earliest_exit))
    rows = qs.order_by("id").values(
        *_FACT_FIELDS, "special_category__disability", "special_category__minority"
    )
    return [
        ParticipantFacts(
            **{k: row[k] for k in _FACT_FIELDS},
            disability=row["special_category__disability"] or "",
            minority=row["special_category__minority"] or "",
        )
        for row in rows
    ]


def entity_facts(
    *, operation: Operation, start: date | None = None, end: date | None = None
) -> list[EntityFacts]:
    """Organisations the operation supports (each once), support beginning in [start, end]."""
    qs = OperationCompany.objects.filter(operation=operation, supported_from__isnull=False)
    if start is not None:
        qs = qs.filter(supported_from__gte=start)
    if end is not None:
        qs = qs.filter(supported_from__lte=end)
    return [
        EntityFacts(id=company_id, is_public_administration=public, size_class=size)
        for company_id, public, size in qs.values_list(
            "company_id", "company__is_public_administration", "company__size_class"
        ).distinct()
    ]


def indicator_table(
    *, operation: Operation, start: date, end: date, book: RulesBook | None = None
) -> Sequence[CountedRow]:
    """ESF+ common indicators of the period [start, end] (Annex I), counted in the database
    on PostgreSQL (`indicator_counts`), by the Python rules elsewhere — the same table:
    outputs of those who entered in it, immediate results of those who left in it,
    longer-term results of those whose exit + 6 months is in it (see `indicators`). A period
    that starts on or before the operation's start is the cumulative table, checked for
    results within outputs."""
    if end < start:
        raise DomainError(_("Kausi päättyy ennen kuin se alkaa."), code="invalid_period")
    book = book or rules_book()
    if connection.vendor != "postgresql":
        # SQLite runs date functions as Python callbacks, once per row and condition: the
        # aggregate query is slower there than counting the facts in Python (bench/README).
        return compute_table(
            participant_facts(operation=operation, start=start, end=end),
            entity_facts(operation=operation, start=start, end=end),
            start=start,
            end=end,
            rule_for=book.ltu,
            cumulative=start <= operation.start_date,
        )
    return count_table(
        operation=operation,
        start=start,
        end=end,
        rules=book.rows,
        entities=entity_facts(operation=operation, start=start, end=end),
        cumulative=start <= operation.start_date,
    )


def indicator_records_for_actor(
    *, actor: User, operation: Operation, start: date, end: date
) -> list[dict[str, Any]]:
    """The period's indicator records (code, name, women, men, non_binary, total) as the
    actor may see them: exact for the coordinator, otherwise with small counts suppressed and
    a period of at least a month (`disclosure`)."""
    exact = actor.permissions.can_view_exact_indicators()
    if not exact:
        disclosure.check_period(start, end)
    records = indicator_rows_as_records(indicator_table(operation=operation, start=start, end=end))
    return records if exact else disclosure.protect_records(records)


def indicator_rows_as_records(table: Sequence[CountedRow]) -> list[dict[str, Any]]:
    """One record per indicator with the Regulation's English name; gender columns are
    None for the entity indicators, which are not broken down by gender."""
    return [
        {
            "code": row.code,
            "name": row.indicator.name_en,
            "women": row.women,
            "men": row.men,
            "non_binary": row.non_binary,
            "total": row.total,
        }
        for row in table
    ]


@dataclass(frozen=True)
class PseudonymisedParticipant:
    """A participant as the indicator drill-down shows them: no name, no identity code."""

    participation_id: int
    job_seeker_id: int
    pseudonym: str
    age_group: str
    gender: str
    entry_date: date
    exit_date: date | None

    @property
    def gender_label(self) -> str:
        from kohtaanto.jobseekers.models import Gender

        return str(dict(Gender.choices).get(self.gender, "–"))


def indicator_participants(
    *, operation: Operation, code: str, start: date, end: date
) -> list[PseudonymisedParticipant]:
    """The participants counted in one participant or result indicator, pseudonymised.

    Special-category indicators (EECO12, EECO15; GDPR Art. 9) and entity indicators are
    aggregates only: asking for their participants is refused."""
    indicator = BY_CODE.get(code)
    if indicator is None:
        raise NotFoundError("indicator not found")
    if indicator.special_category or indicator.kind == "entity":
        raise DomainError(
            _("Tämä indikaattori näytetään vain yhteismääränä (erityiset henkilötiedot)."),
            code="aggregate_only",
        )
    facts = {p.id: p for p in participant_facts(operation=operation, start=start, end=end)}
    table = compute_table(
        facts.values(),
        [],
        start=start,
        end=end,
        rule_for=rules_book().ltu,
        cumulative=start <= operation.start_date,
    )
    row = next(r for r in table if r.code == code)
    people = []
    for pid in row.ids:
        p = facts[pid]
        people.append(
            PseudonymisedParticipant(
                participation_id=pid,
                job_seeker_id=p.job_seeker_id,
                pseudonym=f"#{pid}",
                age_group=age_group(age_on(p.birth_date, p.entry_date) if p.birth_date else None),
                gender=p.gender,
                entry_date=p.entry_date,
                exit_date=p.exit_date,
            )
        )
    return people


# --- Data quality -------------------------------------------------------------------------


@dataclass
class ParticipantIssue:
    participation_id: int
    job_seeker_id: int
    pseudonym: str
    problems: list[Problem]


@dataclass
class DataQualityReport:
    participants: list[ParticipantIssue] = field(default_factory=list)
    table: list[tuple[str, Problem]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.participants and not self.table

    @property
    def problem_count(self) -> int:
        return sum(len(i.problems) for i in self.participants) + len(self.table)

    def summary_lines(self, limit: int = 20) -> list[str]:
        lines = [
            f"{issue.pseudonym}: " + " ".join(str(p.message) for p in issue.problems)
            for issue in self.participants
        ]
        lines += [f"{code}: {problem.message}" for code, problem in self.table]
        if len(lines) > limit:
            lines = [*lines[:limit], f"… (+{len(lines) - limit})"]
        return lines


def data_quality_report(
    *, operation: Operation, until: date | None = None, today: date | None = None
) -> DataQualityReport:
    """Participants with missing or contradictory entry or exit data (see `quality`) among
    those who entered the operation on or before `until`, and results above outputs in the
    operation's table."""
    today = today or timezone.localdate()
    facts = participant_facts(operation=operation, end=until)
    report = DataQualityReport()
    for p in facts:
        problems = participant_problems(p, today=today)
        if problems:
            report.participants.append(
                ParticipantIssue(p.id, p.job_seeker_id, f"#{p.id}", problems)
            )
    table = compute_table(
        facts, [], start=None, end=until or today, rule_for=rules_book().ltu, check=False
    )
    report.table = table_problems(table)
    return report
