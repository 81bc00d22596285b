from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.administration_claim import AdministrationClaim
from ...models.adverse_effect_claim import AdverseEffectClaim
from ...models.background_claim import BackgroundClaim
from ...models.benefit_claim import BenefitClaim
from ...models.conclusion_claim import ConclusionClaim
from ...models.definition_claim import DefinitionClaim
from ...models.knowledge_gap_claim import KnowledgeGapClaim
from ...models.mechanism_claim import MechanismClaim
from ...models.problem import Problem
from ...models.recommendation_claim import RecommendationClaim
from ...models.regulatory_claim import RegulatoryClaim
from ...models.risk_factor_claim import RiskFactorClaim
from ...models.safety_efficacy_claim import SafetyEfficacyClaim
from ...models.usage_claim import UsageClaim
from typing import cast



def _get_kwargs(
    *,
    body: AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/claims",
    }

    
    if isinstance(body, BackgroundClaim):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, DefinitionClaim):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, UsageClaim):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, RegulatoryClaim):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, AdministrationClaim):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, BenefitClaim):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, KnowledgeGapClaim):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, MechanismClaim):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, SafetyEfficacyClaim):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, AdverseEffectClaim):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, RiskFactorClaim):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, ConclusionClaim):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()


    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Problem | None:
    if response.status_code == 201:
        def _parse_response_201(data: object) -> AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_claim_type_0 = BackgroundClaim.from_dict(data)



                return componentsschemas_claim_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_claim_type_1 = DefinitionClaim.from_dict(data)



                return componentsschemas_claim_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_claim_type_2 = UsageClaim.from_dict(data)



                return componentsschemas_claim_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_claim_type_3 = RegulatoryClaim.from_dict(data)



                return componentsschemas_claim_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_claim_type_4 = AdministrationClaim.from_dict(data)



                return componentsschemas_claim_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_claim_type_5 = BenefitClaim.from_dict(data)



                return componentsschemas_claim_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_claim_type_6 = KnowledgeGapClaim.from_dict(data)



                return componentsschemas_claim_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_claim_type_7 = MechanismClaim.from_dict(data)



                return componentsschemas_claim_type_7
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_claim_type_8 = SafetyEfficacyClaim.from_dict(data)



                return componentsschemas_claim_type_8
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_claim_type_9 = AdverseEffectClaim.from_dict(data)



                return componentsschemas_claim_type_9
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_claim_type_10 = RiskFactorClaim.from_dict(data)



                return componentsschemas_claim_type_10
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_claim_type_11 = ConclusionClaim.from_dict(data)



                return componentsschemas_claim_type_11
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_claim_type_12 = RecommendationClaim.from_dict(data)



            return componentsschemas_claim_type_12

        response_201 = _parse_response_201(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 431:
        response_431 = Problem.from_dict(response.json())



        return response_431

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim,

) -> Response[AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Problem]:
    """ Create a claim

     Add a claim, checked exactly as `kb load` checks data/: its quote must stand
    verbatim at its offsets in its source, its tags and relation targets must exist,
    its id must be new. A refused claim changes nothing; the 422 names each bad field.

    Args:
        body (AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim |
            ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim |
            RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim |
            UsageClaim):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim,

) -> AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Problem | None:
    """ Create a claim

     Add a claim, checked exactly as `kb load` checks data/: its quote must stand
    verbatim at its offsets in its source, its tags and relation targets must exist,
    its id must be new. A refused claim changes nothing; the 422 names each bad field.

    Args:
        body (AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim |
            ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim |
            RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim |
            UsageClaim):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim,

) -> Response[AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Problem]:
    """ Create a claim

     Add a claim, checked exactly as `kb load` checks data/: its quote must stand
    verbatim at its offsets in its source, its tags and relation targets must exist,
    its id must be new. A refused claim changes nothing; the 422 names each bad field.

    Args:
        body (AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim |
            ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim |
            RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim |
            UsageClaim):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Problem]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim,

) -> AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Problem | None:
    """ Create a claim

     Add a claim, checked exactly as `kb load` checks data/: its quote must stand
    verbatim at its offsets in its source, its tags and relation targets must exist,
    its id must be new. A refused claim changes nothing; the 422 names each bad field.

    Args:
        body (AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim |
            ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim |
            RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim |
            UsageClaim):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
