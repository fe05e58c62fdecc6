"""`kohtaanto extract`: one text from stdin or a file, or a JSON-lines batch."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.usefixtures("concepts")


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("extract", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_text_from_stdin_prints_json(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Vaatimuksena tulityökortti. Ei kokemusta hitsauksesta."
    monkeypatch.setattr("sys.stdin", io.StringIO(text))

    out, _ = run()

    data = json.loads(out)
    assert data["lang"] == "fi"
    [card] = data["concepts"]
    assert card["label"] == "tulityökortti"
    assert card["type"] == "requirement"
    assert card["required"] is True
    assert [text[s:e] for s, e in card["spans"]] == ["tulityökortti"]
    assert [m["label"] for m in data["negated"]] == ["hitsaus"]


def test_text_from_file_in_text_format(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text("Jag har truckkort och erfarenhet av svetsning.", encoding="utf-8")

    out, _ = run("--file", str(path), "--format", "text")

    assert out.splitlines()[0] == "lang: sv"
    assert "truckkort" in out and "'svetsning'" in out


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no such file"):
        run("--file", str(tmp_path / "missing.txt"))


def test_jsonl_batch_writes_one_line_per_input_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    rows = [{"id": 1, "text": "Osaan CNC-koneistuksen."}, {"id": "b", "text": "welding"}]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")

    out, _ = run("--jsonl", str(path), "--lang", "auto")

    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == [1, "b"]
    assert [c["label"] for c in lines[0]["concepts"]] == ["CNC-koneistus"]
    assert lines[1]["lang"] == "en"


def test_jsonl_bad_lines_are_named_by_number_and_the_run_fails(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": 1, "text": "hitsaus"}\n{not json\n{"id": 3}\n{"id": 4, "text": 5}\n',
        encoding="utf-8",
    )
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError, match="3 of 4 lines could not be read"):
        call_command("extract", "--jsonl", str(path), stdout=out, stderr=err)

    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 4
    assert lines[0]["id"] == 1 and lines[0]["concepts"][0]["label"] == "hitsaus"
    assert "in.jsonl:2: not valid JSON" in lines[1]["error"]
    assert 'in.jsonl:3: missing field "text"' in err.getvalue()
    assert 'in.jsonl:4: field "text" must be a string' in err.getvalue()


def test_shipped_vocabulary_works_without_a_loaded_taxonomy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kohtaanto.taxonomy.models import Concept

    Concept.objects.all().delete()
    monkeypatch.setattr("sys.stdin", io.StringIO("Edellytämme tulityökorttia ja MIG-hitsausta."))

    out, _ = run("--vocabulary")

    data = json.loads(out)
    assert {c["uri"] for c in data["concepts"] if not c["implied"]} == {
        "urn:kohtaanto:requirement:tulityokortti",
        "http://data.europa.eu/esco/skill/f015c5d5-6a1c-4f63-9012-a05f4f34105e",  # MIG-hitsaus
    }
    assert all(c["required"] for c in data["concepts"])
    # the hot work card evidences fire prevention, reported as implied
    assert [c["uri"] for c in data["concepts"] if c["implied"]] == [
        "http://data.europa.eu/esco/skill/861009ea-4d15-4e80-a8dc-7db41ecaf49b"
    ]


def test_missing_esco_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="skills_"):
        run("--esco", str(tmp_path), "--file", __file__)


def test_a_broken_esco_file_is_refused_with_its_file_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "skills_en.csv").write_text(
        "conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,description\n"
        "not-a-uri,skill/competence,,weld,,,released,\n",
        encoding="utf-8",
    )

    with pytest.raises(CommandError, match=r"skills_en.csv, line 2, conceptUri: not an ESCO URI"):
        run("--esco", str(tmp_path), "--file", __file__)


def test_extract_warns_when_the_taxonomy_is_empty(db, capsys):
    from io import StringIO

    from django.core.management import call_command

    from kohtaanto.taxonomy.models import Concept

    Concept.objects.all().delete()
    err = StringIO()
    call_command("extract", "--file", __file__, stdout=StringIO(), stderr=err)
    assert "the taxonomy is empty" in err.getvalue()
    assert "kohtaanto load-vocabulary" in err.getvalue()
