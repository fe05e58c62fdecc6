"""The quick looks and the sparse product give the same answers as their plain forms.

Each fast form is checked against the straightforward one it replaced: the negation and
"may state" looks against a plain split and a plain alternation, on the benchmark texts, their
sentences and words, and on every trigger word in every position; the ranker's product against
scipy's, and its one complex product against the two real ones it stands for; rank mode's
negations, found matching fewer sentences, against those of matching every sentence.
"""

import json
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from kohtaanto.extraction import cues, details
from kohtaanto.extraction.engine import Engine, ExtractionResult, assemble
from kohtaanto.extraction.ranking import SkillRanker, _product, folded_words
from kohtaanto.extraction.text import sentences
from kohtaanto.extraction.vocabulary_csv import VocabularySource

BENCH_DATA = Path(__file__).resolve().parents[3] / "bench" / "data"
# Characters around a word that decide whether it stands alone.
EDGES = ["", " ", "x", "_", "5", "-", ".", ",", "(", "\n", "\t", "\u00a0", "\x1c", "’", "é", "…"]

_PUNCTUATION = str.maketrans({c: " " for c in ".,;:!?()[]{}\"'/-–—…«»“”\n\t"})


def plain_may_negate(text: str) -> bool:
    folded = text.casefold()
    if "n't" in folded or "n’t" in folded:
        return True
    return not cues.NEGATION_FORMS.isdisjoint(folded.translate(_PUNCTUATION).split())


def _plain_choice(words: set[str]) -> str:
    return "(?:" + "|".join(re.escape(word) for word in sorted(words)) + ")"


PLAIN_MAY_STATE = re.compile(
    r"\b"
    + _plain_choice(
        {name for names in details.LANGUAGE_NAMES.values() for name in names}
        | set(details.FINNISH_FORMS)
        | {"kokemu", "työkokemu", "erfarenhet", "experience", "vuodesta", "sedan", "sen", "since"}
    )
    + r"|(?:\d+\s*|\b"
    + _plain_choice({word for words in details.NUMBER_WORDS.values() for word in words})
    + r"\s+)(?:vuo|v\b|år|year)"
    # a period of years: "2016–2024"
    + r"|(?:19[6-9]\d|20\d\d)\s*[-–—]\s*(?:19[6-9]\d|20\d\d)"
)


def plain_may_state(text: str) -> bool:
    return PLAIN_MAY_STATE.search(text.casefold()) is not None


def bench_strings() -> Iterator[str]:
    """The benchmark texts of the repository, each sentence and each word."""
    for path in sorted(BENCH_DATA.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") if line.strip() else None
            if not text:
                continue
            yield text
            for sentence in sentences(text):
                yield sentence.text
            yield from text.split()


def in_every_position(words: set[str], after: list[str]) -> Iterator[str]:
    """Each word alone, cut short, capitalised, with each edge character before and after."""
    for word in sorted(words):
        for form in (word, word[:-1], word.upper(), word.capitalize(), word + "a"):
            for before in EDGES:
                for tail in after:
                    yield before + form + tail
                    yield "Hyvä " + before + form + tail + " ok"


def mixed(words: list[str], seed: int) -> Iterator[str]:
    """Random strings of trigger words, numbers and edge characters."""
    rng = random.Random(seed)
    pieces = [*words, "x", "12", "3 ", "vuo", "år", "year", "v", "  ", *EDGES]
    for _ in range(20_000):
        yield "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))


def test_quick_negation_look_answers_as_a_plain_split_does() -> None:
    strings = [
        *bench_strings(),
        *in_every_position(set(cues.NEGATION_FORMS), ["", " ", ".", "x", "n't", "-"]),
        *mixed(sorted(cues.NEGATION_FORMS), seed=1),
    ]

    differ = [text for text in strings if cues.may_negate(text) != plain_may_negate(text)]

    assert differ == []
    assert 1_000 < sum(map(plain_may_negate, strings)) < len(strings) - 1_000


def test_quick_look_for_languages_and_experience_answers_as_a_plain_alternation_does() -> None:
    names = {name for names in details.LANGUAGE_NAMES.values() for name in names}
    numbers = {word for words in details.NUMBER_WORDS.values() for word in words}
    strings = [
        *bench_strings(),
        *in_every_position(names | set(details.FINNISH_FORMS), ["", "n", " ", "."]),
        *in_every_position(
            {"kokemu", "experience", "vuodesta", "sedan", "sen", "since"}, ["", "s"]
        ),
        *in_every_position(numbers | {"5", "12", "2019"}, [" vuotta", "  år", " v", "v.", "year"]),
        *in_every_position({"2016", "1999"}, ["–2024", " - 2021", "—", "-20", "–1959"]),
        *mixed(sorted(names | numbers), seed=2),
    ]

    differ = [text for text in strings if details.may_state(text) != plain_may_state(text)]

    assert differ == []
    assert 1_000 < sum(map(plain_may_state, strings)) < len(strings) - 1_000


@pytest.mark.parametrize("seed", range(5))
def test_sparse_product_is_scipys_entry_for_entry(seed: int) -> None:
    """The same entries in the same order: the order decides between equal scores."""
    rng = np.random.default_rng(seed)
    dense = sparse.random(40, 300, density=0.05, random_state=rng).toarray()
    dense[3] = 0.0  # an empty row
    a = sparse.csr_matrix(dense)
    b = sparse.random(300, 900, density=0.02, format="csr", random_state=rng)
    a.data[: len(a.data) // 3] = 1.0
    b.data[: len(b.data) // 4] = 0.25  # some sums equal

    expected = sparse.csr_matrix(a @ b)
    found = _product(a, b, np.diff(b.indptr))

    assert found.indptr.tolist() == expected.indptr.tolist()
    assert found.indices.tolist() == expected.indices.tolist()
    assert found.data.tolist() == expected.data.tolist()


def test_sparse_product_of_no_rows_or_no_shared_columns_is_empty() -> None:
    b = sparse.csr_matrix(np.eye(4))
    for a in (sparse.csr_matrix((0, 4)), sparse.csr_matrix((2, 4))):
        found = _product(a, b, np.diff(b.indptr))

        assert found.indptr.tolist() == [0] * (a.shape[0] + 1)
        assert len(found.indices) == len(found.data) == 0


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_ranker_one_complex_product_is_its_two_products_entry_for_entry(
    engine: Engine, lang: str
) -> None:
    """The score and the label cover from one product over the stacked fields: the real part of
    each entry is the weighted product's own, in the same order (which decides between equal
    scores), and the imaginary part the cover product's entry for that concept."""
    records = [r for r in engine.index().concepts.values() if r.type in ("skill", "knowledge")]
    ranker = SkillRanker(records, lang)
    rows = (BENCH_DATA / "extraction_independent" / "tune" / f"{lang}.jsonl").read_text("utf-8")
    texts = [json.loads(line)["text"] for line in rows.splitlines()[:300]]
    query = ranker.query(texts)
    present = query.copy()
    present.data[:] = 1.0
    weighted = sparse.csr_matrix(query @ ranker.matrix)
    cover = sparse.csr_matrix(present @ ranker.cover_matrix)

    found = _product(ranker._with_presence(query), ranker._stacked, ranker._stacked_row_sizes)

    for row in range(len(texts)):
        start, end = found.indptr[row], found.indptr[row + 1]
        data = found.data[start:end].tolist()
        entries = list(zip(found.indices[start:end].tolist(), data, strict=True))
        scored = [(concept, value.real) for concept, value in entries if value.real != 0.0]
        expected = weighted.getrow(row)
        assert scored == list(zip(expected.indices.tolist(), expected.data.tolist(), strict=True))
        covered = cover.getrow(row)
        assert {c: v.imag for c, v in entries if v.imag != 0.0} == dict(
            zip(covered.indices.tolist(), covered.data.tolist(), strict=True)
        )
    assert weighted.nnz > 10_000 and cover.nnz > 1_000


@pytest.fixture(scope="module")
def engine() -> Engine:
    """The engine over the shipped vocabulary's files (no database)."""
    return Engine(VocabularySource())


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_rank_modes_negations_are_those_of_matching_every_sentence(
    engine: Engine, lang: str
) -> None:
    """Rank mode matches a sentence with no negated clause only where the text negates
    something or states experience; what it reports is what matching every sentence gives."""
    index = engine.index()
    rows = (BENCH_DATA / "extraction_independent" / "tune" / f"{lang}.jsonl").read_text("utf-8")
    texts = [json.loads(line)["text"] for line in rows.splitlines()]
    texts = [text for text in texts if cues.may_negate(text)][:250]
    today = date(2026, 12, 7)
    outcomes = Counter()

    for text in texts:
        found = engine._negated_and_stated(index, text, lang, today)
        every = assemble(index, *engine._match_text(index, text, lang, today), text=text)

        assert (
            found.as_dict()
            == ExtractionResult(
                every.lang, [], every.negated, every.languages, every.experience
            ).as_dict()
        )
        outcomes[(bool(found.negated), bool(found.experience))] += 1
    assert min(outcomes[(True, False)], outcomes[(False, False)], outcomes[(False, True)]) >= 5


def test_quick_looks_from_words_answer_as_the_looks_from_text_do() -> None:
    """Rank mode looks at the words it reads anyway: on the benchmark texts, their sentences and
    words the answers are the same; on every trigger word in every position they are the same
    or yes where the text look says no only because of the character before or after the word
    (an underscore, a "’"), which leaves the answer to the sentence readers."""
    names = {name for names in details.LANGUAGE_NAMES.values() for name in names}
    numbers = {word for words in details.NUMBER_WORDS.values() for word in words}
    real = list(bench_strings())
    made = [
        *in_every_position(set(cues.NEGATION_FORMS), ["", " ", ".", "x", "n't", "-"]),
        *in_every_position(names | set(details.FINNISH_FORMS), ["", "n", " ", "."]),
        *in_every_position({"kokemu", "experience", "vuodesta", "sedan", "since"}, ["", "s"]),
        *in_every_position(numbers | {"5", "12", "2019"}, [" vuotta", "  år", " v", "v.", "year"]),
        *in_every_position({"2016", "1999"}, ["–2024", " - 2021", "—", "-20", "–1959"]),
        *mixed(sorted(cues.NEGATION_FORMS | names | numbers), seed=3),
    ]
    differ: dict[str, list[str]] = {"negation": [], "stating": []}
    wider: dict[str, list[str]] = {"negation": [], "stating": []}

    for text in real + made:
        words = folded_words(text)
        for look, by_text, by_words in (
            ("negation", cues.may_negate(text), cues.negates_in_words(text, words)),
            ("stating", details.may_state(text), details.may_state_in_words(text, words)),
        ):
            if by_text and not by_words:
                differ[look].append(text)
            elif by_words and not by_text:
                wider[look].append(text)

    assert differ == {"negation": [], "stating": []}
    real_set = set(real)
    assert [text for text in wider["negation"] + wider["stating"] if text in real_set] == []
    assert all(re.search(r"[_’]", text) for text in wider["stating"])
    assert 0 < len(wider["negation"]) < len(made) // 20


def regex_folded_words(text: str) -> list[str]:
    """`folded_words` as it was: one search per word over the whole Unicode text."""
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text).casefold())


def test_words_by_byte_table_are_the_words_of_the_search() -> None:
    """Latin-1 text is split by a byte table, other text by the search: every character below
    256 in every position, every character of the benchmark texts, and random strings that mix
    Latin-1 with dashes, euro signs, quotes and decomposed letters give the same words."""
    latin1 = [chr(code) for code in range(256)]
    made = [
        f"{before}{c}{after}"
        for c in latin1
        for before in ("", "a", " ", "_")
        for after in ("", "b", "1", "\u00a0")
    ]
    made.append("".join(latin1))
    rng = random.Random(7)
    pieces = [*latin1, "–", "€", "’", "“", "a\u0308", "Å", "ǅ", "ﬁ", "İ", "ẞ", "中", "\u2028"]
    made += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(20_000)]

    differ = [
        text for text in [*bench_strings(), *made] if folded_words(text) != regex_folded_words(text)
    ]

    assert differ == []
    assert (
        folded_words("Hitsaus_TIG-työt, 5 v. ja Ålands ¾ µ")
        == regex_folded_words("Hitsaus_TIG-työt, 5 v. ja Ålands ¾ µ")
        == ["hitsaus", "tig", "työt", "5", "v", "ja", "ålands", "¾", "μ"]
    )
