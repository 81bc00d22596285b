"""Curators' writes: each one transaction, checked by the loader's own rules, logged.

A write takes the writers' lock (api.store.engine.lock_for_writing), reads the record, checks
If-Match against its revision, validates the new record with the claim schemas and
api.writes.validation.check_all, stores it with the next revision, and appends to the change
log, all before commit; a refusal at any step leaves the database as it was.

check_all runs on the written claim and the claims its rules meet, not on the whole
knowledge base: the risk factors ranked beside it, and every claim its relations reach
(for loops). Everything else stands behind `ExistingIds`: it is stored, so it passed already.
"""

import logging
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from hashlib import sha256
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine, delete, insert, update
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlmodel import Session, col, select

from api.errors import ConflictError, NotFoundError, OutcomeUnknown, WriteRefused
from api.logs import one_line
from api.records.claims import CLAIM_ADAPTER, Claim, Relation
from api.records.fields import ChangeAction, ClaimStatus, ClaimType, RecordKind
from api.records.problems import FieldError
from api.records.vocabulary import SourceCreate, SourceDetail, TagPatch, TagPublic, TagRecord
from api.store import changelog, counts, reads, seq_order, tables
from api.store.changelog import PendingChange
from api.store.engine import chunks, lock_for_writing
from api.store.rows import article_key, claim_row, document, relation_rows, served, tag_rows
from api.writes.preconditions import IfMatch
from api.writes.validation import (
    ACYCLIC_RELATIONS,
    ExistingIds,
    RecordInFile,
    check_all,
    field_messages,
)

log = logging.getLogger(__name__)

SERVED_ONLY = ("revision", "match")
"""Claim fields the API computes; a write may not set them."""


@contextmanager
def writing(engine: Engine) -> Iterator[Session]:
    """One write transaction, as the only writer: committed on success, else rolled back.

    A connection lost during COMMIT leaves the change in or not, and the error cannot
    say which. The change log can, once the lost transaction has ended: it held the
    writers' lock, so taking that lock waits for it. The write then raises as if the
    commit had failed only when it did (a 503 asks to retry only what was not made), and
    answers as usual when it went in; if even that cannot be asked, `OutcomeUnknown`.
    """
    with Session(engine) as session:
        session.begin()
        lock_for_writing(session)
        yield session  # an error there: closing the session rolls back
        try:
            session.commit()
        except OperationalError as error:
            made = _committed_after_all(engine, session)
            log.warning(
                "connection lost during COMMIT (%s); the change log says it was %s",
                one_line(error.orig or error),
                "made" if made else "not made",
            )
            if not made:
                raise


def _committed_after_all(engine: Engine, lost: Session) -> bool:
    try:
        with Session(engine) as session, session.begin():
            lock_for_writing(session)
            return changelog.holds(session, lost)
    except (DBAPIError, PoolTimeout):
        raise OutcomeUnknown from None


# Claims ------------------------------------------------------------------------------


def create_claim(*, engine: Engine, body: dict[str, Any], actor: str) -> Claim:
    with writing(engine) as session:
        refuse_fields(body, SERVED_ONLY, "is set by the API")
        if body.get("status", ClaimStatus.active.value) != ClaimStatus.active.value:
            raise _refused("status", "a claim is created active; retract it afterwards")
        claim_id = body.get("id")
        if isinstance(claim_id, str) and session.get(tables.Claim, claim_id) is not None:
            raise ConflictError(f"A claim with id {claim_id!r} exists already; ids never change.")
        claim = _save(session, None, body, action=ChangeAction.created, actor=actor)
    return claim


def update_claim(
    *, engine: Engine, claim_id: str, patch: dict[str, Any], expected: IfMatch, actor: str
) -> Claim:
    """A JSON merge patch (RFC 7396) of the claim's fields; the result must be a valid claim."""
    with writing(engine) as session:
        current = _current(session, claim_id, expected)
        refuse_fields(patch, SERVED_ONLY, "is set by the API")
        refuse_fields(patch, ("status", "retraction_reason"), "changes through /retraction")
        if "id" in patch and patch["id"] != claim_id:
            raise _refused("id", "ids never change; create a new claim instead")
        fields = _editable(current)
        fields.update(patch)
        if "quote" in patch and not {"start", "end"} & patch.keys():
            fields.pop("start", None)  # a new quote without offsets: find it in the source
            fields.pop("end", None)
        fields = {k: v for k, v in fields.items() if v is not None}  # null removes (RFC 7396)
        return _save(session, current, fields, action=ChangeAction.updated, actor=actor)


def retract_claim(
    *, engine: Engine, claim_id: str, reason: str, expected: IfMatch, actor: str
) -> Claim:
    with writing(engine) as session:
        current = _current(session, claim_id, expected)
        if current.status is ClaimStatus.retracted:
            raise ConflictError(f"Claim {claim_id!r} is retracted already.")
        fields = {**_editable(current), "status": "retracted", "retraction_reason": reason}
        return _save(session, current, fields, action=ChangeAction.retracted, actor=actor)


def restore_claim(*, engine: Engine, claim_id: str, expected: IfMatch, actor: str) -> Claim:
    with writing(engine) as session:
        current = _current(session, claim_id, expected)
        if current.status is ClaimStatus.active:
            raise ConflictError(f"Claim {claim_id!r} is not retracted.")
        fields = {**_editable(current), "status": "active"}
        fields.pop("retraction_reason", None)
        return _save(session, current, fields, action=ChangeAction.restored, actor=actor)


def add_relation(
    *, engine: Engine, claim_id: str, relation: Relation, expected: IfMatch, actor: str
) -> Claim:
    with writing(engine) as session:
        current = _current(session, claim_id, expected)
        if relation in current.relations:
            raise ConflictError(f"Claim {claim_id!r} has this relation already.")
        fields = _editable(current)
        fields["relations"] = [*fields["relations"], relation.model_dump(mode="json")]
        return _save(session, current, fields, action=ChangeAction.updated, actor=actor)


def remove_relation(
    *, engine: Engine, claim_id: str, relation: Relation, expected: IfMatch, actor: str
) -> Claim:
    with writing(engine) as session:
        current = _current(session, claim_id, expected)
        if relation not in current.relations:
            raise NotFoundError("relation", f"{claim_id} {relation.kind} {relation.target}")
        fields = _editable(current)
        fields["relations"] = [
            r.model_dump(mode="json") for r in current.relations if r != relation
        ]
        return _save(session, current, fields, action=ChangeAction.updated, actor=actor)


def _current(session: Session, claim_id: str, expected: IfMatch) -> Claim:
    row = session.get(tables.Claim, claim_id)
    if row is None:
        raise NotFoundError("claim", claim_id)
    expected.check(row.revision, f"Claim {claim_id!r}")
    return reads.claims_from_rows(session, [row])[0]


def _editable(claim: Claim) -> dict[str, Any]:
    """A claim's fields as a write starts from them: everything but what the API computes."""
    return claim.model_dump(mode="json", exclude=set(SERVED_ONLY))


def refuse_fields(body: dict[str, Any], names: tuple[str, ...], why: str) -> None:
    errors = [FieldError(location=f"body.{n}", message=why) for n in names if n in body]
    if errors:
        raise WriteRefused(errors)


def _invalid(exc: ValidationError) -> WriteRefused:
    """The schema's refusal of a record, one error per field, as a 422 names them."""
    return WriteRefused(
        [
            FieldError(location=f"body.{where}" if where else "body", message=message)
            for where, message in field_messages(exc)
        ]
    )


def _log(session: Session, entry: PendingChange, *, actor: str, at: datetime | None = None) -> None:
    changelog.record(session, [entry], actor=actor, at=at or datetime.now(UTC))


def _refused(field: str, message: str) -> WriteRefused:
    return WriteRefused(
        [FieldError(location=f"body.{field}" if field else "body", message=message)]
    )


def _save(
    session: Session,
    current: Claim | None,
    fields: dict[str, Any],
    *,
    action: ChangeAction,
    actor: str,
) -> Claim:
    """Validate `fields` as the claim replacing `current` (None: a new claim) and store it."""
    source = (
        session.get(tables.Source, fields["source"])
        if isinstance(fields.get("source"), str)
        else None
    )
    if source is not None:
        _find_offsets(fields, source.text)
    elif isinstance(fields.get("source"), str) and not {"start", "end"} & fields.keys():
        # No text to find the quote in: say why, rather than that offsets are missing.
        raise _refused("source", f"unknown source {fields['source']!r}")
    try:
        claim = CLAIM_ADAPTER.validate_python(fields)
    except ValidationError as exc:
        raise _invalid(exc) from None
    if current is not None and claim == current.model_copy(update={"revision": None}):
        return current  # nothing changed: no new revision, nothing to log
    _check(session, claim, current, source)

    now = datetime.now(UTC)
    revision = 1 if current is None else (current.revision or 0) + 1
    saved = served(claim, revision)
    row = {**claim_row(claim), "updated_at": now, "document": document(saved)}
    key = article_key(claim)
    if current is None:
        seq = seq_order.place(session, claim.id, key, None)
        session.execute(insert(tables.CLAIMS).values(**row, seq=seq, revision=revision))
    else:
        if key != article_key(current):
            stored = session.execute(
                select(tables.CLAIMS.c.seq).where(tables.CLAIMS.c.id == claim.id)
            ).scalar_one()
            row["seq"] = seq_order.place(session, claim.id, key, stored)
        session.execute(
            update(tables.CLAIMS)
            .where(tables.CLAIMS.c.id == claim.id)
            .values(**row, revision=revision)
        )
        session.execute(delete(tables.ClaimTag).where(col(tables.ClaimTag.claim_id) == claim.id))
        session.execute(
            delete(tables.ClaimRelation).where(col(tables.ClaimRelation.claim_id) == claim.id)
        )
    if claim.tags:
        session.execute(insert(tables.CLAIM_TAGS), tag_rows(claim))
    if claim.relations:
        session.execute(insert(tables.CLAIM_RELATIONS), relation_rows(claim))
    counts.recount(session, counts.touched_by(current, claim))
    session.expire_all()  # the ORM's copies of the rows are stale after the updates above
    record = changelog.claim_record(saved)
    _log(
        session,
        PendingChange(RecordKind.claim, claim.id, action, revision, record),
        actor=actor,
        at=now,
    )
    return saved


def _find_offsets(fields: dict[str, Any], text: str) -> None:
    """Give a quote without offsets the offsets of its one occurrence in the source."""
    quote = fields.get("quote")
    if not isinstance(quote, str) or not quote or "start" in fields or "end" in fields:
        return
    count = text.count(quote)
    if count == 1:
        fields["start"] = text.index(quote)
        fields["end"] = fields["start"] + len(quote)
    elif count == 0:
        raise _refused("quote", f"does not occur in source {fields['source']!r}")
    else:
        raise _refused("start", f"the quote occurs {count} times in the source: give start and end")


def _check(
    session: Session, claim: Claim, current: Claim | None, source: tables.Source | None
) -> None:
    """The loader's cross-record rules, on the claim and the stored claims they meet."""
    neighbours = _reachable(session, claim)
    # Ranks run 1..n per source: every source with a risk factor here brings all of its own.
    ranked = [claim, *neighbours.values(), *([current] if current else [])]
    for source_id in sorted({c.source for c in ranked if c.type is ClaimType.risk_factor}):
        rows = session.exec(
            select(tables.Claim).where(
                col(tables.Claim.source_id) == source_id,
                col(tables.Claim.type) == ClaimType.risk_factor.value,
            )
        ).all()
        neighbours.update((c.id, c) for c in reads.claims_from_rows(session, rows))
    neighbours.pop(claim.id, None)
    others = list(neighbours.values())
    # What the records being checked refer to, and the database holds: the rest of the
    # knowledge base, standing behind them.
    checked = [claim, *others]
    known = ExistingIds(
        sources=_stored(session, tables.Source.id, {c.source for c in checked}),
        tags=_stored(session, tables.Tag.slug, {t for c in checked for t in c.tags}),
        claims=_stored(session, tables.Claim.id, {r.target for c in checked for r in c.relations})
        - {claim.id},
    )
    problems = check_all(
        sources=[],
        texts={source.id: source.text} if source is not None else {},
        tags=[],
        claims=[RecordInFile("body", claim), *(RecordInFile("stored", c) for c in others)],
        known=known,
    )
    if problems:
        raise WriteRefused(
            [
                FieldError(
                    location=f"body.{p.field}" if p.file == "body" and p.field else "body",
                    message=p.message if p.file == "body" else f"{p.record}: {p.message}",
                )
                for p in problems
            ]
        )


def _stored(session: Session, key: Any, wanted: set[str]) -> frozenset[str]:
    """Which of `wanted` the table whose primary key is `key` holds."""
    found: set[str] = set()
    for part in chunks(sorted(wanted)):
        found.update(session.exec(select(key).where(key.in_(part))).all())
    return frozenset(found)


def _reachable(session: Session, claim: Claim) -> dict[str, Claim]:
    """The stored claims the claim's relations reach, through the kinds that may not loop."""
    kinds = [k.value for k in ACYCLIC_RELATIONS]
    seen: set[str] = {claim.id}
    frontier = deque(r.target for r in claim.relations if r.kind in ACYCLIC_RELATIONS)
    found: list[str] = []
    while frontier:
        batch = [t for t in dict.fromkeys(frontier) if t not in seen]
        frontier.clear()
        if not batch:
            break
        seen.update(batch)
        found += batch
        frontier.extend(
            session.exec(
                select(col(tables.ClaimRelation.target_id)).where(
                    col(tables.ClaimRelation.claim_id).in_(batch),
                    col(tables.ClaimRelation.kind).in_(kinds),
                )
            ).all()
        )
    rows = (
        session.exec(select(tables.Claim).where(col(tables.Claim.id).in_(found))).all()
        if found
        else []
    )
    return {c.id: c for c in reads.claims_from_rows(session, rows)}


# Tags and sources --------------------------------------------------------------------


def create_tag(*, engine: Engine, tag: TagRecord, actor: str) -> TagPublic:
    with writing(engine) as session:
        if session.get(tables.Tag, tag.slug) is not None:
            raise ConflictError(f"A tag with slug {tag.slug!r} exists already.")
        session.add(tables.Tag(**tag.model_dump(mode="json"), revision=1))
        record = changelog.tag_record(tag, 1)
        _log(
            session,
            PendingChange(RecordKind.tag, tag.slug, ChangeAction.created, 1, record),
            actor=actor,
        )
        return reads.get_tag(session=session, slug=tag.slug)


def update_tag(
    *, engine: Engine, slug: str, patch: TagPatch, expected: IfMatch, actor: str
) -> TagPublic:
    with writing(engine) as session:
        row = session.get(tables.Tag, slug)
        if row is None:
            raise NotFoundError("tag", slug)
        expected.check(row.revision, f"Tag {slug!r}")
        changes = patch.model_dump(mode="json", exclude_unset=True)
        nulls = [
            FieldError(location=f"body.{k}", message="may not be null")
            for k, v in changes.items()
            if v is None
        ]
        if nulls:
            raise WriteRefused(nulls)
        stored = row.model_dump(exclude={"revision"})
        try:
            tag = TagRecord.model_validate({**stored, **changes})
        except ValidationError as exc:
            raise _invalid(exc) from None
        if tag == TagRecord.model_validate(stored):
            return reads.get_tag(session=session, slug=slug)  # unchanged: nothing to log
        row.sqlmodel_update({**tag.model_dump(mode="json"), "revision": row.revision + 1})
        session.add(row)
        record = changelog.tag_record(tag, row.revision)
        entry = PendingChange(RecordKind.tag, slug, ChangeAction.updated, row.revision, record)
        _log(session, entry, actor=actor)
        return reads.get_tag(session=session, slug=slug)


def create_source(*, engine: Engine, source: SourceCreate, actor: str) -> SourceDetail:
    digest = sha256(source.text.encode("utf-8")).hexdigest()
    if source.sha256 is not None and source.sha256 != digest:
        raise _refused("sha256", f"the text's SHA-256 is {digest}, not the one given")
    with writing(engine) as session:
        if session.get(tables.Source, source.id) is not None:
            raise ConflictError(f"A source with id {source.id!r} exists already.")
        stored = source.model_copy(update={"sha256": digest})
        session.add(tables.Source(**stored.model_dump()))
        record = changelog.source_record(stored)
        _log(
            session,
            PendingChange(RecordKind.source, source.id, ChangeAction.created, None, record),
            actor=actor,
        )
        return reads.get_source(session=session, source_id=source.id)
