from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from kohtaanto.jobseekers.services.field_keys import field_key_rotate


class Command(BaseCommand):
    help = (
        "Re-encrypt identity codes and the Art. 9 answers under KOHTAANTO_FIELD_KEY, reading "
        "old values with KOHTAANTO_FIELD_OLD_KEYS (docs/deploy.md, key rotation)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = field_key_rotate()
        except ImproperlyConfigured as exc:
            raise CommandError(f"{exc} Nothing was changed.") from exc
        self.stdout.write(
            f"Re-encrypted {result.identity_codes} identity codes and "
            f"{result.special_categories} special-category records under the current key. "
            "KOHTAANTO_FIELD_OLD_KEYS can now be removed."
        )
