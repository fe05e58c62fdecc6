"""Re-encrypting the fields kept encrypted at rest under the current field key.

Invariants: all or nothing (one transaction); afterwards every identity code and every Art. 9
answer is encrypted under settings.FIELD_ENCRYPTION_KEY and every identity-code digest is
keyed by it, so KOHTAANTO_FIELD_OLD_KEYS can be emptied. Values are never written in clear,
not even to the audit log. Rows are read in id order in batches, so memory stays bounded.
"""

from dataclasses import dataclass

from django.db import transaction

from kohtaanto.jobseekers.encryption import field_decrypt, field_encrypt
from kohtaanto.jobseekers.identity import identity_code_digest
from kohtaanto.jobseekers.models import JobSeeker, ParticipationSpecialCategory

BATCH = 1000


@dataclass(frozen=True)
class RotationResult:
    identity_codes: int
    special_categories: int


@transaction.atomic
def field_key_rotate() -> RotationResult:
    """Encrypt every encrypted field again under the current key (old keys only read)."""
    codes = 0
    last = 0
    while True:
        batch = list(
            JobSeeker.objects.exclude(identity_code_encrypted="")
            .filter(pk__gt=last)
            .order_by("pk")
            .only("pk", "identity_code_encrypted", "identity_code_digest")[:BATCH]
        )
        if not batch:
            break
        for person in batch:
            code = field_decrypt(person.identity_code_encrypted)
            person.identity_code_encrypted = field_encrypt(code)
            person.identity_code_digest = identity_code_digest(code)
        JobSeeker.objects.bulk_update(batch, ["identity_code_encrypted", "identity_code_digest"])
        codes += len(batch)
        last = batch[-1].pk
    special = 0
    last = 0
    while True:
        # Reading decrypts with the current or an old key; writing encrypts with the current.
        rows = list(ParticipationSpecialCategory.objects.filter(pk__gt=last).order_by("pk")[:BATCH])
        if not rows:
            break
        ParticipationSpecialCategory.objects.bulk_update(rows, ["disability", "minority"])
        special += len(rows)
        last = rows[-1].pk
    return RotationResult(identity_codes=codes, special_categories=special)
