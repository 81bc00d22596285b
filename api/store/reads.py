"""Reads, as keyword-only functions with no HTTP in them."""

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import (
    bindparam,
    cast,
    column,
    exists,
    false,
    func,
    literal,
    literal_column,
    table,
    tuple_,
)
from sqlalchemy import select as sa_select
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.selectable import Join
from sqlmodel import Session, col, select

from api.errors import InvalidParameterError, NotFoundError
from api.records.claims import CLAIM_ADAPTER, Claim, SearchMatch
from api.records.fields import Certainty, ClaimStatus, ClaimType, Facet, MigraineEffect, SortOrder
from api.records.vocabulary import SourceDetail, SourcePublic, TagPublic, TagRecord
from api.store import changelog, counts
from api.store.rows import claim_from_row, document, served
from api.store.search import Query as SearchQuery
from api.store.search import snippet
from api.store.tables import (
    ARTICLE_COLUMNS,
    ARTICLE_ORDER_OF_TAG,
    CLAIM_TAGS,
    CLAIMS,
    INT_MAX,
    ClaimRelation,
    ClaimTag,
    DataLoad,
    Source,
    Tag,
)
from api.store.tables import Claim as ClaimRow


def claims_from_rows(session: Session, rows: Sequence[ClaimRow]) -> list[Claim]:
    """Public claims for rows, as served (api.store.rows.served), with tags and relations
    fetched in one query each."""
    ids = [row.id for row in rows]
    tags: dict[str, list[str]] = defaultdict(list)
    relations: dict[str, list[dict[str, str]]] = defaultdict(list)
    if ids:
        for claim_id, slug in session.exec(
            select(ClaimTag.claim_id, ClaimTag.tag_slug).where(CLAIM_TAGS.c.claim_id.in_(ids))
        ):
            tags[claim_id].append(slug)
        for claim_id, kind, target_id in session.exec(
            select(ClaimRelation.claim_id, ClaimRelation.kind, ClaimRelation.target_id).where(
                col(ClaimRelation.claim_id).in_(ids)
            )
        ):
            relations[claim_id].append({"kind": kind, "target": target_id})
    return [
        served(claim_from_row(row, tags=tags[row.id], relations=relations[row.id]), row.revision)
        for row in rows
    ]


# Claims ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimFilter:
    """What a claim must satisfy to be listed. Within a field, values are any-of, except
    `tags_all`; across fields, every condition must hold."""

    types: tuple[ClaimType, ...] = ()
    sources: tuple[str, ...] = ()
    tags_all: tuple[str, ...] = ()
    tags_any: tuple[str, ...] = ()
    certainties: tuple[Certainty, ...] = ()
    effects: tuple[MigraineEffect, ...] = ()
    ranks: tuple[int, ...] = ()
    search: SearchQuery | None = None
    statuses: tuple[ClaimStatus, ...] = (ClaimStatus.active,)
    """Retracted claims are listed only when asked for."""


@dataclass
class ClaimList:
    documents: list[str]
    """Each claim's JSON as served, in order (with its `match`, in a search)."""
    total: int
    next_key: list[Any] | None
    """Sort key of the last claim listed, when more follow: the next page starts after it."""
    facets: dict[Facet, list[tuple[str, int]]]

    @property
    def claims(self) -> list[Claim]:
        """The claims as models, for renderings that are not the JSON itself."""
        return [CLAIM_ADAPTER.validate_json(document) for document in self.documents]


NULL_RANK = INT_MAX
"""Claims without a rank sort after every ranked one, on both engines."""


def rank_order() -> Any:
    """The rank sort key. Written with a literal, not a parameter, so that both engines
    match it to the expression index ix_claim_rank_order (made in a migration)."""
    return func.coalesce(CLAIMS.c.rank, literal_column(str(NULL_RANK)))


FACET_VALUES = 100
ACTIVE = ClaimStatus.active.value


def list_claims(
    *,
    session: Session,
    where: ClaimFilter = ClaimFilter(),
    sort: SortOrder = SortOrder.article,
    limit: int,
    offset: int = 0,
    after: Sequence[Any] | None = None,
    facets: Sequence[Facet] = (),
) -> ClaimList:
    """One page of the claims matching `where`, in `sort` order, with counts.

    Pages start at `offset`, or just after the claim whose sort key is `after` (keyset
    paging: as cheap on the last page as on the first). Relevance has no keyset.
    """
    kept = counts.KeptCounts(session, *_kept_field(where))
    where = _statuses_read(kept, where)
    # A page of one tag in article order walks the tag's index, which is in that order.
    by_tag = _one_tag(where) if sort is SortOrder.article else None
    tag_first = _rare_tag(kept, where, limit) if by_tag is None else None
    matching, score, hit_seq = _matching(session, where, tag_first=tag_first, by_tag=by_tag)
    # A search in article order reads its hits in seq order, which is article order
    # (api.store.seq_order), and stops at the page; every other order sorts the matches.
    by_seq = hit_seq if sort is SortOrder.article else None
    if by_tag is not None:
        keys = [(column, False) for column in TAG_ARTICLE_ORDER]
    else:
        keys = [(by_seq, False)] if by_seq is not None else _sort_keys(sort, score)
    total = _kept_total(kept, where)
    if total is None:
        total = _search_only_total(session, where)
    scored = score if score is not None else literal(None)
    key_columns = TAG_KEY_COLUMNS if by_tag is not None else KEY_COLUMNS[sort]
    # A page walked in order visits about its own claims: it reads their documents as it
    # goes. One that sorts its matches reads keys only, then the page's documents by id.
    walked = by_tag is not None or by_seq is not None
    fields = page_fields(where.search is not None) if walked else ()
    query = matching.with_only_columns(*key_columns, *fields, scored, maintain_column_froms=True)
    if after is not None and by_seq is not None:
        query = query.where(by_seq > _last_seq_up_to(after))
    elif after is not None:
        columns = [expression for expression, _ in keys]
        bound = [
            literal(value, type_=column.type) for column, value in zip(columns, after, strict=True)
        ]
        descending = keys[0][1]
        query = query.where(
            tuple_(*columns) < tuple_(*bound) if descending else tuple_(*columns) > tuple_(*bound)
        )
    query = query.order_by(*(e.desc() if desc else e.asc() for e, desc in keys))
    rows = session.execute(query.offset(offset).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    every_match: Any = None
    if total is None or facets:
        every_match, _, _ = _matching(session, where, counting=True)
        if total is None:
            total = session.exec(select(func.count()).select_from(every_match.subquery())).one()
    documents = _documents(session, rows, where.search, read=not walked)
    last = rows[-1] if rows and more and sort is not SortOrder.relevance else None
    return ClaimList(
        documents=documents,
        total=total,
        next_key=_key_values(sort, last) if last is not None else None,
        facets={facet: _facet_counts(session, every_match, facet) for facet in facets},
    )


KEY_COLUMNS: dict[SortOrder, tuple[Any, ...]] = {
    SortOrder.article: ARTICLE_COLUMNS,
    SortOrder.relevance: ARTICLE_COLUMNS,
    SortOrder.rank: (*ARTICLE_COLUMNS, CLAIMS.c.rank),
    SortOrder.updated: (CLAIMS.c.id, CLAIMS.c.updated_at),
}
"""What a page reads of each match: the keys it is sorted by. Documents come after, for
the page's claims only, so what is sorted (every match of a search) stays small and, on
SQLite, is read from an index alone (ix_claim_seq_article) rather than from the rows."""
TAG_INDEX = CLAIM_TAGS.alias("tagged")
"""claim_tag walked in a tag's article order (an alias: other tag conditions of the same
list look claim_tag up on their own)."""
TAG_ARTICLE_ORDER = tuple(TAG_INDEX.c[name] for name in ARTICLE_ORDER_OF_TAG)
TAG_KEY_COLUMNS = (
    TAG_INDEX.c.claim_id.label("id"),
    *(TAG_INDEX.c[name] for name in ("source_id", "quote_start", "quote_end")),
)
"""A page of one tag reads the article keys from the tag's index entries (the copies
api.store.rows.tag_rows writes), as KEY_COLUMNS names them."""
SNIPPET_COLUMNS = tuple(CLAIMS.c[name] for name in ("title", "statement", "quote"))
"""What a search page reads besides: the fields its snippets are cut from."""


def page_fields(searching: bool) -> tuple[Any, ...]:
    """What a page reads of each of its claims besides its keys: its document, and for a
    search the fields its snippet is cut from."""
    return (CLAIMS.c.document, *SNIPPET_COLUMNS) if searching else (CLAIMS.c.document,)


_BY_IDS = CLAIMS.c.id.in_(bindparam("ids", expanding=True))
DOCUMENTS = sa_select(CLAIMS.c.id, *page_fields(False)).where(_BY_IDS)
DOCUMENTS_AND_FIELDS = sa_select(CLAIMS.c.id, *page_fields(True)).where(_BY_IDS)
"""A page's documents by id (and a search page's snippet fields): built once, as a page
of 50 written out would build 50 parameters anew for each read."""


def _documents(
    session: Session, rows: Sequence[Any], search: SearchQuery | None, *, read: bool
) -> list[str]:
    """The documents of a page's claims (rows read with KEY_COLUMNS and the score), in
    their order; for a search, each with its match. `read`: the rows hold only keys, so
    the documents (page_fields) are read by id; otherwise the rows carry them."""
    if not rows:
        return []
    page = rows
    if read:
        query = DOCUMENTS_AND_FIELDS if search is not None else DOCUMENTS
        found = session.execute(query, {"ids": [row.id for row in rows]}).all()
        stored = {row.id: row for row in found}
        page = [stored[row.id] for row in rows]
    documents = rendered(session, page)
    if search is None:
        return documents
    return [
        _with_match(
            document,
            SearchMatch(
                score=round(float(row[-1]), 6),
                snippet=snippet(search, claim.statement, claim.quote, claim.title),
            ),
        )
        for document, row, claim in zip(documents, rows, page, strict=True)
    ]


def rendered(session: Session, rows: Sequence[Any]) -> list[str]:
    """The documents of rows holding `id` and `document`; those not rendered yet (claims
    migrated from before documents were stored) are assembled from their rows."""
    missing = [row.id for row in rows if row.document is None]
    assembled: dict[str, str] = {}
    if missing:
        found = session.exec(select(ClaimRow).where(CLAIMS.c.id.in_(missing))).all()
        assembled = {claim.id: document(claim) for claim in claims_from_rows(session, found)}
    return [row.document if row.document is not None else assembled[row.id] for row in rows]


def _with_match(document: str, match: SearchMatch) -> str:
    """A claim's document with its search match added, as its last member."""
    return f'{document[:-1]},"match":{match.model_dump_json()}}}'


def _one_tag(where: ClaimFilter) -> str | None:
    """The tag of a filter that asks for claims with one tag (among other conditions),
    and no search: what a tag's own index can serve."""
    tags = list(dict.fromkeys(where.tags_all))
    return tags[0] if len(tags) == 1 and where.search is None else None


def _kept_field(where: ClaimFilter) -> tuple[str, list[str]]:
    """The field and values whose kept counts a list reads besides all claims': those of
    its one filter (_one_field), or of its one tag (_rare_tag)."""
    if (found := _one_field(where)) is not None:
        return found
    tag = _one_tag(where)
    return (counts.TAG, [tag]) if tag is not None else (counts.EVERY, [""])


def _rare_tag(kept: counts.KeptCounts, where: ClaimFilter, limit: int) -> str | None:
    """The tag of a one-tag filter (no search) when its claims are few enough to read all
    and sort, rather than to walk the claims in order until `limit` of them carry it.

    Walking passes about limit * claims / matches claims; reading the matches and
    sorting them costs about as many as match: the first is dearer below
    sqrt(limit * claims) matches (2,236 of 100,000 claims for a page of 50). Decided from
    the kept counts, which SQLite's statistics cannot give (they hold one average per
    index, not one count per tag).
    """
    tag = _one_tag(where)
    if tag is None:
        return None
    statuses = [s.value for s in where.statuses]
    matches = kept.total(counts.TAG, [tag], statuses)
    claims = kept.total(counts.EVERY, [""], statuses)
    return tag if matches * matches < limit * claims else None


def _kept_total(kept: counts.KeptCounts, where: ClaimFilter) -> int | None:
    """The number of matches as the writers keep it (api.store.counts), when `where` filters by
    one field at most: any of its values, or one tag. None: the matches must be counted."""
    found = _one_field(where)
    return None if found is None else kept.total(*found, [s.value for s in where.statuses])


def _one_field(where: ClaimFilter) -> tuple[str, list[str]] | None:
    """The one field `where` filters by and its values ((EVERY, [""]) for none), when it
    filters by one at most: any of its values, or one tag. None: several, or a search."""
    if where.search is not None or where.ranks:
        return None
    tags_all, tags_any = list(dict.fromkeys(where.tags_all)), list(dict.fromkeys(where.tags_any))
    conditions = [
        (field, values)
        for field, values in (
            ("type", [t.value for t in where.types]),
            ("source", list(where.sources)),
            ("certainty", [c.value for c in where.certainties]),
            ("migraine_effect", [e.value for e in where.effects]),
            (counts.TAG, tags_all),
            (counts.TAG, tags_any),
        )
        if values
    ]
    if len(conditions) > 1 or len(tags_all) > 1 or len(tags_any) > 1:
        return None  # claims with both, or with several tags, are not summed from counts
    return conditions[0] if conditions else (counts.EVERY, [""])


KEY_SHAPES: dict[SortOrder, tuple[type, ...]] = {
    SortOrder.article: (str, int, int, str),
    SortOrder.rank: (int, str, int, int, str),
    SortOrder.updated: (str, str),
}
"""The JSON types of each sort's key, as a cursor carries it (relevance has no key)."""


def decode_key(sort: SortOrder, values: Sequence[Any]) -> list[Any]:
    """Turn a key read back from a cursor into values the database can compare."""
    if sort is SortOrder.updated:
        try:
            moment = datetime.fromisoformat(values[0])
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise InvalidParameterError("query.cursor", "holds an invalid timestamp")
        return [moment, values[1]]
    return list(values)


def _key_values(sort: SortOrder, row: Any) -> list[Any]:
    """The sort key of a claim row (or a row read with KEY_COLUMNS)."""
    if sort is SortOrder.updated:
        return [row.updated_at.isoformat(), row.id]
    article = [row.source_id, row.quote_start, row.quote_end, row.id]
    if sort is SortOrder.rank:
        return [row.rank if row.rank is not None else NULL_RANK, *article]
    return article


def _sort_keys(sort: SortOrder, score: Any) -> list[tuple[Any, bool]]:
    """(expression, descending) pairs; each order ends in the unique id, so it is total."""
    article = [(column, False) for column in ARTICLE_COLUMNS]
    if sort is SortOrder.rank:
        return [(rank_order(), False), *article]
    if sort is SortOrder.updated:
        return [(CLAIMS.c.updated_at, True), (CLAIMS.c.id, True)]
    if sort is SortOrder.relevance:
        if score is None:
            raise InvalidParameterError("query.sort", "sort=relevance needs a search: add q")
        return [(score, True), *article]
    return article


def _last_seq_up_to(key: Sequence[Any]) -> Any:
    """The seq of the last claim at or before an article key (0: none). With seq in
    article order, the claims after the key are exactly those with a greater seq."""
    earlier = CLAIMS.alias("earlier")
    columns = [earlier.c[column.name] for column in ARTICLE_COLUMNS]
    bound = [literal(value, type_=c.type) for c, value in zip(columns, key, strict=True)]
    last = (
        sa_select(earlier.c.seq)
        .where(tuple_(*columns) <= tuple_(*bound))
        .order_by(*(column.desc() for column in columns))
        .limit(1)
    )
    return func.coalesce(last.scalar_subquery(), 0)


def _matching(
    session: Session,
    where: ClaimFilter,
    *,
    counting: bool = False,
    tag_first: str | None = None,
    by_tag: str | None = None,
) -> tuple[Any, Any, Any]:
    """A select of the claims matching every condition, their search score (or None),
    and, for a search on SQLite, the seq its hits come back in (or None).

    With `tag_first` (one of `tags_all`), the claims carrying that tag are read first,
    then sorted: a page of a rare tag read in order would pass every claim to find it.

    Tag conditions take two forms with the same meaning: a page read in order tests each
    claim it passes (EXISTS, stopping at `limit`), while counting all matches starts from
    the tag's index entries (IN), which SQLite does an order of magnitude faster.
    """
    query = sa_select(CLAIMS)
    if set(where.statuses) != set(ClaimStatus):
        query = query.where(CLAIMS.c.status.in_([s.value for s in where.statuses]))
    if where.types:
        query = query.where(CLAIMS.c.type.in_([t.value for t in where.types]))
    if where.sources:
        query = query.where(CLAIMS.c.source_id.in_(where.sources))
    if where.certainties:
        query = query.where(CLAIMS.c.certainty.in_([c.value for c in where.certainties]))
    if where.effects:
        query = query.where(CLAIMS.c.migraine_effect.in_([e.value for e in where.effects]))
    if where.ranks:
        query = query.where(CLAIMS.c.rank.in_(where.ranks))
    tags_all = list(dict.fromkeys(where.tags_all))
    if by_tag is not None:  # the tag's index entries, then their claims, in that order
        query = query.select_from(
            CrossJoin(TAG_INDEX, CLAIMS, TAG_INDEX.c.claim_id == CLAIMS.c.id)
        ).where(TAG_INDEX.c.tag_slug == by_tag)
        tags_all = [tag for tag in tags_all if tag != by_tag]
    elif tag_first is not None:
        tagged = (
            sa_select(CLAIM_TAGS.c.claim_id).where(CLAIM_TAGS.c.tag_slug == tag_first).subquery()
        )
        query = query.select_from(CrossJoin(tagged, CLAIMS, tagged.c.claim_id == CLAIMS.c.id))
        tags_all = [tag for tag in tags_all if tag != tag_first]
    if len(tags_all) == 1:
        query = query.where(_has_tag(CLAIM_TAGS.c.tag_slug == tags_all[0], counting))
    elif tags_all:  # one grouped lookup, however many tags: planning stays cheap
        with_all = (
            sa_select(CLAIM_TAGS.c.claim_id)
            .where(CLAIM_TAGS.c.tag_slug.in_(tags_all))
            .group_by(CLAIM_TAGS.c.claim_id)
            .having(func.count() == len(tags_all))
        )
        query = query.where(CLAIMS.c.id.in_(with_all))
    if where.tags_any:
        query = query.where(_has_tag(CLAIM_TAGS.c.tag_slug.in_(where.tags_any), counting))
    if where.search is None:
        return query, None, None
    if not where.search.terms:
        return query.where(false()), literal(0.0), None
    if session.get_bind().dialect.name == "sqlite":
        # FTS5 calls its score `rank`, as the claim's own column is named: labelled apart,
        # or a search sorted by rank reads an ambiguous column.
        hits = (
            sa_select(SEARCH_INDEX.c.rowid.label("seq"), SEARCH_INDEX.c.rank.label("bm25"))
            .where(_fts_match(where.search))
            .subquery("hits")
        )
        # Matches first, then their claims, whatever the planner's statistics say: the
        # other way round probes the search index once per claim (seconds at 100k).
        ordered = CrossJoin(hits, CLAIMS, hits.c.seq == CLAIMS.c.seq)
        return query.select_from(ordered), -hits.c.bm25, hits.c.seq
    vector = search_vector()
    terms = cast(literal(where.search.tsquery()), TSQUERY)
    # Match on the positionless vector (exactly our tokens); rank on a positional one, as
    # ts_rank scores several terms near zero without positions. Only matches are ranked.
    positional = func.to_tsvector(literal_column("'simple'"), CLAIMS.c.search_text)
    return query.where(vector.op("@@")(terms)), func.ts_rank(positional, terms), None


SEARCH_INDEX = table("claim_search", column("rowid"), column("rank"))
"""SQLite's FTS5 table: one row per claim, its rowid the claim's `seq`."""


def _fts_match(search: SearchQuery) -> Any:
    return literal_column("claim_search").op("MATCH")(search.fts5())


def _statuses_read(kept: counts.KeptCounts, where: ClaimFilter) -> ClaimFilter:
    """`where`, asking for every status when every claim has one of those it asks for
    (the kept counts say; no claim is retracted, say): the same claims, and no look at
    each match's status."""
    if set(where.statuses) == set(ClaimStatus):
        return where
    asked, every = [s.value for s in where.statuses], [s.value for s in ClaimStatus]
    if kept.total(counts.EVERY, [""], asked) != kept.total(counts.EVERY, [""], every):
        return where
    return replace(where, statuses=tuple(ClaimStatus))


def _search_only_total(session: Session, where: ClaimFilter) -> int | None:
    """The number of matches of a search that nothing else narrows, counted by SQLite's
    FTS5 from its own posting lists instead of one claim per match. None otherwise."""
    search = where.search
    if search is None or session.get_bind().dialect.name != "sqlite":
        return None
    if replace(where, search=None) != ClaimFilter(statuses=tuple(ClaimStatus)):
        return None  # another condition, or some claims' statuses (see _statuses_read)
    if not search.terms:
        return 0
    found = sa_select(func.count()).select_from(SEARCH_INDEX).where(_fts_match(search))
    return int(session.execute(found).scalar_one())


class CrossJoin(Join):
    """An inner join that SQLite must run left table first (its CROSS JOIN: "the left
    table is always in the outer loop"); other engines read it as a plain join."""

    inherit_cache = True


@compiles(CrossJoin, "sqlite")
def _cross_join(join: CrossJoin, compiler: Any, **kw: Any) -> str:
    sides = {**kw, "asfrom": True}
    left, right = compiler.process(join.left, **sides), compiler.process(join.right, **sides)
    on = compiler.process(join.onclause, **{k: v for k, v in kw.items() if k != "asfrom"})
    return f"{left} CROSS JOIN {right} ON {on}"


def search_vector() -> Any:
    """PostgreSQL's view of search_text; the GIN index is on exactly this expression."""
    return func.array_to_tsvector(func.string_to_array(CLAIMS.c.search_text, literal_column("' '")))


def _has_tag(condition: Any, counting: bool) -> Any:
    if counting:
        return CLAIMS.c.id.in_(sa_select(CLAIM_TAGS.c.claim_id).where(condition))
    return exists().where(CLAIM_TAGS.c.claim_id == CLAIMS.c.id, condition)


def _facet_counts(session: Session, matching: Any, facet: Facet) -> list[tuple[str, int]]:
    claims = matching.subquery()
    count = func.count().label("n")
    if facet is Facet.tag:
        value = CLAIM_TAGS.c.tag_slug
        tagged = CrossJoin(claims, CLAIM_TAGS, claims.c.id == CLAIM_TAGS.c.claim_id)
        query = sa_select(value, count).select_from(tagged)
    else:
        value = claims.c["source_id" if facet is Facet.source else facet.value]
        query = sa_select(value, count)
    query = query.group_by(value).order_by(count.desc(), value).limit(FACET_VALUES)
    return [(str(v), int(n)) for v, n in session.execute(query)]


CLAIM_BY_ID = sa_select(CLAIMS.c.id, CLAIMS.c.revision, CLAIMS.c.document).where(
    CLAIMS.c.id == bindparam("claim_id")
)
"""A claim's revision and its document (None until a load renders a migrated claim's:
`rendered` then assembles it). Built once: building and keying a statement costs more
than SQLite takes to run it."""


def get_claim(*, session: Session, claim_id: str) -> Claim:
    row = session.execute(CLAIM_BY_ID, {"claim_id": claim_id}).first()
    if row is None:
        raise NotFoundError("claim", claim_id)
    return CLAIM_ADAPTER.validate_json(rendered(session, [row])[0])


# Tags --------------------------------------------------------------------------------


def _tag_query() -> Any:
    return select(Tag, counts.kept_count(counts.TAG, col(Tag.slug), ACTIVE))


def _tag_public(tag: Tag, claim_count: int) -> TagPublic:
    return TagPublic.model_validate({**tag.model_dump(), "claim_count": claim_count})


def list_tags(*, session: Session, limit: int, offset: int) -> tuple[list[TagPublic], int]:
    total = session.exec(select(func.count()).select_from(Tag)).one()
    rows = session.exec(_tag_query().order_by(col(Tag.slug)).offset(offset).limit(limit)).all()
    return [_tag_public(tag, count) for tag, count in rows], total


def get_tag(*, session: Session, slug: str) -> TagPublic:
    row = session.exec(_tag_query().where(col(Tag.slug) == slug)).first()
    if row is None:
        raise NotFoundError("tag", slug)
    return _tag_public(*row)


# Sources -----------------------------------------------------------------------------

_SOURCE_SUMMARY_COLUMNS = [
    col(Source.id),
    col(Source.title),
    col(Source.author),
    col(Source.published),
    col(Source.url),
    col(Source.language),
    col(Source.media_type),
    col(Source.sha256),
]


def _source_query(*extra: Any) -> Any:
    """Source metadata without its text, which can be long; `length` and counts instead."""
    claim_count = counts.kept_count("source", col(Source.id), ACTIVE)
    return sa_select(
        *_SOURCE_SUMMARY_COLUMNS,
        func.length(col(Source.text)).label("length"),
        claim_count.label("claim_count"),
        *extra,
    )


def list_sources(*, session: Session, limit: int, offset: int) -> tuple[list[SourcePublic], int]:
    total = session.exec(select(func.count()).select_from(Source)).one()
    rows = session.exec(_source_query().order_by(col(Source.id)).offset(offset).limit(limit))
    return [SourcePublic.model_validate(dict(row._mapping)) for row in rows], total


def get_source(*, session: Session, source_id: str) -> SourceDetail:
    row = session.exec(_source_query(col(Source.text)).where(col(Source.id) == source_id)).first()
    if row is None:
        raise NotFoundError("source", source_id)
    return SourceDetail.model_validate(dict(row._mapping))


# Bookkeeping -------------------------------------------------------------------------


def latest_fingerprint(*, session: Session) -> str | None:
    """Fingerprint of the data folder most recently loaded, if any."""
    return session.exec(
        select(DataLoad.fingerprint).order_by(col(DataLoad.id).desc()).limit(1)
    ).first()


def ping(*, session: Session) -> None:
    """Raise unless the database answers a query on the claims (so it is migrated, too)."""
    session.exec(select(CLAIMS.c.id).limit(1)).first()


# Export ------------------------------------------------------------------------------

EXPORT_BATCH = 1000


def export_records(*, session: Session, batch: int | None = None) -> Iterator[dict[str, Any]]:
    """Every source, tag, claim and relation as plain records, read in batches by key so
    memory stays flat however large the knowledge base is."""
    batch = batch or EXPORT_BATCH
    last = ""
    while rows := session.execute(
        _source_query(col(Source.text))
        .where(col(Source.id) > last)
        .order_by(col(Source.id))
        .limit(batch)
    ).all():
        for row in rows:
            source = SourceDetail.model_validate(dict(row._mapping))
            yield {"kind": "source", **source.model_dump(mode="json")}
        last = rows[-1].id
    last = ""
    while tags := session.exec(
        select(Tag).where(col(Tag.slug) > last).order_by(col(Tag.slug)).limit(batch)
    ).all():
        for tag in tags:
            record = TagRecord.model_validate(tag.model_dump(exclude={"revision"}))
            yield {"kind": "tag", **changelog.tag_record(record, tag.revision)}
        last = tags[-1].slug
    after: list[Any] | None = None
    while True:
        query = select(ClaimRow).order_by(*ARTICLE_COLUMNS).limit(batch)
        if after is not None:
            query = query.where(tuple_(*ARTICLE_COLUMNS) > tuple_(*after))
        claim_rows = session.exec(query).all()
        if not claim_rows:
            break
        for claim in claims_from_rows(session, claim_rows):
            yield {"kind": "claim", **claim.model_dump(mode="json")}
            for relation in claim.relations:
                yield {
                    "kind": "relation",
                    "claim": claim.id,
                    "relation": relation.kind.value,
                    "target": relation.target,
                }
        after = _key_values(SortOrder.article, claim_rows[-1])
