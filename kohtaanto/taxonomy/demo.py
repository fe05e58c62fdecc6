"""Demo data of the taxonomy: the shipped fi/sv/en vocabulary and requirement cards.

ESCO itself is not part of the demo (it is not ours to ship); `kohtaanto import-esco` adds it.
"""

import random
from typing import Any

from kohtaanto.accounts.models import Role
from kohtaanto.taxonomy import vocabulary_files
from kohtaanto.taxonomy.services import vocabulary_load

ORDER = 10


def generate(*, rng: random.Random, area: Any, users: dict[str, Any]) -> None:
    """Load the shipped vocabulary (idempotent: a second run changes nothing)."""
    vocabulary_load(actor=users.get(Role.COORDINATOR), folder=vocabulary_files.VOCABULARY_DIR)
