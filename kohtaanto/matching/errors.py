"""The refusal of a ranking whose input cannot be matched (which and why, never a 500)."""

from kohtaanto.common.errors import DomainError


class MatchingError(DomainError):
    code = "cannot_match"
