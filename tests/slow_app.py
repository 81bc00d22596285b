"""The API with one more read, whose query runs until something stops it: what a search
over far more data than a test can load looks like to the server."""

from sqlalchemy import text

from api.http.deps import SessionDep
from api.main import create_app

app = create_app()

FOREVER = {
    "sqlite": "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
    "SELECT max(x) FROM n",
    "postgresql": "SELECT pg_sleep(3600)",
}


@app.get("/slow-read")
def slow_read(session: SessionDep) -> None:
    session.execute(text(FOREVER[session.get_bind().dialect.name]))
