"""Dated rules of training procurement: thresholds and the employer's share.

The rows live in the database (loaded from `data/rules.json` by a data migration, so an area
can add a new version with its validity dates); this module looks them up and applies them.

* Thresholds: Procurement Act 1397/2016 § 25 (national) and § 26 with the Commission's
  delegated regulations (EU); values VAT-free.
* Employer's share of a joint-purchase training (yhteishankintakoulutus): a percentage of the
  VAT-free price by programme type and, for TäsmäKoulutus, by the company's size class under
  the EU SME definition (Recommendation 2003/361/EC), at least 10 training days per student,
  no degrees.
* Size class with partner and linked enterprises (Recommendation 2003/361/EC, Annex Art. 6):
  the company's own headcount and figures, plus 100 % of each linked enterprise's and the
  holding's percentage of each partner enterprise's.
"""

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from kohtaanto.common.errors import DomainError
from kohtaanto.common.money import cents
from kohtaanto.employers.models import Company, SizeClass
from kohtaanto.employers.sizes import size_class_from
from kohtaanto.training.models import (
    JOINT_PURCHASE_TYPES,
    EnterpriseLink,
    ProcurementThreshold,
    ProgrammeType,
    ShareRule,
)

RULES_FILE = Path(__file__).resolve().parent / "data" / "rules.json"
HUNDRED = Decimal("100")


def load_rules(apps: Any, path: Path = RULES_FILE) -> None:
    """Create the missing threshold and share-rule rows (takes an app registry)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    threshold_model = apps.get_model("training", "ProcurementThreshold")
    rule_model = apps.get_model("training", "ShareRule")
    for row in data["thresholds"]:
        threshold_model.objects.get_or_create(
            level=row["level"],
            contract_type=row["contract_type"],
            valid_from=date.fromisoformat(row["valid_from"]),
            defaults={
                "amount": Decimal(row["amount"]),
                "valid_to": date.fromisoformat(row["valid_to"]) if row["valid_to"] else None,
                "source": row["source"],
            },
        )
    for row in data["share_rules"]:
        rule_model.objects.get_or_create(
            programme_type=row["programme_type"],
            size_class=row["size_class"],
            valid_from=date.fromisoformat(row["valid_from"]),
            defaults={
                "percentage": Decimal(row["percentage"]),
                "min_days_per_student": row.get("min_days_per_student", 10),
                "source": row["source"],
            },
        )


def _valid_on(on: date) -> Q:
    return Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on))


def threshold_for(*, level: str, contract_type: str, on: date) -> ProcurementThreshold | None:
    return (
        ProcurementThreshold.objects.filter(_valid_on(on), level=level, contract_type=contract_type)
        .order_by("-valid_from")
        .first()
    )


def effective_size_class(company: Company, *, on: date | None = None) -> str:
    """The company's size class with its partner and linked enterprises counted in.

    Raises DomainError when no size class can be given (nothing declared, no headcount) or when
    linked enterprises exist but the company's own headcount is unknown.
    """
    links = list(EnterpriseLink.objects.filter(company=company))
    if not links:
        if company.size_class:
            return company.size_class
        computed = size_class_from(
            company.employees, company.turnover_eur, company.balance_sheet_eur, on=on
        )
        if computed:
            return computed
        raise DomainError(
            _(
                "Yritykseltä %(company)s puuttuu kokoluokka (EU:n pk-määritelmä): merkitse "
                "kokoluokka tai henkilöstömäärä yrityksen tietoihin."
            )
            % {"company": company.name},
            code="size_class_missing",
        )
    if company.employees is None:
        raise DomainError(
            _(
                "Yrityksen %(company)s kokoluokkaa ei voi laskea kumppani- ja sidosyritysten "
                "kanssa, koska yrityksen oma henkilöstömäärä puuttuu."
            )
            % {"company": company.name},
            code="size_class_missing",
        )
    employees = Decimal(company.employees)
    turnover = company.turnover_eur
    balance = company.balance_sheet_eur
    for link in links:
        share = (
            Decimal("1")
            if link.relation == EnterpriseLink.Relation.LINKED
            else (link.holding_percent / HUNDRED)
        )
        employees += Decimal(link.employees) * share
        if turnover is not None and link.turnover_eur is not None:
            turnover += link.turnover_eur * share
        if balance is not None and link.balance_sheet_eur is not None:
            balance += link.balance_sheet_eur * share
    # Headcount in annual work units; a fraction counts towards the next whole person.
    headcount = int(employees.to_integral_value(rounding="ROUND_CEILING"))
    return size_class_from(headcount, turnover, balance, on=on) or SizeClass.LARGE.value


@dataclass(frozen=True)
class EmployerShare:
    size_class: str
    percentage: Decimal
    amount: Decimal
    source: str


def share_rule_for(*, programme_type: str, size_class: str, on: date) -> ShareRule:
    rules = ShareRule.objects.filter(_valid_on(on), programme_type=programme_type)
    rule = (
        rules.filter(size_class=size_class).order_by("-valid_from").first()
        or rules.filter(size_class="").order_by("-valid_from").first()
    )
    if rule is None:
        raise DomainError(
            _(
                "Omarahoitusosuuden sääntöä ei ole koulutustyypille %(type)s (kokoluokka "
                "%(size)s) päivälle %(date)s. Lisää sääntö ennen hinnoittelua."
            )
            % {
                "type": ProgrammeType(programme_type).label,
                "size": SizeClass(size_class).label if size_class else "–",
                "date": on.strftime("%d.%m.%Y"),
            },
            code="share_rule_missing",
        )
    return rule


def employer_share(
    *,
    programme_type: str,
    company: Company | None,
    price: Decimal,
    days: int,
    leads_to_degree: bool,
    on: date,
) -> EmployerShare | None:
    """The company's share of a joint-purchase training, or None for other types.

    Refuses (DomainError naming the rule and figures): a joint-purchase type without a
    company, fewer training days per student than the rule asks, a degree, a company without
    a size class, a missing rule.
    """
    if programme_type not in JOINT_PURCHASE_TYPES:
        return None
    label = ProgrammeType(programme_type).label
    if company is None:
        raise DomainError(
            _("%(type)s on yhteishankintakoulutus: valitse yritys, joka osallistuu hankintaan.")
            % {"type": label},
            code="company_missing",
        )
    if leads_to_degree:
        raise DomainError(
            _("Yhteishankintakoulutus ei voi johtaa tutkintoon (%(type)s).") % {"type": label},
            code="degree_not_allowed",
        )
    size_class = effective_size_class(company, on=on)
    rule = share_rule_for(programme_type=programme_type, size_class=size_class, on=on)
    if days < rule.min_days_per_student:
        raise DomainError(
            _(
                "Yhteishankintakoulutuksessa on oltava vähintään %(min)s koulutuspäivää "
                "opiskelijaa kohden; annettu %(days)s (%(source)s)."
            )
            % {"min": rule.min_days_per_student, "days": days, "source": rule.source},
            code="too_few_days",
        )
    return EmployerShare(
        size_class=size_class,
        percentage=rule.percentage,
        amount=cents(price * rule.percentage / HUNDRED),
        source=rule.source,
    )
