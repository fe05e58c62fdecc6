"""The import kit on hostile and careless files: every problem a (line, column, reason)."""

import codecs
import json

import pytest

from kohtaanto.common.errors import ImportRejectedError
from kohtaanto.common.imports import ErrorCollector, RowReader, csv_rows, jsonl_objects, text_lines
from kohtaanto.common.imports.decode import decode_bytes
from kohtaanto.common.imports.readers import MAX_DEPTH
from kohtaanto.common.imports.rows import plain_decimal


def _csv(text):
    errors = ErrorCollector("f.csv")
    header, rows = csv_rows(text_lines(text), errors=errors)
    return header, list(rows), [(e.line, e.field, e.reason) for e in errors.errors]


def _jsonl(text):
    errors = ErrorCollector("f.jsonl")
    objects = list(jsonl_objects(text_lines(text), errors=errors))
    return objects, [(e.line, e.field, e.reason) for e in errors.errors]


def test_nul_in_a_csv_cell_is_a_field_error_naming_line_and_column():
    _header, rows, errors = _csv("a,b\n1,2\n3,x\x00y\n")
    assert rows == [(2, {"a": "1", "b": "2"})]
    assert errors == [(3, "b", "Kielletty ohjausmerkki U+0000.")]


def test_other_control_characters_are_refused_but_tab_is_a_character():
    _header, rows, errors = _csv('a,b\n"x\ty",ok\nbell\x07,ok\n')
    assert rows == [(2, {"a": "x\ty", "b": "ok"})]
    assert errors == [(3, "a", "Kielletty ohjausmerkki U+0007.")]


def test_a_200_kb_csv_field_is_refused_with_its_line_not_a_traceback():
    _header, rows, errors = _csv("a,b\n1,2\n3," + "x" * 200_000 + "\n")
    assert rows == [(2, {"a": "1", "b": "2"})]
    assert len(errors) == 1
    assert errors[0][0] == 3
    assert "liian suuri" in errors[0][2]


def test_json_nested_200000_deep_is_refused_with_its_line():
    deep = '{"a": ' + "[" * 200_000 + "]" * 200_000 + "}"
    objects, errors = _jsonl('{"ok": 1}\n' + deep + "\n")
    assert objects == [(1, {"ok": 1})]
    assert errors == [(2, "", f"Rivi on sisäkkäinen liian syvästi (enintään {MAX_DEPTH} tasoa).")]


def test_json_nested_just_over_the_limit_is_refused_too():
    line = json.dumps({"a": [[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]})
    objects, errors = _jsonl(line)
    assert objects == []
    assert errors[0][0] == 1


def test_u2028_inside_a_json_string_is_accepted_and_keeps_the_line_numbers():
    text = json.dumps({"name": "a\u2028b\u2029c"}, ensure_ascii=False) + "\n" + '{"n": 2}\n'
    objects, errors = _jsonl(text)
    assert errors == []
    assert objects == [(1, {"name": "a\u2028b\u2029c"}), (2, {"n": 2})]
    # Also when the file comes as bytes.
    errors_b = ErrorCollector()
    assert len(list(jsonl_objects(text_lines(text.encode()), errors=errors_b))) == 2


def test_nul_in_a_json_string_is_a_field_error_with_its_path():
    objects, errors = _jsonl(json.dumps({"skills": [{"uri": "x\u0000"}]}) + "\n")
    assert objects == []
    assert errors == [(1, "skills[0].uri", "Kielletty ohjausmerkki U+0000.")]


def test_invalid_json_names_line_and_column():
    _objects, errors = _jsonl('{"a": 1}\n{"a": }\n')
    assert errors[0][0] == 2
    assert "sarake 7" in errors[0][2]


def test_wrong_types_are_field_errors():
    r = RowReader({"skills": 5, "name": 7, "count": "x1", "flag": "yes"}, 4, "f.jsonl")
    assert r.items("skills") == []
    assert r.text("name") == ""
    assert r.integer("count") is None
    assert r.boolean("flag", False) is False
    assert [(e.line, e.field) for e in r.errors] == [
        (4, "skills"),
        (4, "name"),
        (4, "count"),
        (4, "flag"),
    ]


def test_integer_takes_only_ascii_digits():
    r = RowReader({"a": "١٠٠", "b": "1 200"}, 1)
    assert r.integer("a") is None
    assert r.integer("b") == 1200


def test_plain_decimal_refuses_exponent_and_other_scripts():
    assert str(plain_decimal("1200,50")) == "1200.50"
    assert plain_decimal("1e2") is None
    assert plain_decimal("١٠٠") is None
    assert plain_decimal("NaN") is None


def test_byte_order_marks_are_dropped_and_utf16_is_read():
    text = "a;b\n1;ä\n"
    assert decode_bytes(codecs.BOM_UTF8 + text.encode()) == text
    assert decode_bytes(text.encode("utf-16")) == text
    assert "".join(text_lines("\ufeff" + text)) == text


def test_latin1_is_refused_with_its_line_unless_the_encoding_is_named():
    data = "a;b\n1;2\nÄijä;3\n".encode("latin-1")
    with pytest.raises(ImportRejectedError) as exc:
        decode_bytes(data, filename="old.csv")
    assert [(e.line, e.reason) for e in exc.value.errors] == [
        (3, "Tiedosto ei ole UTF-8-muodossa.")
    ]
    assert decode_bytes(data, encoding="latin-1") == "a;b\n1;2\nÄijä;3\n"


def test_semicolon_header_is_detected_and_short_rows_can_be_padded():
    errors = ErrorCollector()
    header, rows = csv_rows(text_lines("a;b;c\n1;2\n"), errors=errors, short_rows=True)
    assert header == ["a", "b", "c"]
    assert list(rows) == [(2, {"a": "1", "b": "2", "c": ""})]
    assert not errors


@pytest.mark.django_db
def test_rows_insert_writes_every_row_in_batches_with_defaults_and_foreign_keys(monkeypatch):
    from kohtaanto.accounts.models import EmploymentArea, Municipality
    from kohtaanto.audit.models import AuditEvent
    from kohtaanto.common.imports import bulk, rows_insert

    monkeypatch.setattr(bulk, "BATCH", 2)
    area = EmploymentArea.objects.create(code="rows", name="Rows")
    # A foreign key by its column; a value the rows repeat is prepared once.
    rows = [{"code": f"R{i:02d}", "name_fi": "Sama", "area_id": area.pk} for i in range(5)]
    assert rows_insert(Municipality, rows) == 5
    assert list(
        Municipality.objects.filter(area=area)
        .order_by("code")
        .values_list("code", "name_sv", "area_id")
    ) == [(f"R{i:02d}", "", area.pk) for i in range(5)]
    assert rows_insert(Municipality, []) == 0
    # A JSON value, a default and the time of the call.
    assert rows_insert(AuditEvent, [{"action": "a", "changes": {"n": [1, True]}}, {"action": "b"}])
    a, b = AuditEvent.objects.filter(action__in=["a", "b"]).order_by("action")
    assert a.changes == {"n": [1, True]} and b.changes == {}
    assert a.occurred_at is not None and a.actor_id is None


def test_control_characters_are_found_however_the_json_writes_them():
    lines = [
        json.dumps({"a": "x\b"}),  # the short escape
        json.dumps({"a": "x\x7f"}, ensure_ascii=False),  # a raw DEL, which JSON allows
        json.dumps({"a": ["ok", {"b": "x\x1f"}]}),
        json.dumps({"a": "back\\bslash and \\u0000 as text"}),  # escaped backslashes: accepted
    ]
    objects, errors = _jsonl("\n".join(lines) + "\n")
    assert objects == [(4, {"a": "back\\bslash and \\u0000 as text"})]
    assert errors == [
        (1, "a", "Kielletty ohjausmerkki U+0008."),
        (2, "a", "Kielletty ohjausmerkki U+007F."),
        (3, "a[1].b", "Kielletty ohjausmerkki U+001F."),
    ]
