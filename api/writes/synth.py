"""Synthetic knowledge bases for scale tests and benchmarks (`kb synth`).

The records are fake but shaped like the real ones: many sources, each a text of its
own with claims quoting its sentences at their true offsets, hedges that occur in
their quotes, ranked risk factors, relations and a vocabulary of tags with a long
tail. Everything passes `kb load`'s checks. Same seed, same data.
"""

import hashlib
import json
import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from api.records.fields import Certainty, ClaimType, MigraineEffect, RelationKind
from api.writes.progress import Progress, silent

CLAIMS_PER_SOURCE = 200
SYNTHETIC_TAGS = 300

_SUBJECTS = [
    "Botox",
    "the therapy",
    "this treatment",
    "the injection schedule",
    "a higher dose",
    "a lower dose",
    "the medication",
    "preventive treatment",
    "nerve block therapy",
    "the first session",
    "repeated injections",
    "the neurotoxin",
]
_OUTCOMES = [
    "more frequent migraine attacks",
    "longer headaches",
    "neck stiffness",
    "muscle weakness",
    "a drooping eyelid",
    "worse headache days",
    "fewer migraine days",
    "milder attacks",
    "reduced pain intensity",
    "sensitivity to light",
    "nausea during attacks",
    "rebound headaches",
    "an allergic response",
    "tension in the shoulders",
]
_CAUSES = [
    "Dosage that is too low",
    "Injections given too late",
    "Individual sensitivity",
    "An allergy to the toxin",
    "Skipping follow-up visits",
    "Overuse of pain relievers",
    "Poor sleep",
    "Hormonal changes",
    "Stress",
    "Dehydration",
    "Caffeine withdrawal",
]
_TARGETS = [
    "pain-carrying neurotransmitters",
    "sensory nerve endings",
    "inflammatory peptides",
    "muscle contraction signals",
    "trigeminal pain pathways",
]
_ACTIONS = ["blocking the release of", "dampening", "interrupting", "reducing the activity of"]
_AUTHORITIES = ["FDA", "EMA", "MHRA", "Health Canada", "TGA"]
_CONDITIONS = ["chronic migraines", "episodic migraines", "cluster headaches", "tension headaches"]
_SITES = ["the forehead and temples", "the back of the head", "the neck and shoulders"]
_ADVICE = [
    "keep a headache diary",
    "consult a neurologist",
    "review the dosage with a clinician",
    "report side effects promptly",
    "schedule follow-up visits",
]
_FILLER = [
    "Many readers ask about this.",
    "Experiences differ between patients.",
    "Research on this question continues.",
    "Clinics vary in their approach.",
    "This section summarises common questions.",
]


@dataclass
class _Claim:
    type: ClaimType
    title: str
    sentence: str
    certainty: Certainty
    hedges: list[str]
    effect: MigraineEffect
    fields: dict[str, Any]


def _risk_factor(rng: random.Random, rank: int) -> _Claim:
    cause, outcome = rng.choice(_CAUSES), rng.choice(_OUTCOMES[:6])
    if rng.random() < 0.2:
        sentence = f"In rare cases, {cause.lower()} may lead to {outcome}."
        return _Claim(
            ClaimType.risk_factor,
            cause,
            sentence,
            Certainty.rare,
            ["In rare cases", "may"],
            MigraineEffect.worsens,
            {"rank": rank, "outcome": outcome},
        )
    sentence = f"{cause} can potentially lead to {outcome} after treatment."
    return _Claim(
        ClaimType.risk_factor,
        cause,
        sentence,
        Certainty.possible,
        ["can potentially"],
        MigraineEffect.worsens,
        {"rank": rank, "outcome": outcome},
    )


def _other(rng: random.Random) -> _Claim:
    kind = rng.choice(
        [
            "benefit",
            "mechanism",
            "regulatory",
            "administration",
            "adverse",
            "recommendation",
            "background",
            "safety",
        ]
    )
    subject = rng.choice(_SUBJECTS)
    if kind == "benefit":
        outcome = rng.choice(_OUTCOMES[6:])
        return _Claim(
            ClaimType.benefit,
            f"{subject.capitalize()} may bring {outcome}",
            f"{subject.capitalize()} may help bring {outcome} for many patients.",
            Certainty.possible,
            ["may help", "many"],
            MigraineEffect.relieves,
            {},
        )
    if kind == "mechanism":
        target, action = rng.choice(_TARGETS), rng.choice(_ACTIONS)
        return _Claim(
            ClaimType.mechanism,
            f"Acting on {target}",
            f"It is believed that {subject} works by {action} {target}.",
            Certainty.hypothesized,
            ["It is believed"],
            MigraineEffect.neither,
            {"target": target, "action": action},
        )
    if kind == "regulatory":
        authority, condition = rng.choice(_AUTHORITIES), rng.choice(_CONDITIONS)
        return _Claim(
            ClaimType.regulatory,
            f"{authority} approval",
            f"The {authority} has approved {subject} for {condition}.",
            Certainty.asserted,
            [],
            MigraineEffect.neither,
            {"authority": authority, "indication": condition},
        )
    if kind == "administration":
        sites = rng.choice(_SITES)
        return _Claim(
            ClaimType.administration,
            "How it is given",
            f"Treatment involves injecting small doses into {sites}.",
            Certainty.asserted,
            [],
            MigraineEffect.neither,
            {"method": "injecting small doses", "sites": sites},
        )
    if kind == "adverse":
        outcome = rng.choice(_OUTCOMES[:6])
        return _Claim(
            ClaimType.adverse_effect,
            f"Possible {outcome}",
            f"In some instances {subject} may cause {outcome}.",
            Certainty.possible,
            ["may"],
            MigraineEffect.worsens,
            {},
        )
    if kind == "recommendation":
        advice = rng.choice(_ADVICE)
        return _Claim(
            ClaimType.recommendation,
            advice.capitalize(),
            f"Patients should {advice} when starting treatment.",
            Certainty.asserted,
            [],
            MigraineEffect.neither,
            {"action": advice},
        )
    if kind == "safety":
        return _Claim(
            ClaimType.safety_efficacy,
            "Generally well tolerated",
            f"{subject.capitalize()} is generally well tolerated by most adults.",
            Certainty.typical,
            ["generally"],
            MigraineEffect.neither,
            {},
        )
    return _Claim(
        ClaimType.background,
        "Migraine is common",
        f"Migraine affects people of every age, and {subject} is one option.",
        Certainty.asserted,
        [],
        MigraineEffect.neither,
        {},
    )


def synthesize(
    out: Path,
    *,
    claims: int,
    seed: int = 1,
    include: Path | None = None,
    progress: Progress = silent,
) -> int:
    """Write a data folder with `claims` synthetic claims (plus `include`'s data, if given).

    Returns how many claims were written in all.
    """
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "sources").mkdir(parents=True)
    (out / "claims").mkdir()
    sources: list[dict[str, Any]] = []
    tags: list[dict[str, Any]] = []
    total = 0
    if include is not None:
        sources = yaml.safe_load((include / "sources.yaml").read_text())
        tags = yaml.safe_load((include / "tags.yaml").read_text())
        for source in sources:
            shutil.copyfile(include / source["file"], out / source["file"])
        for claims_path in (include / "claims").glob("*.yaml"):
            shutil.copyfile(claims_path, out / "claims" / claims_path.name)
            total += len(yaml.safe_load(claims_path.read_text())["claims"])
    topic_tags = [f"topic-{i:03d}" for i in range(SYNTHETIC_TAGS)]
    tags += [
        {"slug": slug, "label": f"Topic {slug[-3:]}", "description": "A synthetic topic."}
        for slug in topic_tags
    ]
    base_tags = ["botox", "migraine", "dosage", "timing", "allergy", "safety", "efficacy"]
    weights = [1 / (i + 1) for i in range(len(topic_tags))]  # a long tail, as real tags have

    n_sources = max(1, -(-claims // CLAIMS_PER_SOURCE))
    for s in range(n_sources):
        if (made_so_far := s * CLAIMS_PER_SOURCE) and made_so_far % 10_000 == 0:
            progress(f"{made_so_far:,} of {claims:,} claims")
        source_id = f"synthetic-source-{s:05d}"
        count = min(CLAIMS_PER_SOURCE, claims - s * CLAIMS_PER_SOURCE)
        text, records = f"Synthetic article {s}", list[dict[str, Any]]()
        risk_factors = rng.randint(0, 6)
        for i in range(count):
            made = _risk_factor(rng, i + 1) if i < risk_factors else _other(rng)
            text += " " + rng.choice(_FILLER) + " "
            start = len(text)
            text += made.sentence
            record: dict[str, Any] = {
                "id": f"{source_id}-claim-{i:04d}",
                "type": made.type.value,
                "title": made.title,
                "statement": made.sentence,
                "quote": made.sentence,
                "start": start,
                "end": start + len(made.sentence),
                "certainty": made.certainty.value,
                "hedges": made.hedges,
                "migraine_effect": made.effect.value,
                "tags": sorted(
                    {
                        rng.choice(base_tags),
                        *rng.choices(topic_tags, weights=weights, k=rng.randint(1, 3)),
                    }
                ),
                **made.fields,
            }
            if i and rng.random() < 0.3:
                target = records[rng.randrange(len(records))]["id"]
                record["relations"] = [{"kind": RelationKind.follows_from.value, "target": target}]
            records.append(record)
        text_file = f"sources/{source_id}.txt"
        (out / text_file).write_text(text, encoding="utf-8")
        sources.append(
            {
                "id": source_id,
                "title": f"Synthetic article {s}",
                "file": text_file,
                "sha256": hashlib.sha256(text.encode()).hexdigest(),
                "media_type": "text/plain",
                "language": "en",
                "author": None,
                "published": None,
                "url": None,
            }
        )
        claims_file = out / "claims" / f"{source_id}.json"
        claims_file.write_text(json.dumps({"source": source_id, "claims": records}, indent=1))
        total += count
    _dump(out / "sources.yaml", sources)
    _dump(out / "tags.yaml", tags)
    return total


def _dump(path: Path, document: Any) -> None:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(yaml.dump(document, Dumper=dumper, sort_keys=False, allow_unicode=True))
