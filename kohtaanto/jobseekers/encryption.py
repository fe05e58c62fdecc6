"""Field encryption at rest: identity codes and the GDPR Art. 9 answers.

Values are encrypted with Fernet (AES-128-CBC + HMAC-SHA256) under `settings.FIELD_ENCRYPTION_KEY`
(KOHTAANTO_FIELD_KEY). A value that is not itself a Fernet key is turned into one through
SHA-256, so a random string also works (the development default).

Key rotation (docs/deploy.md): put the new key in KOHTAANTO_FIELD_KEY and the old one in
KOHTAANTO_FIELD_OLD_KEYS (comma-separated), restart, and run `kohtaanto rotate-field-key`.
Reading tries the current key first and then the old ones (MultiFernet); writing always uses
the current key. The command re-encrypts every stored value and recomputes the identity-code
digests under the current key; after it, the old key is no longer needed.
"""

import base64
import binascii
import hashlib
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.db import models


def _material(key: str) -> bytes:
    return key.strip().encode()


def current_key_material() -> bytes:
    key = str(settings.FIELD_ENCRYPTION_KEY or "")
    if not key.strip():
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEY (KOHTAANTO_FIELD_KEY) is empty; identity codes and "
            "special-category answers cannot be protected."
        )
    return _material(key)


def old_key_materials() -> tuple[bytes, ...]:
    return tuple(_material(k) for k in getattr(settings, "FIELD_ENCRYPTION_OLD_KEYS", ()) if k)


@lru_cache(maxsize=8)
def fernet_for(material: bytes) -> Fernet:
    try:
        return Fernet(material)
    except (ValueError, binascii.Error):
        # Not a Fernet key itself (the development default is a random string): derive one.
        derived = hashlib.sha256(b"kohtaanto.identity_code.encryption\x00" + material).digest()
        return Fernet(base64.urlsafe_b64encode(derived))


@lru_cache(maxsize=8)
def _multi(materials: tuple[bytes, ...]) -> MultiFernet:
    return MultiFernet([fernet_for(m) for m in materials])


def _keys() -> MultiFernet:
    return _multi((current_key_material(), *old_key_materials()))


def field_encrypt(value: str) -> str:
    """A Fernet token of `value` under the current key."""
    return _keys().encrypt(value.encode()).decode()


def field_decrypt(token: str) -> str:
    """The value of a token made under the current key or one of the old keys."""
    try:
        return _keys().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "An encrypted field cannot be decrypted with the configured FIELD_ENCRYPTION_KEY "
            "(or KOHTAANTO_FIELD_OLD_KEYS during a key rotation)."
        ) from exc


def field_rotate(token: str) -> str:
    """The same value encrypted under the current key (MultiFernet.rotate)."""
    try:
        return _keys().rotate(token.encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "An encrypted field cannot be decrypted with any configured key."
        ) from exc


class EncryptedCharField(models.CharField):
    """A short text stored as a Fernet token and read back as the plain value.

    The empty value stays empty (it says only "not asked"). The database sees only tokens, so
    nothing can be filtered or grouped by the value there: lookups other than `isnull` are
    refused rather than silently matching nothing; count in Python after reading.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if not value:
            return value
        return field_decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if not value:
            return value
        return field_encrypt(str(value))

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name != "isnull":
            raise FieldError(
                f"{self.name} is encrypted at rest: the database cannot compare its values."
            )
        return super().get_lookup(lookup_name)
