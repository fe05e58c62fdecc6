"""Demo targets of the default operation's common indicators (synthetic figures, of the size
a small employment area's ESF+ project sets itself); re-running keeps what exists."""

import random
from typing import Any

from kohtaanto.accounts.models import EmploymentArea
from kohtaanto.home.models import IndicatorTarget
from kohtaanto.programme.models import Operation

ORDER = 900

TARGETS = {"EECO01": 120, "EECO02": 90, "EECO03": 40, "EECO19": 25, "EECR02": 20, "EECR04": 45}


def generate(*, rng: random.Random, area: EmploymentArea, users: Any) -> None:
    operation = (
        Operation.objects.filter(employment_area=area, administered_here=True)
        .order_by("-is_default", "code")
        .first()
    )
    if operation is None:
        return
    for code, target in TARGETS.items():
        IndicatorTarget.objects.get_or_create(
            operation=operation,
            code=code,
            defaults={"target": target, "source": "demo"},
        )
