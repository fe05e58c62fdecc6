"""An import's COPY commands sent by a thread of their own (PostgreSQL).

An import does two kinds of work in turn: the process reads, checks and formats a chunk, then
the database stores it (the COPY itself, its indexes and the foreign-key checks). Done one after
the other, each waits for the other; about half of a first `import-job-seekers` is the process
waiting for the server. Inside `copies_in_background()`, `rows_insert` and `rows_insert_ids`
hand their formatted COPY text to a writer thread and return at once, so the server stores one
chunk while the process reads and checks the next.

- **Same transaction.** The writer thread uses the import's own database connection, the one
  Django's `transaction.atomic()` holds; psycopg's connection lock lets one command run at a
  time, so a query of the importing thread waits for a COPY in progress. The copies run in the
  order given.
- **Foreign keys checked as the rows go in.** Django makes every foreign key `DEFERRABLE
  INITIALLY DEFERRED`: its checks would all run at commit, when there is nothing left to do in
  parallel. The foreign keys of the tables named in `checked` are set `IMMEDIATE` for the block
  (checked at the end of each COPY, in the writer thread) and set back to `DEFERRED`, their
  initial mode, when the block ends. Rolling back to a savepoint also restores the mode
  (PostgreSQL keeps SET CONSTRAINTS per subtransaction).
- **What the caller must not do:** read, in the block, rows it has written in the block: a
  query of the importing thread can run before a COPY handed over earlier. `import-job-seekers`
  reads only people of the chunk at hand, and an external id that appears twice in a file is
  an error before anything of it is written.
- **Errors.** A failed COPY is raised in the importing thread at its next hand-over or when the
  block ends (the writer sends nothing more), so the transaction is rolled back as for any other
  error and the real cause is the one reported, not the "transaction is aborted" that the next
  query would give.
- **Memory:** at most `QUEUED` COPY texts wait at a time; a chunk that would exceed it waits.

On SQLite, or outside a transaction, the block changes nothing: the copies run as before.
"""

import queue
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models

# COPY texts (one a table, a chunk) waiting for the writer at most: two chunks' worth.
QUEUED = 12
_STOP = object()


class BackgroundCopies:
    """The writer thread of one `copies_in_background()` block."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection  # Django's, for its error classes
        self._raw = connection.connection
        self._jobs: queue.Queue[Any] = queue.Queue(maxsize=QUEUED)
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kohtaanto-copies", daemon=True)
        self._thread.start()

    def submit(self, sql: str, texts: Sequence[str]) -> None:
        """Queue one COPY (`sql`, the rows as COPY text in one or more pieces)."""
        self.raise_error()
        self._jobs.put((sql, texts))

    def raise_error(self) -> None:
        """The writer's error as Django's database error (IntegrityError…), as a query of the
        importing thread would have raised it."""
        if self.error is not None:
            with self._connection.wrap_database_errors:
                raise self.error

    def stop(self) -> None:
        """Wait for every queued COPY (after a failure, only for the one running)."""
        if self._thread.is_alive():
            self._jobs.put(_STOP)
            self._thread.join()

    def _run(self) -> None:
        while (job := self._jobs.get()) is not _STOP:
            if self.error is not None:
                continue  # after a failure the transaction is lost: drain the queue
            sql, texts = job
            try:
                with self._raw.cursor() as cursor, cursor.copy(sql) as copy:
                    for text in texts:
                        copy.write(text)
            except BaseException as exc:  # re-raised in the importing thread
                self.error = exc


_active: ContextVar[BackgroundCopies | None] = ContextVar("kohtaanto_copies", default=None)


def background_copies() -> BackgroundCopies | None:
    """The writer of the block this thread is in, if any."""
    return _active.get()


@contextmanager
def copies_in_background(
    checked: Sequence[type[models.Model]] = (), using: str = DEFAULT_DB_ALIAS
) -> Iterator[None]:
    """Inside a transaction on PostgreSQL: COPY commands written by a thread of their own, and
    the foreign keys of the `checked` models' tables checked as each COPY ends (module text)."""
    connection = connections[using]
    if connection.vendor != "postgresql" or not connection.in_atomic_block:
        yield
        return
    constraints = _deferred_foreign_keys(connection, checked)
    if constraints:
        _set_constraints(connection, constraints, "IMMEDIATE")
    writer = BackgroundCopies(connection)
    token = _active.set(writer)
    try:
        yield
    except BaseException:
        writer.stop()
        # A failed COPY is the real cause: the importing thread's own error is then
        # "transaction aborted" (and stays in the traceback as the context).
        writer.raise_error()
        raise
    else:
        writer.stop()
        writer.raise_error()
    finally:
        _active.reset(token)
    if constraints:
        _set_constraints(connection, constraints, "DEFERRED")


def _deferred_foreign_keys(connection: Any, models_: Sequence[type[models.Model]]) -> list[str]:
    """Names of the deferrable, initially deferred foreign keys of the models' tables."""
    if not models_:
        return []
    tables = [m._meta.db_table for m in models_]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.conname FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid"
            " WHERE c.contype = 'f' AND c.condeferrable AND c.condeferred"
            " AND t.relname = ANY(%s) AND pg_table_is_visible(t.oid) ORDER BY c.conname",
            [tables],
        )
        return [row[0] for row in cursor.fetchall()]


def _set_constraints(connection: Any, names: list[str], mode: str) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        # Names from pg_constraint, quoted; the mode is one of two words written here.
        cursor.execute(f"SET CONSTRAINTS {', '.join(map(quote, names))} {mode}")
