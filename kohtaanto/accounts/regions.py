"""Loading employment areas, their municipalities and partners from a data file.

Nothing regional is hard-coded: `data/areas.json` describes the first customer, and another
area is added by adding its entry (or another file) and running the loader.
"""

import json
from pathlib import Path
from typing import Any

DEFAULT_AREAS_FILE = Path(__file__).resolve().parent / "data" / "areas.json"


def load_areas(apps: Any, path: Path = DEFAULT_AREAS_FILE) -> None:
    """Create or update areas, municipalities and partner organisations. Idempotent.

    Takes an app registry so that data migrations can call it with historical models.
    """
    area_model = apps.get_model("accounts", "EmploymentArea")
    municipality_model = apps.get_model("accounts", "Municipality")
    partner_model = apps.get_model("accounts", "PartnerOrganisation")
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["areas"]:
        area, _ = area_model.objects.update_or_create(
            code=entry["code"],
            defaults={
                "name": entry["name"],
                "host_municipality_code": entry.get("host_municipality_code", ""),
            },
        )
        for m in entry.get("municipalities", []):
            municipality_model.objects.update_or_create(
                code=m["code"],
                defaults={
                    "name_fi": m["name_fi"],
                    "name_sv": m.get("name_sv", ""),
                    "area": area,
                    "rural_default": m.get("rural", False),
                },
            )
        for p in entry.get("partners", []):
            partner_model.objects.update_or_create(
                name=p["name"],
                defaults={
                    "short_name": p.get("short_name", ""),
                    "kind": p.get("kind", "other"),
                    "business_id": p.get("business_id", ""),
                },
            )
