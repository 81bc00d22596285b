from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from api.http.deps import CuratorDep, EngineDep, PageDep, RecordFormat, SessionDep, SourceId
from api.http.negotiation import jsonld_alternative, render
from api.http.paging import envelope, location
from api.http.problems import WRITE_PROBLEMS, problem_responses
from api.http.strict_json import StrictJsonRoute
from api.records.pages import SourcePage
from api.records.vocabulary import SourceCreate, SourceDetail
from api.store import reads
from api.writes import curation

router = APIRouter(route_class=StrictJsonRoute, prefix="/v1/sources", tags=["sources"])


@router.get(
    "",
    summary="List sources",
    response_model=SourcePage,
    responses={**jsonld_alternative("JsonLdItemList"), **problem_responses(406, 422)},
)
def list_sources(
    request: Request, response: Response, session: SessionDep, fmt: RecordFormat, page: PageDep
) -> SourcePage | JSONResponse:
    """The texts claims are quoted from, by id; their full text is at `GET /v1/sources/{id}`."""
    items, total = reads.list_sources(session=session, limit=page.limit, offset=page.offset)
    found = envelope(SourcePage, request, response, items, total, page)
    return render(found, fmt, request, response)


@router.get(
    "/{source_id}",
    summary="Get one source with its text",
    response_model=SourceDetail,
    responses={**jsonld_alternative("JsonLdNode"), **problem_responses(404, 406, 422)},
)
def get_source(
    source_id: SourceId,
    session: SessionDep,
    fmt: RecordFormat,
    request: Request,
    response: Response,
) -> SourceDetail | JSONResponse:
    """A source with its full `text`: every claim's quote is `text[start:end]`, and `sha256`
    is the hash of the text's UTF-8 bytes, so a client can verify both."""
    source = reads.get_source(session=session, source_id=source_id)
    return render(source, fmt, request, response)


@router.post(
    "",
    summary="Add a source",
    status_code=201,
    response_model=SourceDetail,
    responses=problem_responses(*WRITE_PROBLEMS, 409),
)
def create_source(
    source: SourceCreate,
    request: Request,
    response: Response,
    engine: EngineDep,
    curator: CuratorDep,
) -> SourceDetail:
    """Add a source text that claims can then quote. The text is stored exactly as sent
    (its UTF-8 bytes hash to `sha256`); it cannot be edited later, since quotes index
    into it. The request body limit bounds its length."""
    created = curation.create_source(engine=engine, source=source, actor=curator)
    response.headers["Location"] = location(request, "get_source", source_id=source.id)
    return created
