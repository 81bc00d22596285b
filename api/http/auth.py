"""API keys: who may write. Reads stay public.

A key is 256 random bits, shown once when made; the database keeps only its SHA-256.
Keys are random, not passwords, so one unsalted hash is enough: nobody can guess a
preimage, and looking a key up by its hash needs no scan.
"""

import hashlib
import hmac
import secrets
from datetime import UTC, datetime

from sqlalchemy import Engine, bindparam
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from api.store.key_reads import KeyReader
from api.store.tables import API_KEYS, ApiKey

PREFIX = "kbk_"
"""Marks our keys, so a leaked one is recognisable (secret scanners key on such prefixes)."""


class KeyNameTaken(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(f"a key named {name!r} exists already (revoked keys keep their names)")


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_key(engine: Engine, name: str) -> str:
    """Store a new key under `name` and return it: the only time it is ever seen."""
    key = PREFIX + secrets.token_urlsafe(32)
    with Session(engine) as session:
        if session.exec(select(ApiKey).where(col(ApiKey.name) == name)).first() is not None:
            raise KeyNameTaken(name)
        session.add(ApiKey(name=name, key_hash=_hash(key), created_at=datetime.now(UTC)))
        session.commit()
    return key


def list_keys(engine: Engine) -> list[ApiKey]:
    with Session(engine) as session:
        return list(session.exec(select(ApiKey).order_by(col(ApiKey.name))).all())


def revoke_key(engine: Engine, name: str) -> bool:
    """Revoke the key called `name`; False when there is no such active key."""
    with Session(engine) as session:
        key = session.exec(
            select(ApiKey).where(col(ApiKey.name) == name, col(ApiKey.revoked_at).is_(None))
        ).first()
        if key is None:
            return False
        key.revoked_at = datetime.now(UTC)
        session.add(key)
        session.commit()
    return True


KEY_BY_HASH = sa_select(API_KEYS.c.key_hash, API_KEYS.c.name).where(
    API_KEYS.c.key_hash == bindparam("digest"), API_KEYS.c.revoked_at.is_(None)
)


async def key_owner(reader: KeyReader, presented: str) -> str | None:
    """The name of the active key `presented` is, or None.

    Read on the event loop, through no pooled connection: a write then holds one
    connection, its own, and nothing sits idle in a transaction while it runs.
    """
    digest = _hash(presented)
    stored = await reader.first(KEY_BY_HASH, {"digest": digest})
    # The lookup compares hashes, which reveals nothing about a key; the final check is
    # constant-time all the same, so timing never depends on how much of a key is right.
    if stored is None or not hmac.compare_digest(stored.key_hash, digest):
        return None
    return str(stored.name)
