"""Benchmark: concept search latency with all of ESCO loaded (p50/p95 over 1 000 queries).

    python bench/taxonomy_search.py [--esco PATH] [--queries 1000]        # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kh_taxonomy python bench/taxonomy_search.py

Imports ESCO (and the shipped vocabulary when it is in the package) into a fresh database,
then times `selectors.concept_search` (the index look-up plus its freshness query, as a view
or the API calls it) and the whole `GET /api/v1/concepts` request. Queries: English labels
whole and as typed so far, labels with a typo, and Finnish inflected forms of the shipped
vocabulary. Goal (issue 3): p95 < 30 ms.
"""

import argparse
import random
import statistics
import time

from taxonomy_setup import esco_folder, machine, peak_rss_mib, rss_mib, setup_database

# Inflected forms as people type them → the base label they must find (shipped vocabulary).
FINNISH = {
    "hitsausta": "hitsaus",
    "hitsaajana": "hitsaaja",
    "hitsaajaksi": "hitsaaja",
    "koneistajaksi": "koneistaja",
    "koneistajana": "koneistaja",
    "cnc-koneistajaksi": "cnc-koneistaja",
    "sähköasentajana": "sähköasentaja",
    "automaatioasentajaksi": "automaatioasentaja",
    "kunnossapitoa": "kunnossapito",
    "trukkikortin": "trukkikortti",
    "tulityökortin": "tulityökortti",
    "työturvallisuuskortin": "työturvallisuuskortti",
    "hydrauliikkaa": "hydrauliikka",
    "robotiikkaa": "robotiikka",
    "laadunvalvontaa": "laadunvalvonta",
    "levyseppänä": "levyseppä",
    "prosessinhoitajana": "prosessinhoitaja",
    "varastotyöntekijänä": "varastotyöntekijä",
}


def typo(text: str, rng: random.Random) -> str:
    if len(text) < 5:
        return text
    i = rng.randrange(1, len(text) - 2)
    operation = rng.choice(["swap", "drop", "double"])
    if operation == "swap":
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if operation == "drop":
        return text[:i] + text[i + 1 :]
    return text[:i] + text[i] + text[i:]


def build_queries(count: int, rng: random.Random, finnish: list[str]) -> list[tuple[str, str]]:
    from kohtaanto.taxonomy.models import ConceptLabel

    # Sorted: the same queries on every database and run.
    english = sorted(
        set(
            ConceptLabel.objects.filter(lang="en", kind__in=["pref", "alt"]).values_list(
                "text", flat=True
            )
        )
    )
    queries: list[tuple[str, str]] = []
    while len(queries) < count:
        label = rng.choice(english)
        kind = rng.choice(
            ["whole", "typing", "typo", "word"] + (["finnish"] * 2 if finnish else [])
        )
        if kind == "whole":
            queries.append((kind, label))
        elif kind == "typing":
            queries.append((kind, label[: rng.randint(3, max(3, len(label)))]))
        elif kind == "typo":
            queries.append((kind, typo(label, rng)))
        elif kind == "word":
            queries.append((kind, rng.choice(label.split())))
        else:
            queries.append((kind, rng.choice(finnish)))
    return queries


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    q = statistics.quantiles(ordered, n=100)
    return (
        f"p50 {q[49]:6.2f} ms   p95 {q[94]:6.2f} ms   p99 {q[98]:6.2f} ms   "
        f"max {ordered[-1]:6.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--esco", help="ESCO CSV folder (default: ../shared/data/esco-en)")
    parser.add_argument("--queries", type=int, default=1000)
    args = parser.parse_args()
    folder = esco_folder(args.esco)
    database, teardown = setup_database()
    from django.test import Client

    from kohtaanto.accounts.models import Role, User
    from kohtaanto.taxonomy import search, selectors, vocabulary_files
    from kohtaanto.taxonomy.services import esco_import, vocabulary_load

    try:
        print(f"Kohtaanto concept search benchmark — {machine()}, {database}")
        start = time.perf_counter()
        esco_import(actor=None, path=folder, skip_dangling=True)
        print(f"ESCO import: {time.perf_counter() - start:.1f} s ({folder})")
        finnish: list[str] = []
        if (vocabulary_files.VOCABULARY_DIR / "skills.csv").is_file():
            result = vocabulary_load(actor=None)
            finnish = list(FINNISH)
            print(f"shipped vocabulary: {len(result.vocabulary.records)} concepts")
        else:
            print("shipped vocabulary not in the package: Finnish inflected queries left out")
        user = User.objects.create(username="bench", role=Role.COUNSELLOR)

        rss = rss_mib()
        start = time.perf_counter()
        index = search.get_index()
        build = time.perf_counter() - start
        print(
            f"index: {len(index)} labels, built in {build:.2f} s (with the lemmatiser "
            f"dictionaries); resident memory {rss:.0f} → {rss_mib():.0f} MiB, "
            f"peak {peak_rss_mib():.0f} MiB"
        )

        rng = random.Random(42)
        queries = build_queries(args.queries, rng, finnish)
        selector_ms: list[float] = []
        empty = 0
        for _, text in queries:
            start = time.perf_counter()
            hits = selectors.concept_search(actor=user, q=text, lang="fi", limit=10)
            selector_ms.append((time.perf_counter() - start) * 1000)
            empty += not hits
        client = Client()
        client.force_login(user)
        api_ms: list[float] = []
        for _, text in queries:
            start = time.perf_counter()
            response = client.get("/api/v1/concepts", {"q": text, "limit": 10})
            api_ms.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.content

        key_ms: list[float] = []
        for _ in queries:
            start = time.perf_counter()
            search._current_key()
            key_ms.append((time.perf_counter() - start) * 1000)

        mix = {kind: sum(1 for k, _ in queries if k == kind) for kind, _ in queries}
        print(f"\n{len(queries)} queries: {mix}; {empty} found nothing")
        print(f"search (selector):       {percentiles(selector_ms)}   (goal p95 < 30 ms)")
        print(f"GET /api/v1/concepts:    {percentiles(api_ms)}")
        print(f"of which freshness query: {percentiles(key_ms)}")
        if finnish:
            first = top3 = 0
            for text in finnish:
                hits = selectors.concept_search(actor=user, q=text, lang="fi", limit=3)
                # The base form is the concept's preferred label or the label that matched.
                labels = [
                    {hit.matched.casefold(), *(v.casefold() for v in hit.preferred.values())}
                    for hit in hits
                ]
                first += bool(labels) and FINNISH[text] in labels[0]
                top3 += any(FINNISH[text] in found for found in labels)
            print(
                f"Finnish inflected forms finding their base label: first {first}/{len(finnish)},"
                f" in the top 3 {top3}/{len(finnish)}"
            )
    finally:
        teardown()


if __name__ == "__main__":
    main()
