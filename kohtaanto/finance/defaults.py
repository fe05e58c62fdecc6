"""Default budget lines, grant schemes and dated rules, read from `data/defaults.json`.

Nothing regional is hard-coded: lines and national schemes are created for every employment
area, regional schemes for the area the file names. Rows that already exist are left as they
are, so that an area's own changes survive a re-run — except with `refresh=True`, which the
correcting data migration uses to bring the default schemes and rules in line with their
sources (the rules the file names are rewritten; other rules of the same categories, which
earlier defaults created, are removed).

Works with historical models: values for fields a model does not have yet, and schemes of a
kind it does not know yet, are left for the migration that adds them.
"""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

DEFAULTS_FILE = Path(__file__).resolve().parent / "data" / "defaults.json"

_RULE_DECIMALS = {
    "percentage",
    "monthly_cap",
    "total_cap",
    "min_unemployed_months",
    "min_weekly_hours",
    "max_weekly_hours",
    "max_working_time_percent",
    "min_unemployed_months_basic_education",
}


def _rule_values(data: dict[str, Any], known: set[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("category", "valid_from") or key not in known:
            continue
        if key == "valid_to":
            values[key] = date.fromisoformat(value) if value else None
        elif key in _RULE_DECIMALS:
            values[key] = Decimal(value)
        else:
            values[key] = value
    return values


def load_finance_defaults(apps: Any, path: Path = DEFAULTS_FILE, *, refresh: bool = False) -> None:
    """Create the missing default rows. Takes an app registry (historical models in migrations)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    area_model = apps.get_model("accounts", "EmploymentArea")
    line_model = apps.get_model("finance", "BudgetLine")
    scheme_model = apps.get_model("finance", "GrantScheme")
    rule_model = apps.get_model("finance", "SchemeRule")
    ceiling_model = apps.get_model("finance", "DeMinimisCeiling")

    for row in data["de_minimis_ceilings"]:
        ceiling_model.objects.get_or_create(
            valid_from=date.fromisoformat(row["valid_from"]),
            defaults={
                "valid_to": date.fromisoformat(row["valid_to"]) if row["valid_to"] else None,
                "ceiling": Decimal(row["ceiling"]),
                "period_years": row["period_years"],
                "source": row["source"],
            },
        )

    rule_fields = {f.name for f in rule_model._meta.get_fields()}
    kinds = {value for value, _label in scheme_model._meta.get_field("kind").choices}

    def add_schemes(area: Any, schemes: list[dict[str, Any]]) -> None:
        for entry in schemes:
            if entry["kind"] not in kinds:
                continue
            terms = {
                "name": entry["name"],
                "kind": entry["kind"],
                "starts_on": date.fromisoformat(entry["starts_on"]),
                "ends_on": date.fromisoformat(entry["ends_on"]) if entry["ends_on"] else None,
                "first_come": entry["first_come"],
                "de_minimis": entry["de_minimis"],
                "legal_basis": entry["legal_basis"],
                "description": entry.get("description", ""),
            }
            scheme, created = scheme_model.objects.get_or_create(
                employment_area=area,
                code=entry["code"],
                defaults={
                    **terms,
                    "line": line_model.objects.get(employment_area=area, code=entry["line"]),
                    "envelope": Decimal(entry["envelope"]),
                },
            )
            if refresh and not created:
                scheme_model.objects.filter(pk=scheme.pk).update(**terms)
            for rule in entry["rules"]:
                valid_from = date.fromisoformat(rule["valid_from"])
                values = _rule_values(rule, rule_fields)
                if refresh:
                    rule_model.objects.filter(scheme=scheme, category=rule["category"]).exclude(
                        valid_from__in=[
                            r["valid_from"]
                            for r in entry["rules"]
                            if r["category"] == rule["category"]
                        ]
                    ).delete()
                    rule_model.objects.update_or_create(
                        scheme=scheme,
                        category=rule["category"],
                        valid_from=valid_from,
                        defaults=values,
                    )
                else:
                    rule_model.objects.get_or_create(
                        scheme=scheme,
                        category=rule["category"],
                        valid_from=valid_from,
                        defaults=values,
                    )

    for area in area_model.objects.all():
        for line in data["every_area"]["budget_lines"]:
            line_model.objects.get_or_create(
                employment_area=area,
                code=line["code"],
                defaults={"name": line["name"], "description": line.get("description", "")},
            )
        add_schemes(area, data["every_area"]["schemes"])
        regional = data["areas"].get(area.code)
        if regional:
            add_schemes(area, regional["schemes"])
