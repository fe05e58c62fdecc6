"""Demo data of matching: the occupation→skill links that career moves need.

Career moves rank occupations by the share of their essential skills a person has, so they need
occupation profiles. ESCO's full profiles come only with `kohtaanto import-esco`; the shipped
vocabulary carries ESCO's relations between its own occupations and skills, which
`load-vocabulary` loads (`taxonomy.services.occupation_skills_load`). The demo makes sure they
are there also in a database whose vocabulary was loaded before they were shipped.
"""

import random
from typing import Any

from kohtaanto.taxonomy.services import occupation_skills_load

# After the shipped vocabulary (taxonomy, ORDER 10), before anything that ranks people.
ORDER = 15


def generate(*, rng: random.Random, area: Any, users: dict[str, Any]) -> None:
    occupation_skills_load()
