"""Demo users, one per role, with passwords generated on first run and kept in the data folder.

No password is ever in the repository: `kohtaanto demo` writes them to
`<data folder>/demo-logins.json` and prints them.
"""

import json
import secrets
from pathlib import Path

from django.conf import settings
from django.db import transaction

from kohtaanto.accounts.models import EmploymentArea, PartnerOrganisation, Role, User

DEMO_USERS = [
    ("koordinaattori", Role.COORDINATOR, "Kaisa", "Koordinaattori"),
    ("ohjaaja", Role.COUNSELLOR, "Olli", "Ohjaaja"),
    ("yritysneuvoja", Role.BUSINESS_ADVISOR, "Ylva", "Yritysneuvoja"),
    ("kumppani", Role.PARTNER, "Kalle", "Kumppani"),
    ("talous", Role.FINANCE, "Tiina", "Talous"),
    ("tarkastaja", Role.AUDITOR, "Tapio", "Tarkastaja"),
]
ADMIN_USERNAME = "yllapito"


def _passwords_file() -> Path:
    return Path(settings.DATA_DIR) / "demo-logins.json"


def _passwords() -> dict[str, str]:
    path = _passwords_file()
    stored: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}
    changed = False
    for username in [u[0] for u in DEMO_USERS] + [ADMIN_USERNAME]:
        if username not in stored:
            stored[username] = secrets.token_urlsafe(9)
            changed = True
    if changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(stored, indent=1))
        path.chmod(0o600)
    return stored


@transaction.atomic
def demo_users_ensure(area: EmploymentArea) -> tuple[dict[str, User], list[tuple[str, str, str]]]:
    """Create the demo users that are missing; return them by role and the login table."""
    passwords = _passwords()
    partner = PartnerOrganisation.objects.order_by("id").first()
    by_role: dict[str, User] = {}
    logins = []
    for username, role, first, last in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                role=role,
                first_name=first,
                last_name=last,
                employment_area=area,
                email=f"{username}@demo.invalid",
                partner_organisation=partner if role == Role.PARTNER else None,
            )
            user.set_password(passwords[username])
            user.save()
        by_role[role] = user
        logins.append((str(Role(role).label), username, passwords[username]))
    if not User.objects.filter(username=ADMIN_USERNAME).exists():
        admin = User(
            username=ADMIN_USERNAME,
            role=Role.COORDINATOR,
            first_name="Ylläpito",
            employment_area=area,
            is_staff=True,
            is_superuser=True,
        )
        admin.set_password(passwords[ADMIN_USERNAME])
        admin.save()
    logins.append(("Ylläpitäjä (admin)", ADMIN_USERNAME, passwords[ADMIN_USERNAME]))
    return by_role, logins
