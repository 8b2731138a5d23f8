"""The database-specific half of the public search: full-text structures, matching, ranking.

Both databases receive the same stems (``analysis``) and the same query groups (``query``):

- PostgreSQL: ``SearchEntry.vector``, a ``tsvector`` built with the ``simple`` configuration
  from the stems (title weight A, summary B, body C) under a GIN index; ranked by
  ``ts_rank_cd`` with weights title 1.0 > summary 0.4 > body 0.2, newest first on ties.
  Typo candidates: ``pg_trgm`` similarity over ``SearchWord`` (GIN trigram index).
- SQLite: an FTS5 table ``balai_search_fts(title, summary, body)`` whose rowid is the entry id;
  ranked by ``bm25`` with column weights 10 > 4 > 2, newest first on ties. Typo candidates:
  the same trigram similarity, computed in Python over words of about the same length.

Common words bound the cost of a search (``layanan`` is in every other news item of a city):

- counts stop at ``COUNT_CAP`` per result type ("1.000+"): counting 20,000 matches costs more
  than the whole rest of the request, and nobody reads past the first pages;
- when a query matches more than ``RANK_CANDIDATES`` entries, relevance is computed among the
  most recent ``RANK_CANDIDATES`` matches (``MAX_PAGES`` pages of the results page), found
  through the index on date; ranking tens of thousands of rows would cost a hundred ms.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection

from balai.search import analysis
from balai.search.query import ParsedQuery

RANK_CANDIDATES = 500
COUNT_CAP = 1000
ENTRY_TABLE = "balai_search_searchentry"
WORD_TABLE = "balai_search_searchword"
FTS_TABLE = "balai_search_fts"
SUGGEST_MIN_SIMILARITY = 0.4


@dataclass
class Filters:
    """Which entries a search may return (all given values must hold)."""

    opd_id: int | None = None  # one OPD
    portal_only: bool = False  # the city portal's own entries
    hidden_opd_ids: list[int] = field(default_factory=list)  # inactive OPDs
    hidden_paths: list[str] = field(default_factory=list)  # page subtrees behind a login
    kind: str = ""
    year: int | None = None

    def sql(self, alias: str = "e", with_kind: bool = True) -> tuple[str, list]:
        clauses, params = [], []
        if self.opd_id is not None:
            clauses.append(f"{alias}.opd_id = %s")
            params.append(self.opd_id)
        elif self.portal_only:
            clauses.append(f"{alias}.opd_id IS NULL")
        elif self.hidden_opd_ids:
            marks = ", ".join(["%s"] * len(self.hidden_opd_ids))
            clauses.append(f"({alias}.opd_id IS NULL OR {alias}.opd_id NOT IN ({marks}))")
            params.extend(self.hidden_opd_ids)
        for path in self.hidden_paths:
            clauses.append(f"{alias}.path NOT LIKE %s")
            params.append(path + "%")
        if with_kind and self.kind:
            clauses.append(f"{alias}.kind = %s")
            params.append(self.kind)
        if self.year:
            clauses.append(f"{alias}.year = %s")
            params.append(self.year)
        return (" AND " + " AND ".join(clauses) if clauses else ""), params


@dataclass(frozen=True)
class IndexRow:
    """The full-text part of one entry: the stems of its three weighted fields."""

    entry_id: int
    title: str
    summary: str
    body: str


def stems(text: str) -> str:
    return " ".join(analysis.index_terms(text))


class Backend:
    vendor = ""

    def write(self, rows: list[IndexRow]) -> None:
        raise NotImplementedError

    def delete(self, entry_ids: list[int]) -> None:
        """Entries themselves are deleted by the ORM; this removes what lives beside them."""

    def reset(self) -> None:
        raise NotImplementedError

    def matches(self, parsed: ParsedQuery, filters: Filters, with_kind: bool = True):
        """``FROM … WHERE …`` of the entries (alias ``e``) matching, and its parameters."""
        raise NotImplementedError

    def counts(self, parsed: ParsedQuery, filters: Filters) -> dict[str, int]:
        """Matches per result type (ignoring ``filters.kind``), each counted up to
        ``COUNT_CAP + 1``: one bounded query, and one more (bounded per type) when the query
        matches more than ``COUNT_CAP`` entries in all."""
        sql, params = self.matches(parsed, filters, with_kind=False)
        limit = COUNT_CAP + 1
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT s.kind, count(*) FROM (SELECT e.kind {sql} LIMIT {limit}) s "  # noqa: S608
                "GROUP BY s.kind",
                params,
            )
            counts = dict(cursor.fetchall())
            if sum(counts.values()) <= COUNT_CAP:
                return counts
            parts, all_params = [], []
            for kind in counts:
                parts.append(
                    f"SELECT %s, count(*) FROM (SELECT 1 {sql} AND e.kind = %s "  # noqa: S608
                    f"LIMIT {limit}) s{len(parts)}"
                )
                all_params += [kind, *params, kind]
            cursor.execute(" UNION ALL ".join(parts), all_params)
            return dict(cursor.fetchall())

    def ranked_ids(
        self, parsed: ParsedQuery, filters: Filters, total: int, offset: int, limit: int
    ) -> list[int]:
        """Entry ids of one page of results, best first; ``total``: the number of matches."""
        raise NotImplementedError

    def similar_words(self, word: str) -> list[tuple[str, float, int]]:
        """Known words like ``word``: (word, similarity, frequency), most similar first."""
        raise NotImplementedError


class PostgresBackend(Backend):
    vendor = "postgresql"
    WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"  # D, C (body), B (summary), A (title)

    def write(self, rows: list[IndexRow]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {ENTRY_TABLE} SET vector = "  # noqa: S608
                "setweight(to_tsvector('simple', %s), 'A') || "
                "setweight(to_tsvector('simple', %s), 'B') || "
                "setweight(to_tsvector('simple', %s), 'C') WHERE id = %s",
                [(r.title, r.summary, r.body, r.entry_id) for r in rows],
            )

    def reset(self) -> None:
        pass  # the vector is a column of the entry

    @staticmethod
    def tsquery(parsed: ParsedQuery) -> tuple[str, list]:
        """SQL for the query, e.g. ``((phraseto_tsquery('simple', %s)) && (…))``."""
        groups, params = [], []
        for group in parsed.groups:
            alts = []
            for alternative in group:
                alts.append("phraseto_tsquery('simple', %s)")
                params.append(" ".join(alternative))
            groups.append("(" + " || ".join(alts) + ")")
        return "(" + " && ".join(groups) + ")", params

    def matches(self, parsed, filters, with_kind=True):
        tsq, tsq_params = self.tsquery(parsed)
        where, params = filters.sql(with_kind=with_kind)
        return f"FROM {ENTRY_TABLE} e WHERE e.vector @@ {tsq}{where}", tsq_params + params

    def ranked_ids(self, parsed, filters, total, offset, limit):
        tsq, tsq_params = self.tsquery(parsed)
        sql, params = self.matches(parsed, filters)
        inner = f"SELECT e.id, e.vector, e.date {sql}"
        if total > RANK_CANDIDATES:
            inner += f" ORDER BY e.date DESC, e.id DESC LIMIT {RANK_CANDIDATES}"
        rank = f"ts_rank_cd('{self.WEIGHTS}', c.vector, {tsq})"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT c.id FROM ({inner}) c "  # noqa: S608
                f"ORDER BY {rank} DESC, c.date DESC, c.id DESC LIMIT %s OFFSET %s",
                params + tsq_params + [limit, offset],
            )
            return [row[0] for row in cursor.fetchall()]

    def similar_words(self, word: str) -> list[tuple[str, float, int]]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT word, similarity(word, %s) AS s, frequency FROM {WORD_TABLE} "  # noqa: S608
                "WHERE word %% %s ORDER BY s DESC, frequency DESC, word LIMIT 5",
                [word, word],
            )
            return list(cursor.fetchall())


class SQLiteBackend(Backend):
    vendor = "sqlite"
    WEIGHTS = "10.0, 4.0, 2.0"  # title, summary, body

    def write(self, rows: list[IndexRow]) -> None:
        with connection.cursor() as cursor:
            ids = [(r.entry_id,) for r in rows]
            cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", ids)  # noqa: S608
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body) "  # noqa: S608
                "VALUES (%s, %s, %s, %s)",
                [(r.entry_id, r.title, r.summary, r.body) for r in rows],
            )

    def delete(self, entry_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {FTS_TABLE} WHERE rowid = %s",  # noqa: S608
                [(i,) for i in entry_ids],
            )

    def reset(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608

    @staticmethod
    def match(parsed: ParsedQuery) -> str:
        """The FTS5 query: every alternative is a quoted phrase of ``a-z0-9`` stems."""
        groups = []
        for group in parsed.groups:
            alts = ['"' + " ".join(alternative) + '"' for alternative in group]
            groups.append("(" + " OR ".join(alts) + ")")
        return " AND ".join(groups)

    def matches(self, parsed, filters, with_kind=True):
        where, params = filters.sql(with_kind=with_kind)
        return (
            f"FROM {FTS_TABLE} JOIN {ENTRY_TABLE} e ON e.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s{where}",
            [self.match(parsed), *params],
        )

    def ranked_ids(self, parsed, filters, total, offset, limit):
        sql, params = self.matches(parsed, filters)
        inner = f"SELECT e.id, e.date, bm25({FTS_TABLE}, {self.WEIGHTS}) AS score {sql}"
        if total > RANK_CANDIDATES:
            inner += f" ORDER BY e.date DESC, e.id DESC LIMIT {RANK_CANDIDATES}"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT c.id FROM ({inner}) c "  # noqa: S608
                "ORDER BY c.score, c.date DESC, c.id DESC LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            return [row[0] for row in cursor.fetchall()]

    def similar_words(self, word: str) -> list[tuple[str, float, int]]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT word, frequency FROM {WORD_TABLE} "  # noqa: S608
                "WHERE length(word) BETWEEN %s AND %s",
                [len(word) - 2, len(word) + 2],
            )
            scored = [(w, analysis.similarity(word, w), f) for w, f in cursor.fetchall()]
        scored = [s for s in scored if s[1] >= 0.3]  # pg_trgm's default similarity_threshold
        scored.sort(key=lambda s: (-s[1], -s[2], s[0]))
        return scored[:5]


def backend() -> Backend:
    return PostgresBackend() if connection.vendor == "postgresql" else SQLiteBackend()
