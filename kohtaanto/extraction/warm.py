"""Warm start: the extraction index and the concept search index built before the first request.

    # kohtaanto/config/wsgi.py, after get_wsgi_application()
    if settings.WARM_START:
        warm_up()

Without it the first extraction after a start built the label index and loaded the lemma
dictionaries (18.8 s), and the first concept search built the search index (5 s), in every
web worker. `warm_up` does all of it once at start; run gunicorn with `--preload` and the
master builds it before forking, so the workers share the pages (copy-on-write). `gc.freeze()`
afterwards moves the millions of long-lived index objects out of the collector's scans, which
otherwise took 390–505 ms per full collection. The database connection opened here is closed
again, so that forked workers never share it.
"""

import gc
import logging
import time

from django.db import DatabaseError, connections

from kohtaanto.extraction.engine import default_engine
from kohtaanto.extraction.text import LANGS

logger = logging.getLogger(__name__)
SAMPLES = {"fi": "Hitsaus ja koneistus.", "sv": "Svetsning och bearbetning.", "en": "Welding."}


def warm_up(*, close_connections: bool = True) -> float:
    """Build both indexes and load the lemma dictionaries; the seconds it took.

    A database without the tables yet (before `migrate`) is logged and skipped: the indexes
    are then built on first use, as before. The connection opened here is closed afterwards
    (a server may fork workers next), unless the caller keeps using it.
    """
    from kohtaanto.taxonomy.search import get_index

    started = time.perf_counter()
    try:
        engine = default_engine()
        for lang in LANGS:
            engine.extract(SAMPLES[lang], lang)
        get_index()
    except DatabaseError as error:
        logger.warning("Warm start skipped: the taxonomy could not be read (%s).", error)
        return 0.0
    finally:
        if close_connections:
            connections.close_all()
    gc.collect()
    gc.freeze()
    seconds = time.perf_counter() - started
    logger.info("Warm start: extraction and search indexes built in %.1f s.", seconds)
    return seconds
