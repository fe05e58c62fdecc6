"""A small in-memory taxonomy for engine tests: concepts written as a dict, no database."""

from collections.abc import Iterator, Mapping, Sequence

from kohtaanto.extraction.engine import ExtractionResult
from kohtaanto.extraction.sources import ConceptRecord, RelationRecord

# name: (type, {lang: [preferred, *alternatives]}) or (type, labels, domain, evidenced URI)
ConceptSpec = (
    tuple[str, Mapping[str, Sequence[str]]] | tuple[str, Mapping[str, Sequence[str]], str, str]
)


class DictSource:
    """The concepts of `specs`, each with the URI `urn:x:<name>` (see `names`)."""

    def __init__(self, specs: Mapping[str, ConceptSpec]) -> None:
        self.specs = specs

    def fingerprint(self) -> int:
        return id(self.specs)

    def concepts(self) -> Iterator[ConceptRecord]:
        for number, (name, spec) in enumerate(self.specs.items()):
            type_, labels = spec[0], spec[1]
            domain, evidences = (spec[2], spec[3]) if len(spec) == 4 else ("", "")
            record = ConceptRecord(
                number, f"urn:x:{name}", type_, {}, domain=domain, evidences=evidences
            )
            for lang, texts in labels.items():
                record.preferred[lang] = texts[0]
                record.labels.extend(
                    (lang, "pref" if i == 0 else "alt", t) for i, t in enumerate(texts)
                )
            yield record

    def relations(self) -> Iterator[RelationRecord]:
        return iter(())


def names(result: ExtractionResult) -> set[str]:
    """The names (`urn:x:<name>`) of the concepts a result reports as found."""
    return {m.uri.rsplit(":", 1)[1] for m in result.concepts}
