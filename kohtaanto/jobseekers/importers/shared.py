"""What both imports share: the file's text and the progress hook."""

from collections.abc import Callable, Iterable
from typing import TypeVar

from kohtaanto.common.imports import decode_bytes

T = TypeVar("T")
Progress = Callable[[Iterable[T]], Iterable[T]]


def decode_file(data: bytes, *, filename: str = "", encoding: str | None = None) -> str:
    """The file's text (see common.imports.decode), or a rejection naming the line."""
    return decode_bytes(data, filename=filename, encoding=encoding)
