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
from ...models.format_json_jsonld import FormatJsonJsonld
from ...models.knowledge_gap_claim import KnowledgeGapClaim
from ...models.mechanism_claim import MechanismClaim
from ...models.problem import Problem
from ...models.recommendation_claim import RecommendationClaim
from ...models.regulatory_claim import RegulatoryClaim
from ...models.risk_factor_claim import RiskFactorClaim
from ...models.safety_efficacy_claim import SafetyEfficacyClaim
from ...models.usage_claim import UsageClaim
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    claim_id: str,
    *,
    format_: FormatJsonJsonld | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/claims/{claim_id}".format(claim_id=quote(str(claim_id), safe=""),),
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Any | Problem | None:
    if response.status_code == 200:
        def _parse_response_200(data: object) -> AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim:
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

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())



        return response_406

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 431:
        response_431 = Problem.from_dict(response.json())



        return response_431

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    claim_id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: FormatJsonJsonld | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Any | Problem]:
    """ Get one claim

     One claim by its stable id, retracted or not; its `type` says which fields it has.

    Its ETag names its revision: send it back in If-Match to change the claim.

    Args:
        claim_id (str): The claim's id.
        format_ (FormatJsonJsonld | Unset): A response format this operation offers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Any | Problem]
     """


    kwargs = _get_kwargs(
        claim_id=claim_id,
format_=format_,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    claim_id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: FormatJsonJsonld | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Any | Problem | None:
    """ Get one claim

     One claim by its stable id, retracted or not; its `type` says which fields it has.

    Its ETag names its revision: send it back in If-Match to change the claim.

    Args:
        claim_id (str): The claim's id.
        format_ (FormatJsonJsonld | Unset): A response format this operation offers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Any | Problem
     """


    return sync_detailed(
        claim_id=claim_id,
client=client,
format_=format_,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    claim_id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: FormatJsonJsonld | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Any | Problem]:
    """ Get one claim

     One claim by its stable id, retracted or not; its `type` says which fields it has.

    Its ETag names its revision: send it back in If-Match to change the claim.

    Args:
        claim_id (str): The claim's id.
        format_ (FormatJsonJsonld | Unset): A response format this operation offers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Any | Problem]
     """


    kwargs = _get_kwargs(
        claim_id=claim_id,
format_=format_,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    claim_id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: FormatJsonJsonld | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Any | Problem | None:
    """ Get one claim

     One claim by its stable id, retracted or not; its `type` says which fields it has.

    Its ETag names its revision: send it back in If-Match to change the claim.

    Args:
        claim_id (str): The claim's id.
        format_ (FormatJsonJsonld | Unset): A response format this operation offers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdministrationClaim | AdverseEffectClaim | BackgroundClaim | BenefitClaim | ConclusionClaim | DefinitionClaim | KnowledgeGapClaim | MechanismClaim | RecommendationClaim | RegulatoryClaim | RiskFactorClaim | SafetyEfficacyClaim | UsageClaim | Any | Problem
     """


    return (await asyncio_detailed(
        claim_id=claim_id,
client=client,
format_=format_,
if_none_match=if_none_match,

    )).parsed
