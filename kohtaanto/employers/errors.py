"""The one error shape of this app's services that points at a field."""

from kohtaanto.common.errors import DomainError


class FieldError(DomainError):
    """A value of one field was refused; forms show it next to the field, the API names it."""

    field: str

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message, field=field)
