"""The rules that ESF+ entry, exit and follow-up data must satisfy.

One set of rules for the counsellor's forms, the API and the participant import, so that every
path refuses the same data with the same reasons. Each function returns every problem as
(field, reason); services raise them together as InvalidFieldsError.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kohtaanto.common.errors import ImportRejectedError, RowError
from kohtaanto.jobseekers.models import Answer, Gender, LabourMarketStatus
from kohtaanto.jobseekers.rules import follow_up_due_on

if TYPE_CHECKING:
    from kohtaanto.programme.models import Operation


class InvalidFieldsError(ImportRejectedError):
    """One submitted record (form or API call) has invalid fields; nothing was saved.

    A subclass of ImportRejectedError so that the API lists every field and reason.
    """

    code = "invalid"

    def __init__(self, errors: Iterable[tuple[str, str]]) -> None:
        super().__init__(RowError(None, name, reason) for name, reason in errors)
        self.message = _("Tiedoissa on virheitä; mitään ei tallennettu.")
        self.args = (self.message,)

    def by_field(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        for error in self.errors:
            result.setdefault(error.field, []).append(error.reason)
        return result


def raise_if(errors: list[tuple[str, str]]) -> None:
    if errors:
        raise InvalidFieldsError(errors)


@dataclass
class EntryData:
    """Annex I entry data as on the day of entry. Answers are yes/no/refused or ""."""

    entry_date: datetime.date
    gender: str
    birth_date: datetime.date
    labour_market_status: str
    unemployed_since: datetime.date | None = None
    isced_level: int | None = None
    third_country_national: str = ""
    foreign_background: str = ""
    homeless: str = ""
    rural: str = ""
    # GDPR Art. 9 items, stored apart (ParticipationSpecialCategory).
    disability: str = ""
    minority: str = ""

    PARTICIPATION_FIELDS = (
        "entry_date",
        "gender",
        "birth_date",
        "labour_market_status",
        "unemployed_since",
        "isced_level",
        "third_country_national",
        "foreign_background",
        "homeless",
        "rural",
    )
    SPECIAL_FIELDS = ("disability", "minority")
    ANSWER_FIELDS = (
        "third_country_national",
        "foreign_background",
        "homeless",
        "rural",
        "disability",
        "minority",
    )


@dataclass
class ExitData:
    """The exit date and the situation within four weeks of leaving (EECR01–EECR04).

    `exit_results_on` is the day the recorded situation was reached; results given without
    it are the situation on the exit day."""

    exit_date: datetime.date
    exit_job_searching: bool | None = None
    exit_in_education: bool | None = None
    exit_qualification: bool | None = None
    exit_employed: bool | None = None
    exit_results_on: datetime.date | None = None

    def has_results(self) -> bool:
        return any(getattr(self, name) is not None for name in RESULT_FIELDS)

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


RESULT_FIELDS = (
    "exit_job_searching",
    "exit_in_education",
    "exit_qualification",
    "exit_employed",
)
FOLLOW_UP_FIELDS = ("six_month_employed", "six_month_improved")
# Every Annex I item of a participation record (GDPR Art. 9 items apart), declared once: the
# indicator facts, the GDPR export and the participant export read this list.
PARTICIPATION_RECORD_FIELDS = (
    *EntryData.PARTICIPATION_FIELDS,
    "exit_date",
    "exit_results_on",
    *RESULT_FIELDS,
    *FOLLOW_UP_FIELDS,
)


def entry_errors(
    data: EntryData, *, operation: "Operation", today: datetime.date
) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if data.entry_date > today:
        errors.append(("entry_date", _("Aloituspäivä ei voi olla tulevaisuudessa.")))
    if not operation.start_date <= data.entry_date <= operation.end_date:
        errors.append(
            (
                "entry_date",
                _("Aloituspäivän on oltava hankkeen toteutusaikana %(start)s–%(end)s.")
                % {
                    "start": date_format(operation.start_date, "SHORT_DATE_FORMAT"),
                    "end": date_format(operation.end_date, "SHORT_DATE_FORMAT"),
                },
            )
        )
    if data.gender not in Gender.values:
        errors.append(("gender", _("Sukupuoli on kysyttävä: nainen, mies tai muunsukupuolinen.")))
    if data.birth_date >= data.entry_date:
        errors.append(("birth_date", _("Syntymäajan on oltava ennen aloituspäivää.")))
    if data.labour_market_status not in LabourMarketStatus.values:
        errors.append(("labour_market_status", _("Valitse työmarkkina-asema.")))
    if data.labour_market_status == LabourMarketStatus.UNEMPLOYED:
        if data.unemployed_since is None:
            errors.append(
                ("unemployed_since", _("Työttömälle on annettava työttömyyden alkupäivä."))
            )
        elif data.unemployed_since > data.entry_date:
            errors.append(
                ("unemployed_since", _("Työttömyyden alkupäivä ei voi olla aloituspäivän jälkeen."))
            )
    elif data.unemployed_since is not None:
        errors.append(("unemployed_since", _("Työttömyyden alkupäivä annetaan vain työttömälle.")))
    if data.isced_level is not None and not 0 <= data.isced_level <= 8:
        errors.append(("isced_level", _("ISCED-tason on oltava 0–8.")))
    for name in EntryData.ANSWER_FIELDS:
        if getattr(data, name) not in ("", *Answer.values):
            errors.append((name, _("Vastauksen on oltava kyllä, ei tai ei halua vastata.")))
    return errors


def exit_errors(
    data: ExitData, *, entry_date: datetime.date, today: datetime.date
) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if data.exit_date < entry_date:
        errors.append(("exit_date", _("Päättymispäivä ei voi olla ennen aloituspäivää.")))
    if data.exit_date > today:
        errors.append(("exit_date", _("Päättymispäivä ei voi olla tulevaisuudessa.")))
    if data.exit_results_on is not None:
        if data.exit_results_on < data.exit_date:
            errors.append(
                ("exit_results_on", _("Tulostilanteen päivä ei voi olla ennen päättymispäivää."))
            )
        if data.exit_results_on > today:
            errors.append(
                ("exit_results_on", _("Tulostilanteen päivä ei voi olla tulevaisuudessa."))
            )
        if not data.has_results():
            errors.append(
                ("exit_results_on", _("Tulostilanteen päivä annetaan vain, kun tulos kirjataan."))
            )
    return errors


def follow_up_errors(
    *, exit_date: datetime.date | None, today: datetime.date
) -> list[tuple[str, str]]:
    if exit_date is None:
        return [
            (
                "six_month_employed",
                _("Kuuden kuukauden seurannan voi kirjata vasta päättymisen jälkeen."),
            )
        ]
    due = follow_up_due_on(exit_date)
    if today < due:
        return [
            (
                "six_month_employed",
                _("Kuuden kuukauden seurannan voi kirjata aikaisintaan %(date)s.")
                % {"date": date_format(due, "SHORT_DATE_FORMAT")},
            )
        ]
    return []
