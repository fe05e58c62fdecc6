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
