"""POST /api/v1/extraction/extract: concepts in a text, as the `kohtaanto extract` command."""

from typing import Literal

from ninja import Field, Router, Schema

from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.extraction.engine import extract
from kohtaanto.extraction.forms import MAX_TEXT

PREFIX = "extraction"
router = Router(tags=["extraction"])


class ExtractIn(Schema):
    text: str = Field(..., max_length=MAX_TEXT)
    lang: Literal["auto", "fi", "sv", "en"] = "auto"
    mode: Literal["match", "rank"] = "match"


class MentionOut(Schema):
    uri: str
    label: str
    type: str
    score: float
    spans: list[tuple[int, int]]
    required: bool


class ExtractOut(Schema):
    lang: str
    concepts: list[MentionOut]
    negated: list[MentionOut]


@router.post("/extract", response=ExtractOut)
def extract_text(request: AuthenticatedHttpRequest, payload: ExtractIn) -> dict[str, object]:
    """Skills, knowledge, occupations and requirements in a text, best first; nothing is kept."""
    request.user.permissions.require("use_extraction")
    return extract(payload.text, payload.lang, mode=payload.mode).as_dict()
