"""Grant rules as pure functions: eligibility, the maximum amount, the de minimis position.

Nothing here reads the database: services pass in the scheme's dated rule (as `RuleTerms`),
the application's inputs and the company's aid history. A decision stores the terms and the
evaluation in its snapshot, so later rule changes never alter a decision or its payments.
"""

from dataclasses import asdict, dataclass, field, fields
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kohtaanto.common.dates import add_months, add_years, age_on, months_between, period_months
from kohtaanto.common.money import cents, format_eur

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class RuleTerms:
    """The values of one `SchemeRule` row, frozen into a decision's snapshot."""

    category: str
    label: str
    percentage: Decimal
    monthly_cap: Decimal
    source: str
    valid_from: date
    valid_to: date | None = None
    total_cap: Decimal | None = None
    min_age: int | None = None
    max_age: int | None = None
    min_unemployed_months: Decimal | None = None
    unemployment_window_months: int | None = None
    min_weekly_hours: Decimal | None = None
    max_weekly_hours: Decimal | None = None
    min_duration_months: int | None = None
    max_duration_months: int | None = None
    requires_reduced_work_capacity: bool = False
    requires_non_business_association: bool = False
    max_working_time_percent: Decimal | None = None
    min_unemployed_months_basic_education: Decimal | None = None
    employer_kinds: tuple[str, ...] = ()
    parameter_sources: dict[str, str] = field(default_factory=dict)
    rule_id: int | None = None

    @classmethod
    def from_rule(cls, rule: Any) -> "RuleTerms":
        values = {f.name: getattr(rule, f.name) for f in fields(cls) if f.name != "rule_id"}
        values["employer_kinds"] = tuple(values["employer_kinds"] or ())
        return cls(**values, rule_id=rule.pk)

    def to_json(self) -> dict[str, Any]:
        return {k: _to_json(v) for k, v in asdict(self).items()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "RuleTerms":
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key == "employer_kinds":
                values[key] = tuple(value or ())
            elif value is None or key not in _TYPES:
                values[key] = value
            else:
                values[key] = _TYPES[key](value)
        return cls(**values)


_TYPES: dict[str, Any] = {
    "max_working_time_percent": Decimal,
    "min_unemployed_months_basic_education": Decimal,
    "percentage": Decimal,
    "monthly_cap": Decimal,
    "total_cap": Decimal,
    "min_unemployed_months": Decimal,
    "min_weekly_hours": Decimal,
    "max_weekly_hours": Decimal,
    "valid_from": date.fromisoformat,
    "valid_to": date.fromisoformat,
}


def _to_json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


@dataclass(frozen=True)
class Inputs:
    """What the rules look at in an application."""

    birth_date: date
    start_date: date
    end_date: date
    weekly_hours: Decimal
    monthly_pay_costs: Decimal
    reduced_work_capacity: bool = False
    non_business_association: bool = False
    unemployment_periods: tuple[tuple[date, date | None], ...] = ()
    full_time_weekly_hours: Decimal | None = None
    basic_education_only: bool = False
    employer_kind: str = "company"


@dataclass
class Evaluation:
    eligible: bool
    reasons: list[dict[str, Any]] = field(default_factory=list)
    age: int | None = None
    months: Decimal = Decimal(0)
    unemployed_months: Decimal | None = None
    monthly_amount: Decimal = Decimal(0)
    maximum: Decimal = Decimal(0)

    def to_json(self) -> dict[str, Any]:
        return {k: _to_json(v) for k, v in asdict(self).items()}


def _reason(code: str, **params: Any) -> dict[str, Any]:
    return {"code": code, "params": {k: _to_json(v) for k, v in params.items()}}


def unemployed_months_in_window(
    periods: tuple[tuple[date, date | None], ...], *, start: date, window_months: int
) -> Decimal:
    """Months of unemployment in the `window_months` before `start` (overlaps counted once)."""
    window_start = add_months(start, -window_months)
    spans: list[tuple[date, date]] = []
    for first, last in periods:
        end_exclusive = start if last is None else min(last + timedelta(days=1), start)
        begin = max(first, window_start)
        if begin < end_exclusive:
            spans.append((begin, end_exclusive))
    total = Decimal(0)
    merged_end: date | None = None
    for begin, end in sorted(spans):
        if merged_end is not None and begin < merged_end:
            begin = merged_end
        if begin < end:
            total += months_between(begin, end)
            merged_end = end
    return total


def evaluate(
    terms: RuleTerms | None,
    inputs: Inputs,
    *,
    scheme_starts_on: date,
    scheme_ends_on: date | None,
) -> Evaluation:
    """Check every rule and compute the maximum grant; all failed rules are reported."""
    reasons: list[dict[str, Any]] = []
    if not scheme_starts_on <= inputs.start_date <= (scheme_ends_on or date.max):
        reasons.append(
            _reason(
                "outside_scheme_period",
                start_date=inputs.start_date,
                scheme_start_date=scheme_starts_on,
                scheme_end_date=scheme_ends_on or "",
            )
        )
    if terms is None:
        reasons.append(_reason("no_rule", start_date=inputs.start_date))
        return Evaluation(eligible=False, reasons=reasons)

    age = age_on(inputs.birth_date, inputs.start_date)
    if terms.min_age is not None and age < terms.min_age:
        reasons.append(_reason("age_below_minimum", age=age, limit=terms.min_age))
    if terms.max_age is not None and age > terms.max_age:
        reasons.append(_reason("age_above_maximum", age=age, limit=terms.max_age))

    if terms.employer_kinds and inputs.employer_kind not in terms.employer_kinds:
        reasons.append(_reason("employer_kind_not_eligible", kind=inputs.employer_kind))

    unemployed = None
    if terms.min_unemployed_months is not None:
        window = terms.unemployment_window_months or int(terms.min_unemployed_months)
        unemployed = unemployed_months_in_window(
            inputs.unemployment_periods, start=inputs.start_date, window_months=window
        )
        # Youth voucher: a shorter history suffices for people with basic education only.
        limit = terms.min_unemployed_months
        if inputs.basic_education_only and terms.min_unemployed_months_basic_education:
            limit = terms.min_unemployed_months_basic_education
        if unemployed < limit:
            reasons.append(
                _reason("unemployment_too_short", months=unemployed, window=window, limit=limit)
            )

    if terms.min_weekly_hours is not None and inputs.weekly_hours < terms.min_weekly_hours:
        reasons.append(
            _reason("hours_below_minimum", hours=inputs.weekly_hours, limit=terms.min_weekly_hours)
        )
    if terms.max_weekly_hours is not None and inputs.weekly_hours > terms.max_weekly_hours:
        reasons.append(
            _reason("hours_above_maximum", hours=inputs.weekly_hours, limit=terms.max_weekly_hours)
        )

    months = period_months(inputs.start_date, inputs.end_date)
    if terms.min_duration_months is not None and months < terms.min_duration_months:
        reasons.append(
            _reason("duration_too_short", months=months, limit=terms.min_duration_months)
        )
    if terms.max_duration_months is not None and months > terms.max_duration_months:
        reasons.append(_reason("duration_too_long", months=months, limit=terms.max_duration_months))

    if terms.requires_reduced_work_capacity and not inputs.reduced_work_capacity:
        reasons.append(_reason("reduced_work_capacity_required"))
    if terms.requires_non_business_association and not inputs.non_business_association:
        reasons.append(_reason("non_business_association_required"))

    pay_costs = inputs.monthly_pay_costs
    if terms.max_working_time_percent is not None:
        # The 100 % subsidy covers the pay of at most 65 % of the sector's regular hours; the
        # pay for hours beyond that stays with the employer.
        if not inputs.full_time_weekly_hours:
            reasons.append(
                _reason("full_time_hours_missing", percent=terms.max_working_time_percent)
            )
        else:
            covered = inputs.full_time_weekly_hours * terms.max_working_time_percent / HUNDRED
            if inputs.weekly_hours > covered:
                pay_costs = pay_costs * covered / inputs.weekly_hours
    monthly = cents(min(pay_costs * terms.percentage / HUNDRED, terms.monthly_cap))
    maximum = cents(monthly * months)
    if terms.total_cap is not None:
        maximum = min(maximum, terms.total_cap)
    return Evaluation(
        eligible=not reasons,
        reasons=reasons,
        age=age,
        months=months,
        unemployed_months=unemployed,
        monthly_amount=monthly,
        maximum=maximum,
    )


def claim_eligible_amount(
    terms: RuleTerms, *, first_day: date, last_day: date, pay_costs: Decimal
) -> Decimal:
    """The most a payment claim may receive for a period: the percentage of the pay costs
    actually paid, at most the monthly cap for each month of the period."""
    share = cents(pay_costs * terms.percentage / HUNDRED)
    cap = cents(terms.monthly_cap * period_months(first_day, last_day))
    return min(share, cap)


@dataclass(frozen=True)
class DeMinimisPosition:
    """A single undertaking's de minimis aid over the rolling period ending on `grant_date`.

    Commission Regulation (EU) 2023/2831, Art. 3(2): at most the ceiling "over any period of
    three years"; recital 10: the period is assessed on a rolling basis, taking into account
    the aid granted in the previous three years. Aid granted exactly three years before the
    grant date is outside the period; aid granted one day later is inside.
    """

    ceiling: Decimal
    period_years: int
    grant_date: date
    window_start: date
    own_aid: Decimal
    declared_aid: Decimal
    requested: Decimal

    @property
    def total(self) -> Decimal:
        return self.own_aid + self.declared_aid + self.requested

    @property
    def room(self) -> Decimal:
        return max(self.ceiling - self.own_aid - self.declared_aid, Decimal(0))

    @property
    def exceeds(self) -> bool:
        return self.total > self.ceiling

    def to_json(self) -> dict[str, Any]:
        data = {k: _to_json(v) for k, v in asdict(self).items()}
        data["total"] = str(self.total)
        return data


def de_minimis_position(
    *,
    ceiling: Decimal,
    period_years: int,
    grant_date: date,
    own_aid: list[tuple[date, Decimal]],
    declared_aid: list[tuple[date, Decimal]],
    requested: Decimal,
) -> DeMinimisPosition:
    window_start = add_years(grant_date, -period_years)

    def within(aid: list[tuple[date, Decimal]]) -> Decimal:
        return sum(
            (amount for granted_on, amount in aid if window_start < granted_on <= grant_date),
            Decimal(0),
        )

    return DeMinimisPosition(
        ceiling=ceiling,
        period_years=period_years,
        grant_date=grant_date,
        window_start=window_start + timedelta(days=1),
        own_aid=within(own_aid),
        declared_aid=within(declared_aid),
        requested=requested,
    )


_MESSAGES = {
    "outside_scheme_period": gettext_lazy(
        "Työsuhde alkaa %(start_date)s, mutta ohjelmasta tuetaan työsuhteita, jotka alkavat "
        "%(scheme_start_date)s–%(scheme_end_date)s."
    ),
    "no_rule": gettext_lazy(
        "Tukiperusteelle ei ole voimassa olevaa sääntöä työsuhteen alkamispäivänä %(start_date)s."
    ),
    "age_below_minimum": gettext_lazy(
        "Työntekijä on työsuhteen alkaessa %(age)s-vuotias; alaikäraja on %(limit)s vuotta."
    ),
    "age_above_maximum": gettext_lazy(
        "Työntekijä on työsuhteen alkaessa %(age)s-vuotias; yläikäraja on %(limit)s vuotta."
    ),
    "unemployment_too_short": gettext_lazy(
        "Työttömänä %(months)s kuukautta alkamista edeltäneiden %(window)s kuukauden aikana; "
        "vaaditaan vähintään %(limit)s kuukautta."
    ),
    "hours_below_minimum": gettext_lazy(
        "Työaika %(hours)s tuntia viikossa on alle vähimmäistyöajan %(limit)s tuntia."
    ),
    "hours_above_maximum": gettext_lazy(
        "Työaika %(hours)s tuntia viikossa ylittää enimmäistyöajan %(limit)s tuntia."
    ),
    "duration_too_short": gettext_lazy(
        "Tuettu jakso on %(months)s kuukautta; vähimmäiskesto on %(limit)s kuukautta."
    ),
    "duration_too_long": gettext_lazy(
        "Tuettu jakso on %(months)s kuukautta; enimmäiskesto on %(limit)s kuukautta."
    ),
    "reduced_work_capacity_required": gettext_lazy(
        "Tukiperuste edellyttää, että työntekijän työkyky on alentunut."
    ),
    "non_business_association_required": gettext_lazy(
        "Tukiperuste edellyttää yhdistyksen, säätiön tai uskonnollisen yhdyskunnan muuta kuin "
        "elinkeinotoimintaa."
    ),
    "employer_kind_not_eligible": gettext_lazy(
        "Tätä tukea ei voi myöntää tämän lajin työnantajalle (%(kind)s)."
    ),
    "full_time_hours_missing": gettext_lazy(
        "Ilmoita alan säännöllinen työaika: tuki kattaa enintään %(percent)s %%:n työajan "
        "palkkauskustannukset."
    ),
    "de_minimis_declaration_missing": gettext_lazy(
        "Työnantajan ilmoitus muista de minimis -tuista puuttuu."
    ),
    "de_minimis_ceiling_missing": gettext_lazy(
        "De minimis -enimmäismäärää ei ole määritetty päivälle %(grant_date)s."
    ),
    "de_minimis_ceiling_exceeded": gettext_lazy(
        "De minimis -tukien enimmäismäärä %(ceiling_eur)s ylittyisi: %(years)s vuoden jaksolla "
        "%(window_start_date)s–%(grant_date)s myönnetty %(earlier_eur)s, haettu "
        "%(requested_eur)s, tilaa %(room_eur)s."
    ),
}


def describe_conditions(rule: Any) -> list[str]:
    """A rule's conditions as a person writes them ("vähintään 55 vuotta"), no internal codes.

    Takes a `SchemeRule` or `RuleTerms`; used by the scheme page and the decision letter.
    """
    from kohtaanto.finance.models import EmployerKind

    def num(value: Any) -> str:
        number = Decimal(value)
        return formats.number_format(
            number.quantize(Decimal(1)) if number == number.to_integral() else number.normalize()
        )

    lines: list[str] = []
    if rule.min_age is not None:
        lines.append(_("vähintään %(age)s vuotta") % {"age": rule.min_age})
    if rule.max_age is not None:
        lines.append(_("enintään %(age)s vuotta") % {"age": rule.max_age})
    if rule.min_unemployed_months is not None:
        window = rule.unemployment_window_months or int(rule.min_unemployed_months)
        lines.append(
            _("työttömänä vähintään %(months)s kk viimeisten %(window)s kk aikana")
            % {"months": num(rule.min_unemployed_months), "window": window}
        )
    if rule.min_unemployed_months_basic_education is not None:
        lines.append(
            _("pelkän perusasteen koulutuksen varassa riittää %(months)s kk")
            % {"months": num(rule.min_unemployed_months_basic_education)}
        )
    if rule.min_weekly_hours is not None:
        lines.append(_("työaika vähintään %(hours)s h/vko") % {"hours": num(rule.min_weekly_hours)})
    if rule.max_weekly_hours is not None:
        lines.append(_("työaika enintään %(hours)s h/vko") % {"hours": num(rule.max_weekly_hours)})
    if rule.max_working_time_percent is not None:
        lines.append(
            _("tuki kattaa enintään %(percent)s %% alan säännöllisestä työajasta")
            % {"percent": num(rule.max_working_time_percent)}
        )
    if rule.min_duration_months is not None:
        lines.append(_("kesto vähintään %(months)s kk") % {"months": rule.min_duration_months})
    if rule.max_duration_months is not None:
        lines.append(_("enintään %(months)s kk") % {"months": rule.max_duration_months})
    if rule.requires_reduced_work_capacity:
        lines.append(_("työkyky alentunut"))
    if rule.requires_non_business_association:
        lines.append(
            _("yhdistyksen, säätiön tai uskonnollisen yhdyskunnan muu kuin elinkeinotoiminta")
        )
    if rule.employer_kinds:
        labels = dict(EmployerKind.choices)
        lines.append(
            _("työnantaja: %(kinds)s")
            % {"kinds": ", ".join(str(labels.get(k, k)).lower() for k in rule.employer_kinds)}
        )
    return lines


def _display(key: str, value: Any) -> str:
    if value in ("", None):
        return "…"
    if key == "kind":
        from kohtaanto.finance.models import EmployerKind

        return str(dict(EmployerKind.choices).get(value, value))
    if key.endswith("_eur"):
        return format_eur(Decimal(value))
    if key.endswith("date"):
        return formats.date_format(date.fromisoformat(value), "SHORT_DATE_FORMAT")
    if isinstance(value, str):
        number = Decimal(value)
        return formats.number_format(
            number.normalize() if number == number.to_integral() else number
        )
    return formats.number_format(value)


def reason_message(reason: dict[str, Any]) -> str:
    """A stored reason (code + params) as a sentence in the active language."""
    template = _MESSAGES.get(reason["code"])
    if template is None:
        return _("Tuntematon peruste: %(code)s") % {"code": reason["code"]}
    params = {k: _display(k, v) for k, v in reason.get("params", {}).items()}
    return str(template) % params
