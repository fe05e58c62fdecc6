"""The operations each employment area runs, read from the same data file as the areas."""

import json
from datetime import date
from pathlib import Path
from typing import Any

from kohtaanto.accounts.regions import DEFAULT_AREAS_FILE


def load_operations(apps: Any, path: Path = DEFAULT_AREAS_FILE) -> None:
    """Create or update each area's operations. Idempotent."""
    area_model = apps.get_model("accounts", "EmploymentArea")
    operation_model = apps.get_model("programme", "Operation")
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["areas"]:
        area = area_model.objects.get(code=entry["code"])
        for op in entry.get("operations", []):
            operation_model.objects.update_or_create(
                code=op["code"],
                defaults={
                    "employment_area": area,
                    "name": op["name"],
                    "fund": op.get("fund", "esf_plus"),
                    "start_date": date.fromisoformat(op["start_date"]),
                    "end_date": date.fromisoformat(op["end_date"]),
                    "is_default": op.get("is_default", False),
                },
            )


PROGRAMMES_FILE = Path(__file__).resolve().parent / "data" / "programmes.json"


def load_programmes(apps: Any, path: Path = PROGRAMMES_FILE) -> None:
    """Create or update the dated rules, the programmes, their operations, implementers and
    payment periods. Idempotent; an operation already present keeps the fields the file
    does not give."""
    rules_model = apps.get_model("programme", "ProgrammeRules")
    area_model = apps.get_model("accounts", "EmploymentArea")
    partner_model = apps.get_model("accounts", "PartnerOrganisation")
    programme_model = apps.get_model("programme", "Programme")
    operation_model = apps.get_model("programme", "Operation")
    implementer_model = apps.get_model("programme", "Implementer")
    period_model = apps.get_model("programme", "PaymentPeriod")
    data = json.loads(path.read_text(encoding="utf-8"))
    for rules in data.get("rules", []):
        rules_model.objects.update_or_create(
            valid_from=date.fromisoformat(rules["valid_from"]),
            defaults={k: v for k, v in rules.items() if k != "valid_from"},
        )
    for entry in data.get("programmes", []):
        area = area_model.objects.filter(code=entry["area"]).first()
        if area is None:
            continue
        programme, _ = programme_model.objects.update_or_create(
            code=entry["code"],
            defaults={
                "employment_area": area,
                "name": entry["name"],
                "lead_partner": partner_model.objects.filter(
                    short_name=entry.get("lead_partner", "")
                ).first(),
                "start_date": date.fromisoformat(entry["start_date"]),
                "end_date": date.fromisoformat(entry["end_date"]),
            },
        )
        for op in entry.get("operations", []):
            defaults: dict[str, Any] = {
                "employment_area": area,
                "programme": programme,
                "funder": op.get("funder", ""),
                "administered_here": op.get("administered_here", True),
            }
            for key in ("name", "fund"):
                if key in op:
                    defaults[key] = op[key]
            for key in ("start_date", "end_date"):
                if key in op:
                    defaults[key] = date.fromisoformat(op[key])
            operation, _ = operation_model.objects.update_or_create(
                code=op["code"], defaults=defaults
            )
            for imp in op.get("implementers", []):
                if "partner" in imp:
                    partner = partner_model.objects.get(short_name=imp["partner"])
                    implementer_model.objects.update_or_create(
                        operation=operation,
                        partner_organisation=partner,
                        defaults={"role": imp["role"]},
                    )
                else:
                    implementer_model.objects.update_or_create(
                        operation=operation,
                        employment_area=area_model.objects.get(code=imp["area"]),
                        defaults={"role": imp["role"]},
                    )
            for number, (start, end) in enumerate(op.get("payment_periods", []), start=1):
                period_model.objects.update_or_create(
                    operation=operation,
                    number=number,
                    defaults={
                        "start_date": date.fromisoformat(start),
                        "end_date": date.fromisoformat(end),
                    },
                )
