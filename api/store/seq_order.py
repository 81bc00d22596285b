"""Claim `seq` numbers ascend in article order, kept so by every writer of claims.

SQLite's full-text index hands a search's matches back in rowid order, and a claim's
rowid there is its `seq`. With `seq` ascending in article order (source, quote start,
quote end, id), a search page in article order reads its first matches and stops,
instead of looking up and sorting every match: the page's cost follows the page, not
the number of matches.

- A load numbers the claims it writes with `arrange`: it keeps every number it can
  (the longest run that already ascends), so a reload rewrites no index entry, and
  gives the rest numbers between their neighbours'.
- A curator's write numbers one claim with `place`: between its neighbours when they
  leave a number free; otherwise the claims around it are spread out, in a window that
  doubles until it has room (a handful of rows, however large the table).

Numbers start STEP apart and stay below INT_MAX, PostgreSQL's `integer`.
"""

from bisect import bisect_left
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import bindparam, func, literal, select, tuple_, update
from sqlmodel import Session

from api.store.engine import chunks
from api.store.tables import ARTICLE_COLUMNS, CLAIMS, INT_MAX

STEP = 1024
WINDOW_SPACING = 4
"""A window is spread out once it has this many numbers per claim in it."""


def spread(low: int, high: int, count: int) -> list[int]:
    """`count` ascending numbers strictly between `low` and `high`, evenly apart (there
    must be room: high - low > count)."""
    if high - low <= count:
        raise ValueError(f"no room for {count} numbers between {low} and {high}")
    return [low + (i + 1) * (high - low) // (count + 1) for i in range(count)]


def after(low: int, count: int) -> list[int]:
    """`count` numbers after `low`: STEP apart where the range allows, else evenly."""
    if low + count * STEP <= INT_MAX:
        return [low + (i + 1) * STEP for i in range(count)]
    return spread(low, INT_MAX + 1, count)


def arrange(current: Sequence[int | None]) -> list[int]:
    """Numbers for claims listed in article order, given the numbers they have now (None:
    none yet): ascending, keeping as many of the current ones as leave room for the rest."""
    kept = _with_room(current, _longest_ascending(current))
    numbers: list[int] = []
    low, waiting = 0, 0
    for position, number in enumerate(current):
        if position in kept and number is not None:
            numbers += spread(low, number, waiting) if waiting else []
            numbers.append(number)
            low, waiting = number, 0
        else:
            waiting += 1
    return numbers + after(low, waiting)


def _longest_ascending(current: Sequence[int | None]) -> list[int]:
    """Positions of a longest strictly ascending run of the present numbers."""
    tails: list[int] = []  # the smallest last number of an ascending run of each length
    tail_at: list[int] = []
    before: dict[int, int] = {}
    for position, number in enumerate(current):
        if number is None:
            continue
        length = bisect_left(tails, number)
        if length == len(tails):
            tails.append(number)
            tail_at.append(position)
        else:
            tails[length], tail_at[length] = number, position
        if length:
            before[position] = tail_at[length - 1]
    run: list[int] = []
    position_or_none: int | None = tail_at[-1] if tail_at else None
    while position_or_none is not None:
        run.append(position_or_none)
        position_or_none = before.get(position_or_none)
    return run[::-1]


def _with_room(current: Sequence[int | None], run: list[int]) -> set[int]:
    """The positions of `run` whose numbers leave room for the claims around them."""
    kept: list[tuple[int, int]] = []
    for position in run:
        number = current[position]
        assert number is not None
        last_position, last_number = kept[-1] if kept else (-1, 0)
        if number - last_number > position - last_position - 1:
            kept.append((position, number))
    while kept and INT_MAX - kept[-1][1] < len(current) - 1 - kept[-1][0]:
        kept.pop()
    return {position for position, _ in kept}


def place(session: Session, claim_id: str, key: Sequence[Any], current: int | None) -> int:
    """The number a claim with article `key` takes (its `current` one if that still fits),
    spreading out the claims around it when its neighbours leave none free."""
    span = 1
    while True:
        earlier = _neighbours(session, claim_id, key, before=True, count=span + 1)
        later = _neighbours(session, claim_id, key, before=False, count=span + 1)
        if span == 1:
            low = earlier[0][1] if earlier else 0
            high = later[0][1] if later else INT_MAX + 1
            if low >= high:
                return _unused(session)
            if current is not None and low < current < high:
                return current
            if not later and low < INT_MAX:
                return after(low, 1)[0]
            if high - low > 1:
                return spread(low, high, 1)[0]
        window = [*reversed(earlier[:span]), (claim_id, None), *later[:span]]
        low = earlier[span][1] if len(earlier) > span else 0
        high = later[span][1] if len(later) > span else INT_MAX + 1
        if low >= high:
            return _unused(session)
        if high - low > WINDOW_SPACING * len(window):
            numbers = spread(low, high, len(window))
            mine = window.index((claim_id, None))
            others = [(i, n) for (i, _), n in zip(window, numbers, strict=True) if i != claim_id]
            free(session, [claim_id, *(i for i, _ in others)])
            assign(session, others)
            return numbers[mine]
        if len(earlier) <= span and len(later) <= span:
            raise RuntimeError("no claim numbers left: more claims than INT_MAX allows")
        span *= 2


def _unused(session: Session) -> int:
    """A number no claim has, for a database that orders text otherwise than by code
    point (PostgreSQL with a language's collation): the numbers cannot follow its order
    there, and only SQLite's searches read them in order."""
    return int(session.execute(select(func.max(func.abs(CLAIMS.c.seq)))).scalar_one() or 0) + 1


def _neighbours(
    session: Session, claim_id: str, key: Sequence[Any], *, before: bool, count: int
) -> list[tuple[str, int]]:
    """(id, seq) of the `count` claims nearest `key` on one side, nearest first."""
    bound = tuple_(*(literal(v, type_=c.type) for c, v in zip(ARTICLE_COLUMNS, key, strict=True)))
    side = tuple_(*ARTICLE_COLUMNS) < bound if before else tuple_(*ARTICLE_COLUMNS) > bound
    order = [c.desc() if before else c.asc() for c in ARTICLE_COLUMNS]
    rows = session.execute(
        select(CLAIMS.c.id, CLAIMS.c.seq)
        .where(side, CLAIMS.c.id != claim_id)
        .order_by(*order)
        .limit(count)
    )
    return [(row.id, row.seq) for row in rows]


def free(session: Session, claim_ids: Collection[str]) -> None:
    """Take these claims' numbers back (negated: still unique) before their writer gives
    them new ones or deletes them, so no two claims ever share a number."""
    for part in chunks(sorted(claim_ids)):
        session.execute(update(CLAIMS).where(CLAIMS.c.id.in_(part)).values(seq=-CLAIMS.c.seq))


def assign(session: Session, numbers: Collection[tuple[str, int]]) -> None:
    """Give claims (whose numbers were freed) their new numbers."""
    if numbers:
        session.execute(
            update(CLAIMS)
            .where(CLAIMS.c.id == bindparam("claim_id"))
            .values(seq=bindparam("number")),
            [{"claim_id": claim_id, "number": number} for claim_id, number in numbers],
        )
