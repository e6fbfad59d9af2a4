"""Takeaways are whole thoughts that state the point: the checker, the cutter, the penalties,
name resolution, and every takeaway of the seeds and samples checked end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from castdigest.cli import cli
from castdigest.condense import condense_episode
from castdigest.condense.budget import fit
from castdigest.condense.extractive import DEFAULT, features
from castdigest.condense.thoughts import (
    balanced,
    claim_score,
    cut_to_thought,
    dialogue_share,
    is_meta,
    is_whole_thought,
    points_back,
    repair,
    resolve,
    spoken_clauses,
)
from castdigest.config import CondenseConfig
from castdigest.models import Episode, Person, Transcript
from conftest import AS_OF, SAMPLES

# ------------------------------------------------------------------------------ checker


@pytest.mark.parametrize(
    ("text", "lang", "whole"),
    [
        ("The ferry now leaves at six because the tide turned.", "en", True),
        ("Measure cache correctness, not only cache hit rate", "en", True),
        ("The new harbour crane (built in Rotterdam…", "en", False),
        ("The new harbour crane lifts forty tonnes (a record", "en", False),
        ("The crew repainted the hull and the", "en", False),
        ("Costs fell by a third, while", "en", False),
        ('She called it "the quiet season.', "en", False),
        ("“We sail at dawn,” the captain said.", "en", True),
        ("Le port ferme à minuit pendant l'hiver.", "fr", True),
        ("Le port ferme à minuit pendant le", "fr", False),
        ("码头每天早上六点开放。", "zh", True),
        ("码头每天早上六点开放的", "zh", False),
        ("码头（新建的", "zh", False),
        ("부두는 매일 아침 여섯 시에 연다.", "ko", True),
        ("", "en", False),
    ],
)
def test_is_whole_thought(text: str, lang: str, whole: bool) -> None:
    assert is_whole_thought(text, lang) is whole


def test_an_ellipsis_counts_as_whole_only_where_the_source_has_it() -> None:
    text = "The list goes on: nets, ropes, buoys…"
    assert not is_whole_thought(text, "en")
    assert is_whole_thought(text, "en", source=f"Intro. {text} More.")
    other = "The list goes on: nets, ropes, buoys and sails."
    assert not is_whole_thought(text, "en", source=other)


def test_balanced() -> None:
    assert balanced("a (b [c] d) «e» “f”")
    assert not balanced("a (b]")
    assert not balanced('one "two')
    assert not balanced("a ) b (")


# ------------------------------------------------------------------------------ cutter


def test_cut_before_which_leaves_a_sentence() -> None:
    text = (
        "The harbour authority replaced every diesel tug with an electric one last spring, "
        "which cut the port's fuel bill by forty percent and made night work quieter for "
        "everyone living on the waterfront."
    )
    assert cut_to_thought(text, 20, "en") == (
        "The harbour authority replaced every diesel tug with an electric one last spring."
    )


def test_cut_at_a_semicolon_before_a_comma() -> None:
    text = (
        "Crews at the north quay rotate every four hours in winter; the night shift, which "
        "is shorter, gets an extra break, a hot meal and a ride home after midnight."
    )
    assert cut_to_thought(text, 16, "en") == (
        "Crews at the north quay rotate every four hours in winter."
    )


def test_cut_after_a_closing_bracket_keeps_brackets_balanced() -> None:
    text = (
        "The pilot boat (a converted trawler) handles every arrival at the outer buoy "
        "and relays weather reports to ships waiting beyond the breakwater for hours"
    )
    assert cut_to_thought(text, 8, "en") == "The pilot boat (a converted trawler)."


def test_no_boundary_means_no_takeaway() -> None:
    text = " ".join(["word"] * 40) + "."
    assert cut_to_thought(text, 20, "en") == ""
    assert fit(text, 20, "en") == ""


def test_chinese_cut_at_a_comma_ends_with_a_full_stop() -> None:
    head = "团队把所有柴油拖船换成了电动拖船，燃料费用因此下降了四成"
    text = head + "，夜间作业也安静了许多，周边居民很满意。"
    assert cut_to_thought(text, 14, "zh") == head + "。"


def test_repair_adds_a_full_stop_only_to_a_whole_clause() -> None:
    assert repair("Ships wait outside the breakwater", "en") == "Ships wait outside the breakwater."
    assert repair("Ships wait outside the", "en") == ""
    assert repair("船在防波堤外等待", "zh") == "船在防波堤外等待。"
    assert repair("Ships wait.", "en") == "Ships wait."


def test_fit_prefers_the_first_whole_sentence() -> None:
    text = (
        "All the harbour tugs are electric now. The port replaced every diesel tug last "
        "spring after two years of trials with three different battery suppliers."
    )
    assert fit(text, 10, "en") == "All the harbour tugs are electric now."


# ------------------------------------------------------------------------------ penalties


def test_points_back_per_language() -> None:
    assert points_back("He thinks the port will grow.", "en")
    assert points_back("But the port will grow.", "en")
    assert points_back("“They” said so.", "en")
    assert not points_back("Theodore thinks the port will grow.", "en")
    assert points_back("Cette décision change tout.", "fr")
    assert points_back("Pero el puerto crecerá.", "es")
    assert points_back("Dieser Hafen wächst.", "de")
    assert points_back("他认为港口会扩大。", "zh")
    assert points_back("그것은 항구의 문제다.", "ko")
    assert not points_back("港口会扩大。", "zh")


@pytest.mark.parametrize(
    ("text", "lang", "share"),
    [
        ("The port will dredge the north channel in May.", "en", 0.0),
        ("I think you know the port is getting busy.", "en", 2 / 9),
        ("I’m sure your crane is fine.", "en", 2 / 6),  # curly apostrophe
        ("India exports its tea from Kolkata.", "en", 0.0),  # not "i"
        ("J'ai dit que vous aviez raison.", "fr", 2 / 6),  # the elided "j'"
        ("Creo que tú tienes razón.", "es", 1 / 5),
        ("Ich glaube, der Hafen wächst.", "de", 1 / 5),
        ("我们觉得你说得对", "zh", 1 / 4),  # 我们 (we) is not the speaker alone
        ("Portua hazten ari da zuk esan bezala.", "eu", 0.0),  # no list: nothing counted
    ],
)
def test_share_of_words_naming_the_speakers(text: str, lang: str, share: float) -> None:
    assert dialogue_share(text, lang) == pytest.approx(share)


def test_meta_sentences() -> None:
    assert is_meta("In this episode we visit the harbour.", "en")
    assert is_meta("Welcome to Harbour Notes.", "en")
    assert is_meta("Ada's title is head of operations.", "en")
    assert is_meta("Ada Lund joins us from Oslo.", "en")
    assert is_meta("Le présentateur demande comment le port fonctionne.", "fr")
    assert is_meta("本期嘉宾分享了港口的经验。", "zh")
    assert is_meta("So my name is Ada and I joined the port in 2019.", "en")
    assert is_meta("Je m'appelle Ada et je dirige le port.", "fr")
    assert is_meta("Me llamo Ada y dirijo el puerto.", "es")
    assert is_meta("Mein Name ist Ada, ich leite den Hafen.", "de")
    assert is_meta("我叫林晓，负责港口的运营。", "zh")
    assert not is_meta("The port named its new crane after Ada.", "en")
    assert not is_meta("The harbour doubled its traffic in two years.", "en")


def test_claim_score() -> None:
    assert claim_score("Traffic doubled to 40 ships because rents fell.", "en") == 1.0
    assert claim_score("Traffic rose to 40 ships.", "en") == 0.5
    assert claim_score("The team decided to close on Sundays.", "en") == 0.5
    assert claim_score("The harbour is pretty.", "en") == 0.0
    assert claim_score("港口的吞吐量增长了40%。", "zh") == 0.5


def test_the_point_outranks_the_preamble() -> None:
    texts = [
        "Welcome to the show, in this episode our guest joins us to talk about harbours.",
        "The harbour cut fuel costs by 40 percent because every tug now runs on batteries.",
        "He said the harbour tugs run on batteries and fuel costs are lower.",
    ]
    relevance = features(texts, "en", weights=DEFAULT).relevance
    assert relevance[1] > relevance[0]
    assert relevance[1] > relevance[2]


# ------------------------------------------------------------------------------ names


def test_resolve_first_name_and_pronoun() -> None:
    people = ["Ada Lund", "Bo Kim"]
    assert resolve("Ada argues for smaller ships.", people, None, "en") == (
        "Ada Lund argues for smaller ships."
    )
    assert resolve("Ada's team runs the night shift.", people, None, "en") == (
        "Ada Lund's team runs the night shift."
    )
    assert resolve("Ada Lund argues.", people, None, "en") == "Ada Lund argues."
    assert resolve("He argues for smaller ships.", people, "Bo Kim", "en") == (
        "Bo Kim argues for smaller ships."
    )
    assert resolve("His crew sails at dawn.", people, "Bo Kim", "en") == (
        "Bo Kim's crew sails at dawn."
    )
    assert resolve("He argues.", people, None, "en") == "He argues."
    assert resolve("Hector argues.", people, "Bo Kim", "en") == "Hector argues."
    assert resolve("他认为港口会扩大。", [], "林晓", "zh") == "林晓认为港口会扩大。"


def test_condenser_prints_the_guests_full_name() -> None:
    episode = Episode(
        id="harbour-1",
        title="Harbour night shifts",
        language="en",
        guests=[Person(name="Ada Lund", role="guest")],
        abstract=(
            "Ada explains how the harbour moved every tug to batteries in one year. "
            "He says fuel costs fell by forty percent after the switch. "
            "Night crews now work in quiet because the engines make no noise."
        ),
    )
    result = condense_episode(episode, CondenseConfig())
    texts = [t.text for t in result.takeaways]
    assert "Ada Lund explains how the harbour moved every tug to batteries in one year." in texts
    assert "Ada Lund says fuel costs fell by forty percent after the switch." in texts


# ------------------------------------------------------------------------------ end to end


def _archive_episodes(tmp_path: Path, shared: Path) -> list[Episode]:
    db = str(tmp_path / "c.db")
    paths = [str(shared / "seeds"), str(SAMPLES / "pages"), str(SAMPLES / "feeds")]
    runner = CliRunner()
    ingest = runner.invoke(cli, ["ingest", "--db", db, *paths, "--as-of", AS_OF])
    assert ingest.exit_code == 0, ingest.output
    listed = runner.invoke(cli, ["episodes", "--db", db, "--json"])
    assert listed.exit_code == 0
    # `needs_review` is the archive's word on each episode, not a field of the Episode
    return [
        Episode.model_validate({k: v for k, v in e.items() if k != "needs_review"})
        for e in json.loads(listed.stdout)
    ]


def test_no_takeaway_of_the_seeds_and_samples_ends_mid_thought(
    shared: Path, tmp_path: Path
) -> None:
    episodes = _archive_episodes(tmp_path, shared)
    assert len(episodes) >= 20
    cut: list[str] = []
    count = 0
    for episode in episodes:
        source = episode.model_dump_json()
        for takeaway in condense_episode(episode, CondenseConfig()).takeaways:
            count += 1
            if not is_whole_thought(takeaway.text, episode.language, source):
                cut.append(takeaway.text)
    assert count >= 80
    assert cut == []


# ------------------------------------------------------------------------------ run-on speech


def _units(text: str, lang: str, limit: float = 30.0) -> list[str]:
    return [text[a:b] for a, b in spoken_clauses(text, lang, limit)]


def test_run_on_speech_splits_at_a_pause_before_a_new_clause() -> None:
    text = (
        "we moved the whole fleet to electric tugs last spring um so the fuel bill dropped by "
        "forty percent and the crews sleep better at night because the engines make no noise "
        "and then we started to look at the cranes"
    )
    assert _units(text, "en") == [
        "we moved the whole fleet to electric tugs last spring",
        "so the fuel bill dropped by forty percent and the crews sleep better at night "
        "because the engines make no noise and then we started to look at the cranes",
    ]


def test_run_on_speech_without_a_pause_splits_before_a_connective() -> None:
    text = (
        "the night shift at the north quay loads every container ship that arrives after "
        "dark but the day shift only handles the ferries and the small coastal freighters "
        "that dock before noon"
    )
    assert _units(text, "en", 20) == [
        "the night shift at the north quay loads every container ship that arrives after dark",
        "but the day shift only handles the ferries and the small coastal freighters that "
        "dock before noon",
    ]


def test_run_on_speech_in_french_and_chinese() -> None:
    text = (
        "le port a changé tous ses remorqueurs au printemps dernier euh donc la facture de "
        "carburant a baissé de quarante pour cent et les équipes dorment mieux la nuit"
    )
    assert _units(text, "fr", 20) == [
        "le port a changé tous ses remorqueurs au printemps dernier",
        "donc la facture de carburant a baissé de quarante pour cent et les équipes "
        "dorment mieux la nuit",
    ]
    zh = (
        "我们去年春天把所有的拖船都换成了电动的，"
        "所以燃料费用下降了百分之四十，然后夜班的工人也睡得更好了"
    )
    assert _units(zh, "zh", 15) == [
        "我们去年春天把所有的拖船都换成了电动的",
        "所以燃料费用下降了百分之四十，然后夜班的工人也睡得更好了",
    ]


def test_speech_within_the_limit_or_without_a_boundary_stays_whole() -> None:
    short = "we moved the fleet to electric tugs um so the bill dropped"
    assert _units(short, "en") == [short]
    endless = " ".join(["tugs"] * 50)
    assert _units(endless, "en") == [endless]
    assert _units(endless, "xx") == [endless]  # a language without clause data


def test_an_unpunctuated_transcript_gives_whole_clause_takeaways() -> None:
    said = (
        "we moved the whole fleet of tugs to batteries last spring um so the fuel bill of the "
        "port dropped by forty percent in a single year and the crews on the night shift "
        "sleep better because the engines make no noise at all um and then we started to "
        "look at the big cranes on the north quay which still burn diesel every single day "
        "of the week um but the cranes will be electric by the end of next year because the "
        "city decided to pay for half of the new cables and the port pays for the rest"
    )
    episode = Episode(
        id="tugs", title="Tugs", language="en", transcript=Transcript(text=said, segments=[])
    )
    result = condense_episode(episode, CondenseConfig())
    texts = [t.text for t in result.takeaways]
    # Each takeaway is one whole clause of what was said, never a piece cut at a word.
    clauses = {
        "We moved the whole fleet of tugs to batteries last spring.",
        "The fuel bill of the port dropped by forty percent in a single year and the crews on "
        "the night shift sleep better because the engines make no noise at all.",
        "Then we started to look at the big cranes on the north quay which still burn diesel "
        "every single day of the week.",
        "The cranes will be electric by the end of next year because the city decided to pay "
        "for half of the new cables and the port pays for the rest.",
    }
    assert len(texts) >= 2
    assert set(texts) <= clauses
