"""The condense stage on the seed pages and on hand-written episodes in four languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from castdigest.condense import Budget, Condenser, ExtractiveCondenser, condense_episode
from castdigest.condense import settings_hash as condense_settings_hash
from castdigest.condense.clean import clean_spoken, match_key, tidy
from castdigest.condense.links import deep_link, media_url
from castdigest.config import CondenseConfig
from castdigest.models import (
    Chapter,
    Condensed,
    Episode,
    Person,
    Provenance,
    Quote,
    Segment,
    Transcript,
)
from castdigest.readers.registry import read_path
from castdigest.text.truncate import count_words
from conftest import AS_OF, seed

CONFIG = CondenseConfig()


def _first_names(text: str, episode: Episode) -> str:
    """`text` with each credited full name back to the first name alone."""
    for person in (*episode.hosts, *episode.guests, *episode.people):
        text = text.replace(person.name, person.name.split()[0])
    return text


def read_seed(prefix: str) -> list[Episode]:
    _, episodes = read_path(seed(prefix), as_of=AS_OF)
    return episodes


# ------------------------------------------------------------------------------ seed pages


def test_003_takeaways_are_its_own_key_takeaways(shared: Path) -> None:
    (episode,) = read_seed("003")
    assert len(episode.takeaways) == 6
    result = condense_episode(episode, CONFIG)
    assert result.source == "takeaways"
    assert len(result.takeaways) == 5
    for t in result.takeaways:
        assert t.provenance is Provenance.SOURCE
        assert t.text in episode.takeaways  # each is short enough to be kept whole
    texts = [t.text for t in result.takeaways]
    assert texts == [t for t in episode.takeaways if t in texts]  # the page's order
    assert result.blurb.startswith("Emma from OpenAI (2023 hire) leads the data platform")


def test_003_quotes_keep_the_attributed_speaker_and_name_nobody_else(shared: Path) -> None:
    (episode,) = read_seed("003")
    result = condense_episode(episode, CONFIG.model_copy(update={"quotes": 5}))
    assert len(result.quotes) == 5
    by_text = {q.text: q for q in result.quotes}
    hands_off = next(t for t in by_text if t.startswith("We're completely hands-off."))
    assert by_text[hands_off].speaker == "Emma"
    # "—Optimism about rapid progress ..." attributes the quote to nobody.
    optimism = next(t for t in by_text if t.startswith("The models are getting really good."))
    assert by_text[optimism].speaker is None
    assert all(not q.text.startswith('"') and not q.text.endswith('"') for q in result.quotes)


def test_003_takeaways_with_a_word_budget(shared: Path) -> None:
    (episode,) = read_seed("003")
    result = condense_episode(episode, CONFIG, max_words=60)
    assert sum(count_words(t.text) for t in result.takeaways) <= 60
    assert len(result.takeaways) == 3  # as many whole takeaways as fit


def test_listing_episode_with_chapters_gets_chapter_takeaways_spread_over_them(
    shared: Path,
) -> None:
    episode = read_seed("001")[0]
    assert not episode.takeaways and len(episode.chapters) == 19
    result = condense_episode(episode, CONFIG)
    assert result.source == "chapters"
    assert len(result.takeaways) == 5
    indexes = [t.chapter_index for t in result.takeaways]
    assert all(i is not None for i in indexes)
    assert indexes == sorted(set(indexes))  # distinct chapters, in episode order
    first, last = indexes[0], indexes[-1]
    assert first is not None and last is not None
    assert first < 19 / 3 and last >= 2 * 19 / 3  # from the start to the end
    for t in result.takeaways:
        assert t.provenance is Provenance.CHAPTER
        chapter = episode.chapters[t.chapter_index or 0]
        assert t.chapter == chapter.title
        assert t.offset == chapter.start
        # A first name alone is printed as the full name the episode credits.
        assert match_key(_first_names(t.text, episode)) in match_key(chapter.summary or "")
        assert count_words(t.text) <= 30


def test_listing_quotes_say_their_chapter_and_their_one_guest(shared: Path) -> None:
    episode = read_seed("001")[0]
    result = condense_episode(episode, CONFIG)
    assert len(result.quotes) == 2
    holders = []
    for q in result.quotes:
        holder = next(c for c in episode.chapters if any(x.text == q.text for x in c.quotes))
        holders.append(episode.chapters.index(holder))
        # The listing gives no time of its own: the chapter is said, not its start.
        assert (q.offset, q.chapter) == (None, holder.title)
        # One guest, and nothing says a quote is someone else's.
        assert [p.name for p in episode.guests] == [q.speaker]
    assert holders == sorted(holders) and holders[-1] > len(episode.chapters) / 2


def test_listing_episode_without_body_condenses_to_its_title(shared: Path) -> None:
    bare = next(ep for ep in read_seed("001") if not ep.chapters and not ep.abstract)
    result = condense_episode(bare, CONFIG)
    assert result.takeaways == [] and result.quotes == []
    assert result.blurb == bare.title


def test_french_page_keeps_takeaways_within_thirty_words(shared: Path) -> None:
    (episode,) = read_seed("000")
    result = condense_episode(episode, CONFIG)
    assert [t.provenance for t in result.takeaways] == [Provenance.SOURCE] * 5
    for t in result.takeaways:
        assert count_words(t.text) <= 30
        assert match_key(t.text) in match_key(" ".join(episode.takeaways))


# ------------------------------------------------------------------------------ transcripts

ENGLISH_TURNS = [
    ("Host", "Welcome back to the show. Today we talk about shipping software with agents."),
    (
        "Ada",
        "Um, so we we moved our release process to agents last spring, and uh the release "
        "now takes 40 minutes instead of two days.",
    ),
    ("Host", "How did the review process change for your team?"),
    (
        "Ada",
        "We split review between two separate agents, one that writes code and one that "
        "reviews it, because a single model should never approve its own change.",
    ),
    ("Host", "Yeah. Right. Exactly."),
    (
        "Ada",
        "I think the biggest risk is the platform layer, since the storage cluster was built "
        "for human traffic and agents send ten times more queries.",
    ),
    (
        "Ada",
        "Our eval suite runs every new model against 300 real tickets before we trust it with "
        "production work.",
    ),
]


def english_episode() -> Episode:
    segments = [
        Segment(text=text, speaker=speaker, start=60.0 * i, end=60.0 * i + 50)
        for i, (speaker, text) in enumerate(ENGLISH_TURNS)
    ]
    return Episode(
        id="en1",
        title="Agents in the release pipeline",
        language="en",
        hosts=[Person(name="Host", role="host")],
        urls=["https://www.youtube.com/watch?v=abc123"],
        transcript=Transcript(text="\n\n".join(s.text for s in segments), segments=segments),
    )


def test_transcript_takeaways_are_clean_in_order_with_offsets_and_speakers() -> None:
    episode = english_episode()
    result = condense_episode(episode, CONFIG)
    assert result.source == "transcript"
    assert 3 <= len(result.takeaways) <= 5
    texts = [t.text for t in result.takeaways]
    assert (
        "We moved our release process to agents last spring, and the release now takes 40 "
        "minutes instead of two days."
    ) in texts  # fillers, stutter and opening "so" gone
    assert not any(t.endswith("?") for t in texts)
    assert not any(t.startswith(("Yeah", "Welcome")) for t in texts)
    offsets = [t.offset or 0.0 for t in result.takeaways]
    assert offsets == sorted(offsets)  # order of appearance
    for t in result.takeaways:
        turn = round((t.offset or 0.0) / 60)
        assert t.speaker == ENGLISH_TURNS[turn][0]
        assert t.provenance is Provenance.TRANSCRIPT


def test_transcript_quotes_are_first_person_whole_sentences_with_deep_links() -> None:
    episode = english_episode()
    result = condense_episode(episode, CONFIG.model_copy(update={"quotes": 2}))
    assert len(result.quotes) == 2
    for quote in result.quotes:
        turn = round((quote.offset or 0.0) / 60)
        speaker, said = ENGLISH_TURNS[turn]
        assert quote.speaker == speaker == "Ada"
        assert quote.text == tidy(said, "en")  # a whole sentence, fillers dropped
        assert quote.text.startswith(("I ", "We ", "Our "))
        assert quote.link == f"https://www.youtube.com/watch?v=abc123&t={turn * 60}"


def test_korean_episode_sentence_boundaries_and_budget() -> None:
    turns = [
        "안녕하세요, 오늘은 데이터 플랫폼 이야기를 합니다. "
        "저희 팀은 작년에 배포 과정을 자동화했습니다.",
        "음, 그래서 이제 에이전트가 매일 밤 테스트를 돌리고 문제를 스스로 고칩니다. "
        "정말 놀라운 변화였어요!",
        "하지만 플랫폼 팀의 부담은 커졌습니다. "
        "코드가 열 배 빨리 늘어나기 때문에 검토 체계를 새로 만들어야 합니다.",
        "마지막으로, 새로운 모델이 나오면 평가 세트로 먼저 시험합니다. "
        "그래야 안전하게 쓸 수 있습니다.",
    ]
    sentences = {
        "안녕하세요, 오늘은 데이터 플랫폼 이야기를 합니다.",
        "저희 팀은 작년에 배포 과정을 자동화했습니다.",
        "이제 에이전트가 매일 밤 테스트를 돌리고 문제를 스스로 고칩니다.",
        "정말 놀라운 변화였어요!",
        "하지만 플랫폼 팀의 부담은 커졌습니다.",
        "코드가 열 배 빨리 늘어나기 때문에 검토 체계를 새로 만들어야 합니다.",
        "마지막으로, 새로운 모델이 나오면 평가 세트로 먼저 시험합니다.",
        "그래야 안전하게 쓸 수 있습니다.",
    }
    episode = Episode(
        id="ko1",
        title="데이터 플랫폼과 에이전트",
        language="ko",
        transcript=Transcript(text="\n\n".join(turns), segments=[Segment(text=t) for t in turns]),
    )
    result = condense_episode(episode, CONFIG, max_words=40)
    texts = [t.text for t in result.takeaways]
    assert 3 <= len(texts) <= 5
    assert sum(count_words(t) for t in texts) <= 40
    assert set(texts) <= sentences  # whole sentences, cut at their full stops
    assert len({t.split()[0] for t in texts}) == len(texts)
    assert all(count_words(t) <= 30 for t in texts)  # 60 characters each at most


def test_chinese_episode_sentence_boundaries_and_budget() -> None:
    turns = [
        "大家好，今天我们聊一聊数据平台。我们团队去年把发布流程全部自动化了！",
        "嗯，然后现在代理每天晚上跑测试，发现问题就自己修复。这是一个很大的变化。",
        "但是平台团队的压力变大了，因为代码增长的速度快了十倍，所以我们必须重新设计审查流程。",
        "最后，每次有新模型发布，我们都先用评测集测试三百个真实工单，然后才放到生产环境里使用。",
    ]
    episode = Episode(
        id="zh1",
        title="数据平台与代理",
        language="zh",
        transcript=Transcript(text="\n\n".join(turns), segments=[Segment(text=t) for t in turns]),
    )
    result = condense_episode(episode, CONFIG, max_words=45)
    texts = [t.text for t in result.takeaways]
    assert 2 <= len(texts) <= 5
    assert sum(count_words(t) for t in texts) <= 45
    for text in texts:
        assert count_words(text) <= 30
        assert text.endswith(("。", "！", "…"))
        assert not text.startswith(("嗯", "然后"))
    source = match_key(episode.transcript.text if episode.transcript else "", "zh")
    assert all(match_key(t, "zh") in source for t in texts)


def test_chapters_without_summaries_fall_back_to_the_abstract() -> None:
    episode = Episode(
        id="ab1",
        title="A talk",
        language="en",
        abstract=(
            "The team rebuilt its storage layer in six weeks. They moved every service to one "
            "queue. Latency dropped by half across the fleet. The next step is a second region."
        ),
        chapters=[Chapter(title="Intro", start=0), Chapter(title="Storage", start=90)],
    )
    result = condense_episode(episode, CONFIG)
    assert result.source == "abstract"
    # "They moved ..." does not say who on its own: it is not chosen.
    assert [t.provenance for t in result.takeaways] == [Provenance.ABSTRACT] * 3
    assert not any(t.text.startswith("They") for t in result.takeaways)
    assert result.blurb == "The team rebuilt its storage layer in six weeks."


def test_few_source_takeaways_are_topped_up_without_repeating_them() -> None:
    episode = Episode(
        id="tu1",
        title="Short page",
        language="en",
        takeaways=["The team rebuilt its storage layer in six weeks."],
        abstract=(
            "The team rebuilt its storage layer in six weeks. Every service now reads from a "
            "single durable queue. Latency dropped by half for customers in Europe."
        ),
    )
    result = condense_episode(episode, CONFIG)
    assert [t.provenance for t in result.takeaways] == [
        Provenance.SOURCE,
        Provenance.ABSTRACT,
        Provenance.ABSTRACT,
    ]
    assert result.source == "takeaways+abstract"
    assert len({t.text for t in result.takeaways}) == 3


def test_near_duplicate_source_takeaways_are_dropped() -> None:
    episode = Episode(
        id="dd1",
        title="Dupes",
        language="en",
        takeaways=[
            "Agents now write most of the release notes for the platform team.",
            "Agents now write most of the release notes for the platform team!",
            "The storage cluster needs a second region before the holidays.",
            "Review is split between a writing agent and a reviewing agent.",
        ],
    )
    result = condense_episode(episode, CONFIG)
    assert len(result.takeaways) == 3


def test_takeaways_do_not_repeat_the_quotes_shown_while_there_is_other_material() -> None:
    """An article's best sentences are often its quotes: they go under quotes, once."""
    episode = Episode(
        id="aq1",
        title="How a team cut its deploy time",
        language="en",
        abstract=(
            "“We ran the same integration suite in three different test stages,” the lead said. "
            "Removing the repeated stages saved twenty minutes of every deploy. "
            "“Nobody had looked at the whole pipeline at once for years.” "
            "Caching dependencies between runs did most of the rest. "
            "Migrations now run in an earlier step that stops a deploy before any server changes."
        ),
        quotes=[
            Quote(text="We ran the same integration suite in three different test stages"),
            Quote(text="Nobody had looked at the whole pipeline at once for years."),
        ],
    )
    result = condense_episode(episode, CONFIG)
    assert [q.text for q in result.quotes] == [
        "We ran the same integration suite in three different test stages",
        "Nobody had looked at the whole pipeline at once for years.",
    ]
    assert [t.text for t in result.takeaways] == [
        "Removing the repeated stages saved twenty minutes of every deploy.",
        "Caching dependencies between runs did most of the rest.",
        "Migrations now run in an earlier step that stops a deploy before any server changes.",
    ]
    # with every sentence a quote, the takeaways repeat them rather than go empty
    only_quotes = episode.model_copy(
        update={"abstract": "“Nobody had looked at the whole pipeline at once for years.”"}
    )
    (takeaway,) = condense_episode(only_quotes, CONFIG).takeaways
    assert "Nobody had looked" in takeaway.text


def test_explicit_quote_found_in_transcript_gets_speaker_and_offset() -> None:
    episode = english_episode().model_copy(
        update={
            "quotes": [
                Quote(
                    text="“Our eval suite runs every new model against 300 real tickets before "
                    "we trust it with production work.”"
                )
            ]
        }
    )
    (quote,) = condense_episode(episode, CONFIG).quotes
    assert quote.text.startswith("Our eval suite")
    assert quote.speaker == "Ada"
    assert quote.offset == 360.0
    assert quote.link == "https://www.youtube.com/watch?v=abc123&t=360"


def test_attribution_naming_two_people_names_nobody() -> None:
    episode = Episode(
        id="q2",
        title="Two voices",
        guests=[Person(name="Ada Lovelace"), Person(name="Grace Hopper")],
        quotes=[
            Quote(
                text="We shipped the new storage engine on launch day.",
                context="Ada Lovelace and Grace Hopper on launch day",
            )
        ],
    )
    (quote,) = condense_episode(episode, CONFIG).quotes
    assert quote.speaker is None


def test_condenser_protocol_can_be_swapped_and_settings_hash_is_stable() -> None:
    class Echo:
        name = "echo"

        def condense(self, episode: Episode, budget: Budget) -> Condensed:
            return Condensed(
                episode_id=episode.id, title=episode.title, blurb=str(budget.takeaways)
            )

    plugged: Condenser = Echo()
    out = condense_episode(Episode(title="t"), CONFIG, takeaways=2, condenser=plugged)
    assert out.blurb == "2"
    assert isinstance(ExtractiveCondenser(), Condenser)
    assert condense_settings_hash(CONFIG) == condense_settings_hash(CondenseConfig())
    assert condense_settings_hash(CONFIG) != condense_settings_hash(CondenseConfig(takeaways=4))


def test_condensed_output_is_deterministic(shared: Path) -> None:
    episode = read_seed("001")[1]
    first = condense_episode(episode, CONFIG).model_dump_json()
    assert all(condense_episode(episode, CONFIG).model_dump_json() == first for _ in range(3))


# ------------------------------------------------------------------------------ helpers


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Um, so we we moved it.", "We moved it."),
        ("Yeah, I I can dig into this as well.", "I can dig into this as well."),
        ("in terms of just on the on the data front", "In terms of just on the data front"),
        ("And the agent {disfmarker} does it , you know , well .", "The agent does it, well."),
        ("Euh, donc on a, euh, construit un outil.", "On a construit un outil."),
        (
            "Eh in twelve minutes I found eh a thousand events.",
            "In twelve minutes I found a thousand events.",
        ),
    ],
)
def test_tidy_removes_fillers_stutters_and_opening_markers(raw: str, clean: str) -> None:
    language = "fr" if raw.startswith("Euh") else "en"
    assert tidy(raw, language) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # meeting transcripts' notations: contractions in two tokens, letters spelled out
        (
            "So we 're putting it 's L_C_D_ screen on T_V_s.",
            "We're putting it's LCD screen on TVs.",
        ),
        # a word broken off and begun again; common words before a longer one stay
        ("Des design a new remote control.", "Design a new remote control."),
        ("We ate pre-prepared food.", "We ate pre-prepared food."),
        ("'Kay, and just to reiterate the plan.", "Just to reiterate the plan."),
        # an address to the chair opens a committee's every answer
        (
            "Mr. Chair, the measures we've put forward help workers.",
            "The measures we've put forward help workers.",
        ),
        (
            "We are lim limiting the mult multi-channel data.",
            "We are limiting the multi-channel data.",
        ),
        (
            "In instead of a scroll, the theory is an answer.",
            "In instead of a scroll, the theory is an answer.",
        ),
    ],
)
def test_tidy_meeting_notations_and_broken_off_words(raw: str, clean: str) -> None:
    assert tidy(raw, "en") == clean


def test_spaced_script_cleaning_leaves_cjk_text_alone() -> None:
    assert clean_spoken("我们 L_C_D_ 产 产品", "zh") == "我们 L_C_D_ 产 产品"


def test_clean_spoken_chinese_fillers_and_repeats() -> None:
    assert (
        clean_spoken("嗯，我们就是就是讨论一下对对对这个问题。", "zh")
        == "我们就是讨论一下对这个问题。"
    )


@pytest.mark.parametrize(
    ("url", "offset", "link"),
    [
        (
            "https://www.youtube.com/watch?v=x1&t=5s",
            1041.6,
            "https://www.youtube.com/watch?v=x1&t=1041",
        ),
        ("https://youtu.be/x1", 1041, "https://youtu.be/x1?t=1041"),
        ("https://vimeo.com/42", 61, "https://vimeo.com/42#t=61s"),
        ("https://example.org/ep/7#top", 61, None),  # a site not known to take a time
        ("https://example.org/ep/7.mp3", 61, "https://example.org/ep/7.mp3#t=61"),
        ("https://soundcloud.com/a/b", 3723, "https://soundcloud.com/a/b#t=1:02:03"),
        ("javascript:alert(1)", 61, None),
        ("https://example.org/ep/7", None, "https://example.org/ep/7"),
    ],
)
def test_deep_links(url: str, offset: float | None, link: str | None) -> None:
    assert deep_link(url, offset) == link


def test_media_url_prefers_a_video_platform() -> None:
    urls = ["ftp://x", "https://example.org/ep", "https://youtu.be/abc"]
    assert media_url(urls) == "https://youtu.be/abc"
    assert media_url(["ftp://x"]) is None


def test_json_round_trip_of_condensed() -> None:
    result = condense_episode(english_episode(), CONFIG)
    assert Condensed.model_validate(json.loads(result.model_dump_json())) == result


def test_real_chinese_meeting_segment_respects_the_budget(shared: Path) -> None:
    line = (shared / "eval" / "vcsum-short-dev.jsonl").read_text(encoding="utf-8").splitlines()[0]
    paragraphs = ["".join(p) for p in json.loads(line)["context"]]
    episode = Episode(
        id="vc0",
        title="meeting",
        language="zh",
        transcript=Transcript(
            text="\n\n".join(paragraphs), segments=[Segment(text=p) for p in paragraphs]
        ),
    )
    result = condense_episode(episode, CONFIG, max_words=75)
    texts = [t.text for t in result.takeaways]
    assert len(texts) >= 3
    assert sum(count_words(t) for t in texts) <= 75
    source = match_key(episode.transcript.text if episode.transcript else "", "zh")
    for text in texts:
        assert count_words(text) <= 30
        assert text.endswith(("。", "！", "？", "…"))  # a whole sentence, or cut with an ellipsis
        assert match_key(text, "zh") in source
        assert not text.startswith(("嗯", "然后", "就是"))


@pytest.mark.parametrize(
    ("context", "speaker"),
    [
        ("Kyle on trust in agent-written code", "Kyle Daigle"),
        ("—Kyle explains the compute stack", "Kyle Daigle"),
        ("Kyle Daigle, GitHub", "Kyle Daigle"),
        ("Emma highlights the impact of release automation", "Emma"),
        ("swyx asks Kyle about trust", None),  # a host asking: the quote is not his
        ("A closing advisory by Kyle", None),  # named, but not as the one speaking
        ("Kyle and swyx on stage", None),
        ("Optimism about rapid progress", None),
        ("Describing how to guard against unsafe changes", None),
    ],
)
def test_speaker_from_the_attribution_line(context: str, speaker: str | None) -> None:
    episode = Episode(
        id="at",
        title="Attributions",
        hosts=[Person(name="swyx", role="host")],
        # Two guests: the quote is the one guest's by default only when there is one.
        guests=[Person(name="Kyle Daigle", role="guest"), Person(name="Ada Lund", role="guest")],
        quotes=[Quote(text="We ship every day and we trust the tests.", context=context)],
    )
    (quote,) = condense_episode(episode, CONFIG).quotes
    assert quote.speaker == speaker


def test_cleaning_spoken_text_twice_gives_what_cleaning_once_does() -> None:
    # a filler taken out of a pair ("like like so") leaves one seen alone ("like so"): the
    # key a takeaway is matched by must be the same for the source and for the takeaway
    for text in (
        "agents platform like like so agents platform.",
        "we we like, like, shipped it on Friday.",
        "Plain sentence.",
    ):
        once = clean_spoken(text, "en")
        assert clean_spoken(once, "en") == once
    assert clean_spoken("agents platform like like so agents platform.", "en") == (
        "agents platform so agents platform."
    )
