"""Loading data/: everything is checked first, then stored in one transaction.

Every way of breaking the data is refused with a message naming the file and the
record, and leaves the database exactly as it was.
"""

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Engine

from api.writes import loader
from api.writes.validation import DataError
from tests.helpers import ARTICLE_CLAIMS, CLAIMS_FILE, claim, edit_yaml, snapshot


def test_loading_fills_an_empty_database(engine: Engine, data_dir: Path) -> None:
    report = loader.load(engine=engine, data_dir=data_dir)

    assert report.changed["source"]["inserted"] == 1
    assert report.changed["claim"]["inserted"] == ARTICLE_CLAIMS
    assert report.changed["tag"]["inserted"] == 22
    assert report.summary().startswith("loaded: ")


def test_loading_twice_changes_nothing(engine: Engine, data_dir: Path) -> None:
    loader.load(engine=engine, data_dir=data_dir)
    before = snapshot(engine)

    report = loader.load(engine=engine, data_dir=data_dir)

    assert report.total_changes == 0
    assert report.summary() == "database already matches the data; nothing changed"
    assert snapshot(engine) == before


def test_reloading_edited_data_changes_only_what_was_edited(engine: Engine, data_dir: Path) -> None:
    loader.load(engine=engine, data_dir=data_dir)

    def retitle_and_untag(document: Any) -> None:
        claim(document, "botox-cosmetic-use")["title"] = "Botox in cosmetics"
        claim(document, "risk-factor-allergic-reactions")["tags"].remove("allergy")

    edit_yaml(data_dir, CLAIMS_FILE, retitle_and_untag)
    report = loader.load(engine=engine, data_dir=data_dir)

    assert report.changed["claim"] == {"inserted": 0, "updated": 1, "deleted": 0}
    assert report.changed["claim_tag"] == {"inserted": 0, "updated": 0, "deleted": 1}
    assert report.changed["source"] == {"inserted": 0, "updated": 0, "deleted": 0}


def test_a_claim_removed_from_data_is_removed_from_the_database(
    engine: Engine, data_dir: Path
) -> None:
    loader.load(engine=engine, data_dir=data_dir)

    def drop_monitoring(document: Any) -> None:
        document["claims"].remove(claim(document, "monitor-and-adjust-dosage-or-timing"))

    edit_yaml(data_dir, CLAIMS_FILE, drop_monitoring)
    report = loader.load(engine=engine, data_dir=data_dir)

    assert report.changed["claim"]["deleted"] == 1
    assert report.changed["claim_relation"]["deleted"] == 2  # its two `mitigates` links


def test_only_if_changed_skips_a_data_folder_already_loaded(engine: Engine, data_dir: Path) -> None:
    loader.load(engine=engine, data_dir=data_dir)

    assert loader.load(engine=engine, data_dir=data_dir, only_if_changed=True).skipped
    (data_dir / "tags.yaml").write_text((data_dir / "tags.yaml").read_text() + "\n# edited\n")
    assert not loader.load(engine=engine, data_dir=data_dir, only_if_changed=True).skipped


def _quote_broken(d: Any) -> None:
    claim(d, "risk-factor-allergic-reactions")["quote"] = (
        "In rare cases, individuals may have a severe allergic reaction to Botox, which can "
        "lead to an exacerbation of migraines or other symptoms."
    )


def _offset_moved(d: Any) -> None:
    claim(d, "risk-factor-inadequate-dosage")["start"] += 1
    claim(d, "risk-factor-inadequate-dosage")["end"] += 1


def _offset_past_end(d: Any) -> None:
    c = claim(d, "monitor-and-adjust-dosage-or-timing")
    c["start"], c["end"] = 5000, 5000 + len(c["quote"])


def _duplicate_id(d: Any) -> None:
    claim(d, "botox-cosmetic-use")["id"] = "botox-is-botulinum-toxin"


def _unknown_tag(d: Any) -> None:
    claim(d, "botox-cosmetic-use")["tags"].append("wrinkles")


def _unknown_relation_target(d: Any) -> None:
    claim(d, "conclusion-botox-can-make-migraines-worse-in-some-cases")["relations"][0][
        "target"
    ] = "risk-factor-sunburn"


def _bad_certainty(d: Any) -> None:
    claim(d, "risk-factor-allergic-reactions")["certainty"] = "proven"


def _bad_type(d: Any) -> None:
    claim(d, "botox-cosmetic-use")["type"] = "rumour"


def _hedge_not_in_quote(d: Any) -> None:
    claim(d, "risk-factor-allergic-reactions")["hedges"].append("rarely")


def _missing_rank(d: Any) -> None:
    del claim(d, "risk-factor-timing-of-treatment")["rank"]


def _repeated_rank(d: Any) -> None:
    claim(d, "risk-factor-timing-of-treatment")["rank"] = 1


def _unknown_field(d: Any) -> None:
    claim(d, "botox-cosmetic-use")["severity"] = "high"


def _unknown_source(d: Any) -> None:
    d["source"] = "another-article"


def _cycle(d: Any) -> None:
    claim(d, "risk-factor-allergic-reactions")["relations"].append(
        {"kind": "contributes_to", "target": "some-factors-can-contribute-to-worsening"}
    )
    claim(d, "some-factors-can-contribute-to-worsening")["relations"].append(
        {"kind": "contributes_to", "target": "risk-factor-allergic-reactions"}
    )


def _rank_gap(d: Any) -> None:
    claim(d, "risk-factor-timing-of-treatment")["rank"] = 99


def _offset_as_boolean(d: Any) -> None:
    claim(d, "botox-cosmetic-use")["start"] = True


def _rare_without_a_hedge(d: Any) -> None:
    claim(d, "risk-factor-inadequate-dosage")["certainty"] = "rare"


def _computed_field(d: Any) -> None:
    claim(d, "botox-cosmetic-use")["match"] = {"score": 1, "snippet": "x"}


REJECTIONS = {
    "a broken quote": (_quote_broken, "risk-factor-allergic-reactions", "quote does not match"),
    "a bad offset": (_offset_moved, "risk-factor-inadequate-dosage", "the quote occurs at 1894"),
    "an offset past the end": (_offset_past_end, "monitor-and-adjust", "past the end of source"),
    "a duplicate id": (_duplicate_id, "botox-is-botulinum-toxin", "id is used 2 times"),
    "an unknown tag": (_unknown_tag, "botox-cosmetic-use", "unknown tag 'wrinkles'"),
    "an unknown relation target": (
        _unknown_relation_target,
        "conclusion-botox",
        "unknown claim 'risk-factor-sunburn'",
    ),
    "a bad certainty": (
        _bad_certainty,
        "risk-factor-allergic-reactions",
        "certainty: Input should be",
    ),
    "a bad type": (_bad_type, "botox-cosmetic-use", "does not match any of the expected tags"),
    "a hedge the quote lacks": (
        _hedge_not_in_quote,
        "risk-factor-allergic",
        "'rarely' is not in the quote",
    ),
    "a risk factor without rank": (
        _missing_rank,
        "risk-factor-timing-of-treatment",
        "rank: Field required",
    ),
    "a repeated rank": (_repeated_rank, "risk-factor-timing-of-treatment", "rank 1 is used twice"),
    "an unknown field": (
        _unknown_field,
        "botox-cosmetic-use",
        "severity: Extra inputs are not permitted",
    ),
    "an unknown source": (
        _unknown_source,
        "claim 'botox-cosmetic-use'",
        "unknown source 'another-article'",
    ),
    "a relation cycle": (_cycle, "contributes_to loops", "risk-factor-allergic-reactions"),
    "a gap in the ranks": (_rank_gap, "risk-factor-timing-of-treatment", "rank 99 leaves a gap"),
    "an offset written as a boolean": (_offset_as_boolean, "botox-cosmetic-use", "start:"),
    "rare without a hedge saying so": (
        _rare_without_a_hedge,
        "risk-factor-inadequate-dosage",
        "certainty rare needs a hedge",
    ),
    "a computed field": (_computed_field, "botox-cosmetic-use", "sets match"),
}


@pytest.mark.parametrize("case", REJECTIONS, ids=list(REJECTIONS))
def test_bad_claims_are_refused_and_change_nothing(
    case: str, engine: Engine, data_dir: Path
) -> None:
    edit, record, message = REJECTIONS[case]
    loader.load(engine=engine, data_dir=data_dir)
    before = snapshot(engine)
    edit_yaml(data_dir, CLAIMS_FILE, edit)

    with pytest.raises(DataError) as refused:
        loader.load(engine=engine, data_dir=data_dir)

    text = str(refused.value)
    assert CLAIMS_FILE in text
    assert record in text
    assert message in text
    assert snapshot(engine) == before


def test_a_changed_source_text_is_refused_by_its_hash(engine: Engine, data_dir: Path) -> None:
    loader.load(engine=engine, data_dir=data_dir)
    before = snapshot(engine)
    text_file = data_dir / "sources" / "can-botox-for-migraines-make-them-worse.txt"
    text_file.write_bytes(text_file.read_bytes().replace(b"rare cases", b"some cases"))

    with pytest.raises(
        DataError, match=r"sources\.yaml: source 'can-botox.*has SHA-256 [0-9a-f]{64}, not"
    ):
        loader.load(engine=engine, data_dir=data_dir)
    assert snapshot(engine) == before


def test_a_duplicate_tag_and_an_unknown_tag_field_are_refused(
    engine: Engine, data_dir: Path
) -> None:
    def break_tags(tags: Any) -> None:
        tags.append(dict(tags[0]))
        tags[1]["colour"] = "red"

    edit_yaml(data_dir, "tags.yaml", break_tags)

    with pytest.raises(DataError) as refused:
        loader.load(engine=engine, data_dir=data_dir)
    assert "tags.yaml: tag 'botox': id is used 2 times" in str(refused.value)
    assert "tags.yaml: tag 'migraine': colour: Extra inputs are not permitted" in str(refused.value)
    assert snapshot(engine)["claim"] == []


def test_every_problem_is_reported_at_once(engine: Engine, data_dir: Path) -> None:
    def break_two(d: Any) -> None:
        _unknown_tag(d)
        _quote_broken(d)

    edit_yaml(data_dir, CLAIMS_FILE, break_two)

    with pytest.raises(DataError) as refused:
        loader.load(engine=engine, data_dir=data_dir)
    assert len(refused.value.problems) == 2


def test_unreadable_yaml_is_refused_naming_the_file(engine: Engine, data_dir: Path) -> None:
    (data_dir / "tags.yaml").write_text("- slug: botox\n  label: [unclosed\n")

    with pytest.raises(DataError, match=r"tags\.yaml: file: is not valid YAML"):
        loader.load(engine=engine, data_dir=data_dir)


def test_a_missing_data_folder_is_refused(engine: Engine, tmp_path: Path) -> None:
    with pytest.raises(DataError, match="is not a folder"):
        loader.load(engine=engine, data_dir=tmp_path / "nowhere")


def test_a_source_file_outside_the_data_folder_is_refused(engine: Engine, data_dir: Path) -> None:
    def escape(sources: Any) -> None:
        sources[0]["file"] = "../../etc/passwd"

    edit_yaml(data_dir, "sources.yaml", escape)

    with pytest.raises(DataError, match="is outside the data folder"):
        loader.load(engine=engine, data_dir=data_dir)


def test_a_failure_while_writing_rolls_everything_back(
    engine: Engine, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even past validation, a load is all or nothing."""
    loader.load(engine=engine, data_dir=data_dir)

    def retitle(d: Any) -> None:
        claim(d, "botox-cosmetic-use")["title"] = "Changed"

    edit_yaml(data_dir, CLAIMS_FILE, retitle)
    before = snapshot(engine)
    real_upsert = loader._upsert

    def fail_on_relations(session: Any, table: Any, *args: Any, **kwargs: Any) -> Any:
        if table.name == "claim_relation":
            raise RuntimeError("disk full")
        return real_upsert(session, table, *args, **kwargs)

    monkeypatch.setattr(loader, "_upsert", fail_on_relations)
    with pytest.raises(RuntimeError, match="disk full"):
        loader.load(engine=engine, data_dir=data_dir)
    assert snapshot(engine) == before


@pytest.mark.parametrize("content", ["", "# nothing here yet\n", "---\n"])
def test_an_emptied_claims_file_is_refused_not_taken_as_no_claims(
    content: str, engine: Engine, data_dir: Path
) -> None:
    loader.load(engine=engine, data_dir=data_dir)
    before = snapshot(engine)
    (data_dir / CLAIMS_FILE).write_text(content)

    with pytest.raises(DataError, match=r"claims/can-botox.*\.yaml: file: is empty"):
        loader.load(engine=engine, data_dir=data_dir)
    assert snapshot(engine) == before


def test_an_emptied_tags_file_is_one_problem_not_one_per_tag_use(
    engine: Engine, data_dir: Path
) -> None:
    (data_dir / "tags.yaml").write_text("")

    with pytest.raises(DataError) as refused:
        loader.load(engine=engine, data_dir=data_dir)
    assert [str(p).split(": ", 1)[1] for p in refused.value.problems] == ["file: is empty"]


def test_a_source_with_a_bad_hash_is_one_problem_not_one_per_claim(
    engine: Engine, data_dir: Path
) -> None:
    text_file = data_dir / "sources" / "can-botox-for-migraines-make-them-worse.txt"
    text_file.write_bytes(text_file.read_bytes() + b" ")

    with pytest.raises(DataError) as refused:
        loader.load(engine=engine, data_dir=data_dir)
    assert len(refused.value.problems) == 1


def test_an_impossible_date_is_refused_without_a_traceback(engine: Engine, data_dir: Path) -> None:
    path = data_dir / "sources.yaml"
    path.write_text(path.read_text().replace("published: null", "published: 2024-13-45"))

    with pytest.raises(DataError, match=r"sources\.yaml: source 'can-botox.*published: "):
        loader.load(engine=engine, data_dir=data_dir)


def test_a_key_given_twice_is_refused(engine: Engine, data_dir: Path) -> None:
    path = data_dir / CLAIMS_FILE
    path.write_text(
        path.read_text().replace(
            "  certainty: asserted\n", "  certainty: asserted\n  certainty: rare\n", 1
        )
    )

    with pytest.raises(DataError, match="key 'certainty' is given twice"):
        loader.load(engine=engine, data_dir=data_dir)


def test_json_claim_files_load_like_yaml_ones(engine: Engine, data_dir: Path) -> None:
    yaml_file = data_dir / CLAIMS_FILE
    document = yaml.safe_load(yaml_file.read_text())
    yaml_file.unlink()
    yaml_file.with_suffix(".json").write_text(json.dumps(document))

    report = loader.load(engine=engine, data_dir=data_dir)

    assert report.changed["claim"]["inserted"] == ARTICLE_CLAIMS


def test_editing_documentation_is_not_a_data_change(engine: Engine, data_dir: Path) -> None:
    loader.load(engine=engine, data_dir=data_dir)
    (data_dir / "README.md").write_text("edited")

    assert loader.load(engine=engine, data_dir=data_dir, only_if_changed=True).skipped
