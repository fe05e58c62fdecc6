"""Progress bars for the taxonomy commands: tqdm on stderr, quiet when stderr is no terminal
or verbosity is 0."""

import sys
from collections.abc import Iterable
from typing import Any, TypeVar

from tqdm import tqdm

T = TypeVar("T")


def tqdm_progress(verbosity: int) -> Any:
    def progress(iterable: Iterable[T], **kwargs: Any) -> Iterable[T]:
        return tqdm(iterable, file=sys.stderr, disable=verbosity == 0 or None, **kwargs)

    return progress
