import pytest
from django import forms
from django.core.exceptions import ValidationError
from ninja import Schema
from pydantic import ValidationError as SchemaError

from kohtaanto.audit.forms import AuditSearchForm
from kohtaanto.common.validators import (
    CleanLine,
    CleanText,
    CleanTextFormMixin,
    control_character_error,
    validate_no_control_characters,
    validate_no_control_characters_multiline,
)


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\u2029"])
def test_control_characters_are_refused_with_code_and_position(char):
    with pytest.raises(ValidationError) as caught:
        validate_no_control_characters(f"ab{char}c")
    assert f"U+{ord(char):04X}" in caught.value.messages[0]
    assert "kohdassa 3" in caught.value.messages[0]
    with pytest.raises(ValidationError):
        validate_no_control_characters_multiline(f"ab{char}c")


def test_line_breaks_and_tabs_only_in_free_text():
    assert control_character_error("rivi 1\r\nrivi 2\tsarake", multiline=True) is None
    assert control_character_error("rivi 1\nrivi 2") is not None


@pytest.mark.parametrize("text", ["Äänekoski – Kokkola", "Åsa Öberg", "€ 1 234,50", "日本語", ""])
def test_ordinary_text_passes(text):
    validate_no_control_characters(text)
    validate_no_control_characters_multiline(text)


class _NoteForm(CleanTextFormMixin, forms.Form):
    title = forms.CharField()
    body = forms.CharField(widget=forms.Textarea)
    count = forms.IntegerField(required=False)


def test_form_mixin_checks_every_text_field():
    form = _NoteForm(data={"title": "Otsikko\x1b", "body": "Rivi\nrivi\x08"})
    assert not form.is_valid()
    assert set(form.errors) == {"title", "body"}
    assert _NoteForm(data={"title": "Otsikko", "body": "Rivi\nrivi"}).is_valid()
    # The check is added per form instance, not piled onto the class's fields.
    base = len(forms.CharField().validators)
    assert [len(_NoteForm().fields["title"].validators) for _ in range(3)] == [base + 1] * 3


def test_audit_search_refuses_control_characters():
    form = AuditSearchForm(data={"q": "haku\x07"})
    assert not form.is_valid()
    assert "U+0007" in form.errors["q"][0]


class _NoteIn(Schema):
    title: CleanLine
    body: CleanText = ""


def test_api_schema_types_refuse_control_characters_with_the_field():
    assert _NoteIn(title="Otsikko", body="Rivi\nrivi").title == "Otsikko"
    with pytest.raises(SchemaError) as caught:
        _NoteIn(title="Otsikko\x00", body="ok")
    error = caught.value.errors()[0]
    assert error["loc"] == ("title",) and "U+0000" in error["msg"]
    with pytest.raises(SchemaError):
        _NoteIn(title="ok", body="rivi\x1b")


class TestServiceText:
    def test_strips_and_returns(self):
        from kohtaanto.common.validators import service_text

        assert service_text("  Åström  ", field="Nimi", max_length=10) == "Åström"

    def test_missing_required_is_refused_with_the_field(self):
        from kohtaanto.common.errors import DomainError
        from kohtaanto.common.validators import service_text

        with pytest.raises(DomainError, match="Nimi"):
            service_text("   ", field="Nimi", max_length=10)
        assert service_text(None, field="Nimi", max_length=10, required=False) == ""

    def test_over_the_limit_is_refused_at_one_past_it(self):
        from kohtaanto.common.errors import DomainError
        from kohtaanto.common.validators import service_text

        assert service_text("x" * 10, field="Nimi", max_length=10) == "x" * 10
        with pytest.raises(DomainError, match="10"):
            service_text("x" * 11, field="Nimi", max_length=10)
