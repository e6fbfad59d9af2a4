"""Readers for saved pages: channel listings, title/body listings, video pages, summary pages,
articles. Concrete expectations on the real seeds (skipped when ../shared is absent), on the
synthetic samples, and on hostile input."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from castdigest.archive import Archive
from castdigest.errors import ReadError
from castdigest.models import Episode
from castdigest.pipeline.ingest import SourceSpec, ingest_file
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.debris import looks_like_debris, recover
from castdigest.readers.headings import split_heading
from castdigest.readers.markup import normalise_kind, parse_body, parse_hashtags
from castdigest.readers.registry import READERS, choose, load_file, read_document, read_path
from castdigest.readers.video_page import split_glued_tags
from conftest import AS_OF, SAMPLES, seed

LISTING_TITLES = [  # as the page shows them, the guests after a dash included
    "GitHub's Agent Era: 14x Commits, 200M Developers, Copilot's Next Act — Kyle Daigle",
    "Inside xAI: Building Grok Imagine in 3 Months, Videogen vs World Models, and Video Agents"
    "— Ethan He",
    "Devin’s 80% Moment: Background Agents, 7x PRs, & End of Hand-Held Coding"
    " — Walden Yan & Cole Murray",
    "La Bitter Lesson arrive pour les protéines — Alex Rives, BioHub",
    "Pourquoi vous devriez construire de la science-fiction — Sunil Pai, Cloudflare",
    "La stratégie open AI de Google — Omar Sanseviero, Google DeepMind",
    "AI Agents Need Computers: 74% MoM Growth, 850K/Day Runs, & New Agent Cloud"
    " — Ivan Burazin, Daytona",
    "The Agent-Native Cloud: Jake Cooper on Railway's Future",
    "The Next War Is Already Here — Yaroslav Azhnyuk, The Fourth Law & Noah Smith, Noahpinion",
    "Dans les coulisses d'Abridge : l'IA qui écoute 100 millions de consultations médicales"
    " — Janie Lee & Chai Asawa",
    "Matt Pocock - Why Engineering Fundamentals matter MORE now",
    "How GPT-5 derived new results in theoretical physics and quantum gravity"
    " — Alex Lupsasca, OpenAI",
]
LISTING_DURATIONS = [5084, 6282, 4172, 4212, 887, 1798, 4300, 5394, 7168, 3998, 1322, 5511]
LISTING_DAYS_AGO = [1, 3, 7, 8, 11, 11, 14, 15, 17, 21, 28, 30]


def _dump(ep: Episode) -> str:
    return json.dumps(ep.model_dump(mode="json"), ensure_ascii=False)


@pytest.fixture(scope="module")
def listing() -> list[Episode]:
    ctx, episodes = read_path(seed("001"), as_of=AS_OF)
    assert ctx.format == "listing"
    return episodes


# --------------------------------------------------------------------------- seed 001


def test_listing_seed_yields_twelve_episodes_with_titles_and_metadata(
    listing: list[Episode],
) -> None:
    assert [e.title for e in listing] == LISTING_TITLES
    assert [e.duration for e in listing] == LISTING_DURATIONS
    assert {e.show for e in listing} == {"Latent Space"}
    assert all(e.caption_languages == ["en", "zh"] for e in listing)
    assert [e.published_text for e in listing][:3] == [
        "il y a 1 jour",
        "il y a 3 jours",
        "il y a 7 jours",
    ]
    assert [(AS_OF - e.published).days for e in listing if e.published] == LISTING_DAYS_AGO
    assert listing[0].published == datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    assert [e.kind for e in listing][3:6] == ["🔬", "⚡️", "⚡️"]
    assert [e.language for e in listing] == ["en", "en", "en", "fr", "fr", "fr"] + ["en"] * 3 + [
        "fr",
        "en",
        "en",
    ]
    assert len({e.id for e in listing}) == 12
    assert [s.line for e in listing for s in e.sources][:2] == [5, 16]


def test_listing_seed_tags_and_episodes_without_body_or_hashtags(listing: list[Episode]) -> None:
    assert listing[0].tags == ["github", "copilot", "ai-agents"]
    assert listing[1].tags == ["video-generation", "world-models", "grok-imagine"]
    devin = listing[2]  # no body and no hashtag line: still an episode, from its metadata
    assert devin.tags == [] and devin.abstract is None and devin.chapters == []
    assert [g.name for g in devin.guests] == ["Walden Yan", "Cole Murray"]
    assert devin.duration == 4172


def test_kyle_daigle_episode_chapters_quotes_entities(listing: list[Episode]) -> None:
    ep = listing[0]
    assert [(g.name, g.affiliation) for g in ep.guests] == [("Kyle Daigle", "GitHub")]
    assert ep.guests[0].description and ep.guests[0].description.startswith("COO of GitHub")
    assert [h.name for h in ep.hosts] == ["swyx"]
    assert ep.abstract and ep.abstract.startswith("GitHub COO Kyle Daigle joins swyx")
    assert "## " not in ep.abstract
    assert len(ep.chapters) == 19
    first, second, last = ep.chapters[0], ep.chapters[1], ep.chapters[-1]
    assert (first.start, first.title) == (0, "Hook")
    assert first.summary and first.summary.startswith("Kyle opens mid-sentence")
    assert (second.start, second.title) == (81, "Introduction")
    assert (last.start, last.title) == (4982, "What Should swyx Ask Satya?")
    assert ep.chapters[3].title == "Running GitHub with AI: WorkIQ, MCP, Slack, Teams, and Skills"
    assert ep.chapters[7].title == "GitHub's History: Actions, npm, Webhooks, and Open Source"
    assert all(len(c.quotes) == 1 for c in ep.chapters)
    assert len(ep.quotes) == 19
    assert [q.chapter for q in ep.quotes] == list(range(19))
    assert ep.quotes[0].text.startswith("I can crank up 15 agents on Saturday")
    assert not ep.quotes[0].text.startswith(('"', "*"))
    assert len(ep.entities) == 11
    assert (ep.entities[0].name, ep.entities[0].kind) == ("Kyle Daigle", "Person")
    kinds = [e.kind for e in ep.entities]
    assert kinds.count("Person") == 4 and kinds.count("Software") == 6
    assert ep.entities[-1].kind == "Organization"


def test_entity_kinds_in_any_case_and_french_are_normalised(listing: list[Episode]) -> None:
    kinds = {e.kind for ep in listing for e in ep.entities}
    assert "person" not in kinds and "Personne" not in kinds and "Logiciel" not in kinds
    railway = listing[7]
    assert (railway.entities[0].name, railway.entities[0].kind) == ("Jake Cooper", "Person")
    abridge = listing[9]
    assert {"Person", "Software"} <= {e.kind for e in abridge.entities}
    assert [h.name for h in listing[3].hosts] == ["Brandon", "RJ Honicky"]


def test_chapter_title_and_summary_split_in_other_episodes(listing: list[Episode]) -> None:
    railway = listing[7]
    assert [c.title for c in railway.chapters[:3]] == [
        "Intro",
        "What Is Railway?",
        "Jake’s Path to Railway",
    ]
    assert railway.chapters[10].title == "Data Centers in Space"
    assert railway.chapters[18].start == 3926  # [1:05:26]: past an hour, h:mm:ss
    assert railway.quotes[0].offset == 10  # > *[0, 10]*
    drones = listing[8]
    assert drones.chapters[11].start == 3913  # [01:05:13]
    assert listing[1].chapters[3].title == "Building Grok Imagine from Zero to One"
    assert listing[4].chapters[1].title == "Introduction et parcours de Sunil Pai"
    assert listing[3].chapters[2].title == "La lignée ESM : d'ESM2 à ESMC"
    assert listing[11].chapters[0].title == "Introduction to AI's impact on physics research"
    gemma = listing[5]
    assert gemma.chapters[1].title == "Paramètres effectifs vs. paramètres actifs"
    assert gemma.chapters[1].summary and gemma.chapters[1].summary.startswith("Le grand choix")
    # A French title with names in it: the sentence-case cut would run past a full stop.
    assert gemma.chapters[7].title == "L'équipe Developer Experience de Google à AI Engineer"
    assert (gemma.chapters[7].summary or "").startswith("Londres est la ville natale")


def test_quote_followed_by_summary_text_or_attribution(listing: list[Episode]) -> None:
    esm = listing[3].chapters[2]  # > *"..."* then the summary goes on
    assert esm.quotes[0].text.endswith("pas par le calcul.")
    assert esm.summary and "ESMC est essentiellement" in esm.summary
    abridge = listing[9]  # > *"..."* — Janie Lee
    assert [q.speaker for q in abridge.quotes[:2]] == ["Janie Lee", "Janie Lee"]
    assert sum(1 for q in abridge.quotes if q.speaker) == 19
    assert "Chai Asawa" in {q.speaker for q in abridge.quotes}
    for ep in listing:
        for q in ep.quotes:
            assert q.text[:1] not in '"“*' and q.text[-1:] not in '"”*'


def test_daytona_debris_is_recovered_and_never_shown(listing: list[Episode]) -> None:
    ep = listing[6]
    text = _dump(ep)
    for debris in ("'start'", "{'", "\\n ]", 'title\\": ', "'summary'", "seo_title"):
        assert debris not in text
    assert len(ep.chapters) == 20
    intro = ep.chapters[1]
    assert (intro.start, intro.title) == (72, "Introduction")
    assert intro.summary and intro.summary.startswith("Host swyx introduces Ivan Burazin")
    assert [q.offset for q in intro.quotes] == [96]  # [1, 36]
    code = ep.chapters[2]
    assert (code.start, code.title) == (195, "CodeAnywhere, Shift, and the end of localhost")
    assert code.quotes[0].offset == 218  # [3, 38]
    assert ep.chapters[3].title == "What Daytona is: composable computers for AI agents"
    assert ep.chapters[3].summary and ep.chapters[3].summary.startswith("Ivan defines Daytona")
    runs = ep.chapters[7]
    assert runs.start == 1048 and len(runs.quotes) == 2
    assert "850,000" in runs.quotes[1].text
    assert ep.chapters[0].quotes[0].offset == 0  # > *[0, 0]*
    assert ep.chapters[-1].title == "Closing thoughts"
    assert "sandboxing" in ep.tags  # no hashtag line: the tags come from the debris
    assert ("Daytona", "Organization") in [(e.name, e.kind) for e in ep.entities]
    assert [g.name for g in ep.guests] == ["Ivan Burazin"]
    assert ep.guests[0].affiliation == "Daytona"


def test_listing_people_from_title_patterns(listing: list[Episode]) -> None:
    assert (listing[4].guests[0].name, listing[4].guests[0].affiliation) == (
        "Sunil Pai",
        "Cloudflare",
    )
    assert listing[10].guests[0].name == "Matt Pocock"  # "⚡️ Guest - Title"
    assert listing[7].guests[0].name == "Jake Cooper"  # "Title: Guest on X"
    drones = listing[8]
    assert [(g.name, g.affiliation) for g in drones.guests] == [
        ("Yaroslav Azhnyuk", "The Fourth Law")
    ]
    assert "Noah Smith" in [h.name for h in drones.hosts]  # co-host of this episode


# --------------------------------------------------------------------------- other seeds


def test_video_page_seed() -> None:
    ctx, episodes = read_path(seed("003"), as_of=AS_OF)
    assert ctx.format == "video-page" and len(episodes) == 1
    ep = episodes[0]
    assert ep.title == "The Infrastructure Nightmare Nobody Is Talking About"
    assert len(ep.takeaways) == 6
    assert ep.takeaways[0].startswith("CodeEx- and agentic tooling")
    assert len(ep.quotes) == 5
    q = ep.quotes[0]
    assert q.text.startswith("We're completely hands-off.") and not q.text.endswith('"')
    assert q.context and q.context.startswith("Emma highlights")
    assert q.speaker == "Emma"
    assert all(q.context for q in ep.quotes)
    assert len(ep.questions) == 5 and all(x.endswith("?") for x in ep.questions)
    assert ep.audience and ep.audience.startswith("Infra engineers")
    assert ep.abstract and ep.abstract.startswith("Emma from OpenAI")
    assert ep.tags[:4] == ["openai", "ai-infrastructure", "data-platform", "codeex"]
    assert ep.tags[-1] == "eval-harness" and len(ep.tags) == 10
    assert ep.transcript and ep.transcript.text.startswith("I would love to hear from you")
    assert ep.transcript.text.rstrip().endswith("See you.")
    assert ep.show == "AI News & Strategy Daily"
    assert [h.name for h in ep.hosts] == ["Nate B Jones"]
    text = _dump(ep)
    assert "More from" not in text and "Get daily recaps" not in text


def test_summary_page_seed() -> None:
    ctx, episodes = read_path(seed("000"), as_of=AS_OF)
    assert ctx.format == "summary-page" and len(episodes) == 1
    ep = episodes[0]
    assert ep.title == "Build fast, scale smarter, unleash agentic software"
    assert len(ep.takeaways) == 10
    assert ep.takeaways[0].startswith("Brockman left Harvard for MIT")
    assert not any(t.startswith("-") for t in ep.takeaways)
    assert ep.abstract and ep.abstract.startswith("Greg Brockman traces")
    assert "Want to ride the AI wave" in ep.abstract  # the closing paragraph is kept
    text = _dump(ep)
    assert "Sources" not in text and "Quiz" not in text
    assert ep.language == "en"


def test_article_seed() -> None:
    ctx, episodes = read_path(seed("002"), as_of=AS_OF)
    assert ctx.format == "article" and len(episodes) == 1
    ep = episodes[0]
    assert ep.title.startswith("An Engineer's Diary Reveals the Human Cost")
    assert ep.abstract and ep.abstract.startswith("Behind the seemingly magical abilities")
    assert [c.title for c in ep.chapters] == ["The Final Push", "Was the Sacrifice Worth It?"]
    assert ep.language == "en"
    text = _dump(ep)
    for junk in ("Haha", '"Love"', "Cerca", "Categorie", "Leggi tutto", "Uncategorized", "9K"):
        assert junk not in text
    assert "Sổ đỏ" not in text and "Việt" not in text and "By KataCer" not in text
    said = [q for q in ep.quotes if q.speaker == "French-Owen"]
    assert said and said[0].text.startswith("The Codex sprint was probably")


@pytest.mark.parametrize(
    ("prefix", "fmt"),
    [("000", "summary-page"), ("001", "listing"), ("002", "article"), ("003", "video-page")],
)
def test_each_seed_goes_to_its_reader(prefix: str, fmt: str) -> None:
    doc = load_file(seed(prefix))
    assert choose(doc).name == fmt
    scores = {r.name: r.sniff(doc) for r in READERS}
    assert scores["text"] == 0.01
    assert sorted(scores.values())[-2] < scores[fmt]


# --------------------------------------------------------------------------- samples


def test_sample_channel_listing_with_chinese_and_korean_bodies() -> None:
    ctx, eps = read_path(SAMPLES / "pages" / "channel-listing.txt", as_of=AS_OF)
    assert ctx.format == "listing"
    assert [e.language for e in eps] == ["en", "zh", "ko"]
    assert [e.published_text for e in eps] == ["il y a 2 jours", "3天前", "3일 전"]
    assert [e.published for e in eps] == [
        datetime(2026, 11, 22, 12, tzinfo=UTC),
        datetime(2026, 11, 21, 12, tzinfo=UTC),
        datetime(2026, 11, 21, 12, tzinfo=UTC),
    ]
    en, zh, ko = eps
    assert en.title == "Shipping Small: Feature Flags at Scale — Priya Raman, Lanternworks"
    assert [(g.name, g.affiliation) for g in en.guests] == [("Priya Raman", "Lanternworks")]
    assert [c.start for c in en.chapters] == [0, 250, 3750]
    assert [c.title for c in en.chapters] == ["Cold Open", "Why Small Batches Win", "Cleaning Up"]
    assert en.quotes[0].offset == 42
    assert [(e.name, e.kind) for e in en.entities][2] == ("Lanternworks", "Organization")
    assert [h.name for h in en.hosts] == ["Mara Quill"]
    assert (zh.title, zh.kind) == ("评测驱动的智能体开发 — 林晓, 北辰实验室", "⚡️")
    assert [(g.name, g.affiliation) for g in zh.guests] == [("林晓", "北辰实验室")]
    assert [(c.title, c.start) for c in zh.chapters] == [("开场", 0), ("评测集的维护", 510)]
    assert zh.quotes[0].offset == 75
    assert ko.title == "코드 리뷰 에이전트와 함께 일하기 — 박지훈" and ko.guests[0].name == "박지훈"
    assert ko.tags == ["code-review", "ai-agents"]


def test_sample_title_body_listing() -> None:
    ctx, eps = read_path(SAMPLES / "pages" / "title-body-listing.txt", as_of=AS_OF)
    assert ctx.format == "pairs"
    assert [e.title for e in eps] == [
        "Latency Budgets for Voice Agents — Omar Haddad, Relay",  # as shown
        "多模态检索的实践经验",
        "온디바이스 모델 배포 이야기",
    ]
    assert [e.language for e in eps] == ["en", "zh", "ko"]
    assert eps[0].tags == ["voice-agents", "latency"]
    assert eps[0].chapters[0].title == "The Budget"
    assert eps[1].abstract and eps[1].abstract.startswith("本期嘉宾")
    assert eps[2].abstract and eps[2].abstract.endswith("핵심 주제다.")


def test_synthetic_pairs_listing_in_chinese_and_korean_without_blank_lines(
    tmp_path: Path,
) -> None:
    page = tmp_path / "pairs.txt"
    page.write_text(
        "智能体的记忆设计\n"
        "这一期讨论智能体如何在长任务中保存和检索记忆，以及为什么需要定期压缩上下文。\n"
        "에이전트 평가의 기초\n"
        "이번 에피소드는 에이전트를 평가하는 방법과 평가 데이터를 관리하는 요령을 설명한다.\n",
        encoding="utf-8",
    )
    ctx, eps = read_path(page, as_of=AS_OF)
    assert ctx.format == "pairs"
    assert [(e.title, e.language) for e in eps] == [
        ("智能体的记忆设计", "zh"),
        ("에이전트 평가의 기초", "ko"),
    ]
    assert [s.line for e in eps for s in e.sources] == [1, 3]


def test_clean_article_with_subheadings_and_plain_prose(tmp_path: Path) -> None:
    para = (
        "The team measured every step of the pipeline for two weeks and found that most of "
        "the time went into work nobody needed anymore, so they removed it step by step."
    )
    article = tmp_path / "clean.txt"
    article.write_text(
        f"A Faster Pipeline\n{para}\n{para}\nWhat Changed\n{para}\nWhat Is Next\n{para}\n"
    )
    ctx, (ep,) = read_path(article, as_of=AS_OF)
    assert ctx.format == "article"
    assert [c.title for c in ep.chapters] == ["What Changed", "What Is Next"]
    prose = tmp_path / "prose.txt"
    prose.write_text(f"Notes\n{para}\n{para}\n{para}\n")
    assert read_path(prose, as_of=AS_OF)[0].format == "text"


def test_a_radio_interview_printed_as_a_news_article(tmp_path: Path) -> None:
    # The headline, its lede, the photo's caption with its credit, a byline and the newsroom
    # under it, the date; the player's show name over the text; the interviewer's questions.
    page = tmp_path / "interview.txt"
    page.write_text(
        "Aller au contenu principal\nRadio Littoral\nDirect\nSe connecter\nMenu\n\n"
        "Accueil\nReplay radio\nLa vie des ports\n\n"
        "« Un pêcheur sur trois n'a pas de successeur » : comment les ports tentent de recruter\n\n"
        "Hélène Garnier, présidente du comité des pêches du Finistère, était l'invitée de "
        "« La vie des ports » mercredi 18 novembre.\n\n"
        "Un chalutier à quai au Guilvinec (Finistère), le 2 octobre 2026. (PAUL LE ROY / AFP)\n\n"
        "Article rédigé par Louis Carré\nRadio Littoral\n"
        "Publié le 18/11/2026 07:40\nTemps de lecture : 2min\n\n"
        "La vie des ports\nÉcouter\n06:12\n\n"
        "Plus de 300 navires cherchent un repreneur sur la côte, et les équipages vieillissent :"
        " selon le comité, un marin sur trois partira à la retraite dans les dix ans à venir.\n\n"
        "Radio Littoral : Les jeunes viennent-ils encore au métier ?\n\n"
        "Hélène Garnier : Ils viennent, mais ils repartent vite, faute de logement près des ports "
        "et parce que les premiers salaires ne suivent pas les horaires de la pêche au large.\n\n"
        "Radio Littoral : Et les femmes ?\n\n"
        "Elles sont de plus en plus nombreuses à bord, surtout sur les petits bateaux de pêche "
        "côtière, et plusieurs écoles maritimes ont ouvert des internats pour elles cette année.\n"
    )
    ctx, (ep,) = read_path(page, as_of=AS_OF)
    assert ctx.format == "article"
    assert ep.title.startswith("« Un pêcheur sur trois n'a pas de successeur »")
    assert ep.review_reasons == []
    assert ep.chapters == []  # neither the show's name nor the questions are chapters


def test_an_article_title_is_scored_and_section_names_are_no_subheadings(
    tmp_path: Path,
) -> None:
    para = (
        "The poet and translator talks about carrying a mother tongue into a second language, "
        "and about the words for grief that refuse to cross over into English at all."
    )
    lines = [
        "The Margin Notes",
        "Subscribe",
        "Sign in",
        "",
        "Share this post",
        "The Margin Notes",
        "Translating Grief: A Conversation with Yusuf Karaca",
        "Copy link",
        "",
        "Translating Grief: A Conversation with Yusuf Karaca",
        "Clara Whitcombe",
        "Nov 19, 2026",
        para,
        para,
        "Transcript",
        "Clara Whitcombe: Is that when you started translating her letters, after she died?",
        para,
    ]
    article = tmp_path / "post.txt"
    article.write_text("\n".join(lines) + "\n")
    _, (ep,) = read_path(article, as_of=AS_OF, forced="article")
    assert ep.title == "Translating Grief: A Conversation with Yusuf Karaca"
    assert ep.chapters == []


def test_list_items_table_rows_and_short_exclamations_are_not_subheadings(
    tmp_path: Path,
) -> None:
    para = (
        "The team measured every step of the pipeline for two weeks and found that most of "
        "the time went into work nobody needed anymore, so they removed it step by step."
    )
    lines = [
        "A Faster Pipeline",
        para,
        para,
        "What Changed",
        para,
        "- Caching – the build keeps what did not change",
        para,
        "| Step | Before | After |",
        para,
        "They never read the logs! They only watched the clock.",
        para,
    ]
    article = tmp_path / "lists.txt"
    article.write_text("\n".join(lines) + "\n")
    _, (ep,) = read_path(article, as_of=AS_OF, forced="article")
    assert [c.title for c in ep.chapters] == ["What Changed"]


def test_transcript_with_speaker_lines_is_not_a_title_body_listing(tmp_path: Path) -> None:
    page = tmp_path / "talk.txt"
    turn = "We spent the whole quarter on the release pipeline and it finally paid off for us."
    page.write_text("\n".join(["Alice", turn, "Bob", turn, "Alice", turn, "Bob", turn]) + "\n")
    ctx, eps = read_path(page, as_of=AS_OF)
    assert ctx.format == "text" and len(eps) == 1


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("video-page.txt", "video-page"),
        ("summary-page-fr.txt", "summary-page"),
        ("article.txt", "article"),
    ],
)
def test_samples_go_to_their_reader(name: str, fmt: str) -> None:
    ctx, eps = read_path(SAMPLES / "pages" / name, as_of=AS_OF)
    assert ctx.format == fmt and len(eps) == 1
    text = _dump(eps[0])
    for leftover in ("Quiz", "Sources", "More from", "Haha", "Cách chọn"):
        assert leftover not in text


def test_sample_summary_page_in_french() -> None:
    _, (ep,) = read_path(SAMPLES / "pages" / "summary-page-fr.txt", as_of=AS_OF)
    assert ep.language == "fr" and len(ep.takeaways) == 4
    assert ep.abstract and ep.abstract.endswith("relisez son travail.")


def test_listing_with_absolute_dates_and_no_captions() -> None:
    page = (
        "Ep One — Ann Bee\n45:00\nSignal Path · Nov 20, 2026\n\nEp One — Ann Bee\n\n"
        "Body text here.\n#a\nEp Two\n1:00:00\nEN/FR\nSignal Path2026-11-18\n\nEp Two\n"
    )
    eps = _read(page, None)
    assert [(e.title, e.show, e.published_text) for e in eps] == [
        ("Ep One — Ann Bee", "Signal Path", "Nov 20, 2026"),  # the title as shown
        ("Ep Two", "Signal Path", "2026-11-18"),
    ]
    assert [e.published for e in eps] == [
        datetime(2026, 11, 20, tzinfo=UTC),
        datetime(2026, 11, 18, tzinfo=UTC),
    ]
    assert eps[1].caption_languages == ["en", "fr"] and eps[1].abstract is None


def test_listing_episode_without_duration() -> None:
    page = (
        "Live Now — Ann Bee\nEN/ZH\nWatch with Captions\nSignal Path3 hours ago\n\n"
        "Live Now — Ann Bee\n\nA live session.\n#live\n"
        "Next One\n12:00\nSignal Pathyesterday\n\nNext One\n"
    )
    eps = _read(page, None)
    assert [(e.title, e.duration, e.tags) for e in eps] == [
        ("Live Now — Ann Bee", None, ["live"]),
        ("Next One", 720, []),
    ]
    assert eps[0].published == AS_OF - timedelta(hours=3)


def test_quote_language_only_when_it_differs() -> None:
    body = (
        "The team explains how they ship small changes every day and why reviews stay short. "
        '## [00:00] Start Ann sets the scene for the whole episode. > *"We ship small changes '
        'and we ship them every day."* > *"Nous avons toujours pensé que les petites équipes '
        'vont plus vite que les grandes."* > *"没有评测的改动，就是在猜测结果。"*'
    )
    (ep,) = _read(f"Small Changes\n30:00\nEN/FR\nShow2 days ago\n\n{body}\n", None)
    assert ep.language == "en"
    assert [q.language for q in ep.quotes] == [None, "fr", "zh"]


def test_summary_page_in_english_drops_site_leftovers() -> None:
    page = (
        "Agents That Review Agents\n"
        "A short talk on review bots that check other bots before a human looks.\n"
        "Key points\n"
        "- Two reviewers beat one.\n"
        "- Humans keep the final say.\n"
        "Takeaway\n"
        "Let the bots argue first.\n"
        "Related videos\n"
        "Some Other Talk\n"
        "Quiz: 3 questions\n"
    )
    (ep,) = _read(page, None)
    assert ep.takeaways == ["Two reviewers beat one.", "Humans keep the final say."]
    assert ep.abstract == (
        "A short talk on review bots that check other bots before a human looks.\n\n"
        "Let the bots argue first."
    )
    assert "Other Talk" not in _dump(ep) and "Quiz" not in _dump(ep)


_NOTES_PAGE = """\
Garden Radio: Ines Marr – Why Tomatoes Split After Rain
by Garden Notes
March 3, 2026

Key Takeaways
{points}

Tools Mentioned
A rain gauge
A soil thermometer

Watering Rhythm
"Water the soil, never the leaves, and water it on a schedule."
Skins split when a dry week ends in a downpour: the fruit swells faster than its skin grows
Host: Theo Brandt (@theobrandt)

Picking Early
"Pick them at first blush and let them finish on the sill."
A tomato picked half-ripe tastes the same once it ripens indoors
"""
_POINTS = [
    "Even watering matters more than the amount of water",
    "Mulch keeps the soil's moisture steady between rains",
    "Varieties with thick skins split far less often",
]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_unbulleted_takeaways_end_where_a_heading_over_its_own_lines_begins(gap: str) -> None:
    # The page's other sections (a heading over lines, quotes among them) are no takeaways,
    # whether the points stand on consecutive lines or are set apart by blank lines.
    (ep,) = _read(_NOTES_PAGE.format(points=gap.join(_POINTS)), None)
    assert ep.takeaways == _POINTS
    # "Garden Radio: ..." and "Host: ..." are labelled lines, not a transcript's turns
    assert ep.transcript is None


def test_a_headline_quotation_is_the_title_and_a_later_bullet_no_takeaway() -> None:
    page = (
        "오늘의 인터뷰\n\n"
        "“바다가 조용해야 등대도 쉴 수 있습니다”\n"
        "2026-11-20 08:15\n\n"
        "핵심요약\n"
        "등대지기는 전국에 서른 명 남짓 남아\n"
        "자동화 뒤에도 사람이 밤새 지켜보는 등대가 있어\n"
        "태풍 철에는 일주일씩 섬을 떠나지 못해\n\n"
        "* 인터뷰를 인용할 때는 프로그램명을 밝혀 주시기 바랍니다.\n\n"
        "◇ 이하늘> 오늘은 등대지기 한 분을 모셨습니다. 안녕하세요.\n\n"
        "◆ 박수민> 네, 안녕하세요. 바다가 조용해야 등대도 쉴 수 있습니다.\n\n"
        "◇ 이하늘> 등대 일은 언제 시작하셨어요?\n\n"
        "◆ 박수민> 스무 살 때부터였으니 벌써 삼십 년이네요.\n"
    )
    (ep,) = _read(page, None)
    assert ep.title == "“바다가 조용해야 등대도 쉴 수 있습니다”"
    assert ep.takeaways == [
        "등대지기는 전국에 서른 명 남짓 남아",
        "자동화 뒤에도 사람이 밤새 지켜보는 등대가 있어",
        "태풍 철에는 일주일씩 섬을 떠나지 못해",
    ]
    assert ep.quotes == []  # the headline is the title, not a quote besides it
    assert ep.transcript is not None
    assert [s.speaker for s in ep.transcript.segments] == ["이하늘", "박수민", "이하늘", "박수민"]


# --------------------------------------------------------------------------- markup units


def test_markup_quotes_offsets_entities_hashtags() -> None:
    body = parse_body(
        "Intro text. ## [01:00:22] Deep Dive The guests argue. > *Plain quote here*"
        ' > *[61, 5]* > *"Marked quote"* ## Entities - **Ada** (PERSON): Host of Show.'
        " - **Acme** (organisation) : A company. #one#two-three"
    )
    assert body.abstract == "Intro text."
    assert [(c.start, c.title, c.summary) for c in body.chapters] == [
        (3622, "Deep Dive", "The guests argue.")
    ]
    assert [(q.text, q.offset) for q in body.chapters[0].quotes] == [
        ("Plain quote here", 3665),
        ("Marked quote", None),
    ]
    assert [(e.name, e.kind, e.description) for e in body.entities] == [
        ("Ada", "Person", "Host of Show."),
        ("Acme", "Organization", "A company."),
    ]
    assert body.tags == ["one", "two-three"]


def test_markup_quote_attribution_and_continuation() -> None:
    body = parse_body(
        '## [00:10] Start Here We begin. > *"Ship it."* — Ann Bee, CEO of Acme'
        " > *Plain words* and then the summary goes on."
    )
    (ch,) = body.chapters
    assert [(q.text, q.speaker, q.context) for q in ch.quotes] == [
        ("Ship it.", "Ann Bee", "Ann Bee, CEO of Acme"),
        ("Plain words", None, None),
    ]
    assert ch.summary == "We begin. and then the summary goes on."


def test_markup_multiline_body_is_read_like_inline() -> None:
    inline = parse_body('Abs. ## [00:10] Start Here We begin. > *"Q one"* #a#b')
    multi = parse_body('Abs.\n## [00:10] Start Here We begin.\n> *"Q one"*\n\n#a#b')
    assert inline == multi


def test_hashtags_and_kinds() -> None:
    assert parse_hashtags("#github#copilot#ai-agents") == ["github", "copilot", "ai-agents"]
    assert parse_hashtags("#A #b#A") == ["a", "b"]
    assert normalise_kind("SOFTWARE") == "Software"
    assert normalise_kind("Personne") == "Person"
    assert normalise_kind("helicity") == "Helicity"
    assert normalise_kind(None) == "Other"


@pytest.mark.parametrize(
    ("heading", "title", "summary_start"),
    [
        ("Hook Kyle opens mid-sentence, already deep.", "Hook", "Kyle opens"),
        ("What Is Railway? Railway is a platform.", "What Is Railway?", "Railway is"),
        ("Closing thoughts", "Closing thoughts", None),
        ("Introduction to AI's impact on physics research Lupsasca opens here.", None, "Lupsasca"),
        ("Paramètres effectifs vs. paramètres actifs Le grand choix est fait.", None, "Le grand"),
        ("开场 林晓讲述第一次的经历。", "开场", "林晓"),
    ],
)
def test_split_heading(heading: str, title: str | None, summary_start: str | None) -> None:
    got_title, got_summary = split_heading(heading, sentence_case="Paramètres" in heading)
    if title is not None:
        assert got_title == title
    if summary_start is None:
        assert got_summary is None
    else:
        assert got_summary and got_summary.startswith(summary_start)
        assert f"{got_title} {got_summary}" == heading


def test_split_heading_moves_back_to_a_known_name() -> None:
    title, summary = split_heading(
        "Intro Jake Cooper argues that agents ship code.", names={"jake cooper"}
    )
    assert (title, summary) == ("Intro", "Jake Cooper argues that agents ship code.")


def test_debris_recovery_unit() -> None:
    pieces = [
        'title": "First part',
        "{'start': 72.0, 'summary': 'Alpha, beta.', 'quotes': ['Said this.', [1, 12],"
        " '\\n ]\\n },\\n {\\n ', 'title\": \"Second', 'Third', {'start': 95.0, "
        "'summary': 'Gamma.', 'quotes': ['About 850', 0, 'every day.', [2, 3]]}, "
        "'entities\": [\\n {\\n \"name\": \"Zed', {'type': 'person', 'description': 'A host.'}],"
        " 'tags': ['x-y', 'z']}",
    ]
    assert all(looks_like_debris(p) for p in pieces)
    assert not looks_like_debris("A normal quote: with a colon.")
    found = recover(pieces)
    assert [(c.title, c.start, c.summary) for c in found.chapters] == [
        ("First part", 72.0, "Alpha, beta."),
        ("Second, Third", 95.0, "Gamma."),
    ]
    assert found.chapters[0].quotes == [("Said this.", 72.0)]
    assert found.chapters[1].quotes == [("About 850,000 every day.", 123.0)]
    assert [(e.name, e.kind, e.description) for e in found.entities] == [
        ("Zed", "person", "A host.")
    ]
    assert found.tags == ["x-y", "z"]


def test_glued_tags_use_the_page_vocabulary() -> None:
    vocab = {"openai", "codeex", "ai", "data", "platform"}
    assert split_glued_tags("OpenAIAI InfrastructureData PlatformCodeExAgentic tooling", vocab) == [
        "OpenAI",
        "AI Infrastructure",
        "Data Platform",
        "CodeEx",
        "Agentic tooling",
    ]


# --------------------------------------------------------------------------- hostile input

PAGE_READERS = ["listing", "pairs", "video-page", "summary-page", "article"]


def _read(text: str, fmt: str | None) -> list[Episode]:
    doc = Document(location="hostile.txt", data=text.encode(), text=text)
    ctx = ReadContext(as_of=AS_OF)
    try:
        return read_document(doc, ctx, fmt)[1]
    except ReadError as exc:
        assert exc.where == "hostile.txt" and exc.message
        return []


@pytest.mark.parametrize("fmt", PAGE_READERS)
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_truncated_seed_pages_read_or_fail_cleanly(fmt: str, prefix: str) -> None:
    text = seed(prefix).read_text(encoding="utf-8")
    for cut in (len(text) // 3, len(text) // 2 + 17):
        for ep in _read(text[:cut], fmt):
            assert ep.title and ep.id


def test_truncated_listing_keeps_the_episodes_before_the_cut() -> None:
    text = seed("001").read_text(encoding="utf-8")
    cut = text.index("Ethan He built NVIDIA") + 5000  # inside the second episode's body
    eps = _read(text[:cut], None)
    assert [e.title for e in eps] == LISTING_TITLES[:2]
    assert len(eps[0].chapters) == 19


@pytest.fixture(scope="module")
def five_mb_line() -> str:
    unit = (
        'word ## [00:12] Title Summary. > *"quote"* > *[1, 2]* - **Name** (Person): x '
        "{'start': 1.0, 'summary': 'abc', 'quotes': ['q', [1, 2]]} 'title\": \"X' "
        "il y a 3 jours “quoted text here” Like *em* ## Entities #tag#x OpenAIData: a on b "
    )
    return (unit * (5_000_000 // len(unit) + 1))[:5_000_000]


@pytest.mark.parametrize("fmt", [*PAGE_READERS, None])
def test_five_megabyte_single_line(five_mb_line: str, fmt: str | None) -> None:
    for ep in _read(five_mb_line, fmt):
        assert len(ep.title) <= 301


def test_five_megabyte_listing_body(five_mb_line: str) -> None:
    page = f"T — Ann Bee\n1:00:00\nEN/ZH\nShowil y a 3 jours\n\n{five_mb_line}\n#a#b\n"
    (ep,) = _read(page, None)
    assert ep.title == "T — Ann Bee" and ep.tags[-2:] == ["a", "b"]
    assert ep.chapters and "{'" not in _dump(ep)[:100_000]


# --------------------------------------------------------------------------- archive


def test_duplicate_in_one_listing_merges_in_the_archive(tmp_path: Path) -> None:
    page = tmp_path / "dupes.txt"
    block = (
        "{title}\n45:00\nEN/ZH\nWatch with Captions\nSignal Pathil y a 2 jours\n\n{title}\n\n"
        "{body}\n\n{tags}\n"
    )
    page.write_text(
        block.format(
            title="Release Trains — Ann Bee",
            body="Ann explains release trains. ## [00:00] Start Ann sets the scene.",
            tags="#release",
        )
        + block.format(title="Other Topic", body="Something else entirely.", tags="#other")
        + block.format(
            title="Release  trains — Ann Bee",  # same show, same title once normalised
            body="A longer abstract about release trains and what they change for teams.",
            tags="#release#trains",
        ),
        encoding="utf-8",
    )
    now = datetime(2026, 11, 24, 12, tzinfo=UTC)
    with Archive(tmp_path / "archive.db") as archive:
        report = ingest_file(archive, page, SourceSpec(), AS_OF, now)
        assert report.error is None and report.format == "listing"
        assert (report.new, report.updated, report.unchanged) == (2, 0, 0)
        assert archive.episodes.count() == 2
        merged = next(e for e in archive.episodes.list() if e.title.startswith("Release"))
        assert [s.position for s in merged.sources] == [0, 2]
        assert merged.tags == ["release", "trains"]
        assert merged.abstract and merged.abstract.startswith("A longer abstract")
        assert [c.title for c in merged.chapters] == ["Start"]
        again = ingest_file(archive, page, SourceSpec(), AS_OF, now)
        assert (again.new, again.updated) == (0, 0) and archive.episodes.count() == 2


# --------------------------------------------------------------------------- properties

_MARKUP = st.sampled_from(
    [
        "## [00:10] ",
        "## [1:02:03] ",
        "> *",
        '> *"',
        '"* ',
        "* ",
        "> *[3, 4]* ",
        "## Entities ",
        "- **",
        "** (Person): ",
        "#tag",
        "{'start': ",
        "'summary': '",
        "', [1, 2], ",
        " — ",
        "?",
    ]
)
_WORDS = st.sampled_from(["Title", "Case", "the", "word", "Ann", "Bee", "runs", "de", "Le", "开场"])


@given(st.lists(st.one_of(_MARKUP, _WORDS, st.text(max_size=8)), max_size=60).map(" ".join))
@settings(max_examples=200, deadline=None)
def test_parse_body_never_raises_and_keeps_dumps_out(text: str) -> None:
    body = parse_body(text)
    for ch in body.chapters:
        assert ch.title
        for q in ch.quotes:
            assert "{'start'" not in q.text


@given(st.lists(_WORDS, min_size=1, max_size=50).map(" ".join), st.booleans())
@settings(max_examples=200, deadline=None)
def test_split_heading_only_cuts(heading: str, sentence_case: bool) -> None:
    title, summary = split_heading(heading, {"ann bee"}, sentence_case)
    assert title
    assert " ".join(filter(None, [title, summary])) == heading


# --------------------------------------------------------------------------- CLI


def test_cli_ingests_every_seed_page_with_its_reader(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from castdigest.cli import cli

    files = [str(seed(p)) for p in ("000", "001", "002", "003")]
    db = str(tmp_path / "seeds.db")
    result = CliRunner().invoke(cli, ["ingest", *files, "--db", db, "--as-of", "2026-11-24"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert f"{files[0]}: 1 new, 0 updated, 0 unchanged (summary-page)" in lines
    assert f"{files[1]}: 12 new, 0 updated, 0 unchanged (listing)" in lines
    assert f"{files[2]}: 1 new, 0 updated, 0 unchanged (article)" in lines
    assert f"{files[3]}: 1 new, 0 updated, 0 unchanged (video-page)" in lines
    shown = CliRunner().invoke(cli, ["episodes", "--db", db, "--lang", "fr", "--json"])
    assert shown.exit_code == 0
    titles = {e["title"] for e in json.loads(shown.output)}
    assert titles == set(LISTING_TITLES[3:6]) | {LISTING_TITLES[9]}


@pytest.mark.parametrize(
    ("heading", "names", "title"),
    [
        # a sentence opener ends the title: the title is a noun phrase of several words
        (
            "코딩 에이전트의 한계 현재 코딩 에이전트는 긴 맥락을 다루지 못한다.",
            (),
            "코딩 에이전트의 한계",
        ),
        # a known name, with its particle, opens the summary
        ("소개 김민수는 네이버에서 에이전트 팀을 이끈다.", ("김민수",), "소개"),
        ("평가 데이터 관리 김민수가 방법을 설명한다.", ("김민수",), "평가 데이터 관리"),
        # an opener with its particle
        ("모델 평가의 함정 최근에는 평가 데이터가 오염되는 일이 많다.", (), "모델 평가의 함정"),
        ("오픈 소스 전략 오늘은 라이선스 이야기를 한다.", (), "오픈 소스 전략"),
        # a pronoun with its particle opens a sentence; with "의" it may stand in the title
        ("창업자의 선택 그는 회사를 팔지 않았다.", (), "창업자의 선택"),
        ("스티브 잡스와 그의 유산 그는 애플로 돌아왔다.", (), "스티브 잡스와 그의 유산"),
        # a question ends the title
        ("에이전트는 무엇을 바꾸나? 김민수는 세 가지를 꼽는다.", (), "에이전트는 무엇을 바꾸나?"),
        # nothing to go by: the first word, as for Chinese and Japanese
        ("배경 리뷰 대기 시간이 길어지면서 에이전트를 시험했다.", (), "배경"),
        ("开场 林晓讲述第一次的经历。", ("林晓",), "开场"),
    ],
)
def test_split_heading_in_korean(heading: str, names: tuple[str, ...], title: str) -> None:
    got_title, got_summary = split_heading(heading, set(names))
    assert got_title == title
    assert f"{got_title} {got_summary}" == heading


@pytest.mark.parametrize(
    "heading", ["스티브 잡스와 그의 유산", "에이전트는 무엇을 바꾸나?", "开场 介绍"]
)
def test_a_caseless_heading_without_a_sentence_is_all_title(heading: str) -> None:
    assert split_heading(heading) == (heading, None)


def test_korean_listing_chapters_keep_their_whole_titles(tmp_path: Path) -> None:
    page = tmp_path / "ko.txt"
    body = (
        "에이전트가 개발을 바꾸는 방식을 이야기한다. "
        "## [00:00] 소개 김민수는 네이버에서 에이전트 팀을 이끈다. "
        "## [05:30] 코딩 에이전트의 한계 현재 코딩 에이전트는 긴 맥락을 다루지 못한다. "
        "## Entities - **김민수** (Person): 네이버 에이전트 팀 리더"
    )
    title = "AI 에이전트의 미래 — 김민수, 네이버"
    page.write_text(
        f"{title}\n1:02:03\nKO/EN\nWatch with Captions\n테크 토크3일 전\n\n{title}\n\n{body}\n",
        encoding="utf-8",
    )
    _, (ep,) = read_path(page, as_of=AS_OF)
    assert ep.language == "ko"
    assert [(c.start, c.title) for c in ep.chapters] == [(0, "소개"), (330, "코딩 에이전트의 한계")]
    assert ep.chapters[1].summary == "현재 코딩 에이전트는 긴 맥락을 다루지 못한다."


def test_one_question_among_an_interview_s_paragraphs_is_no_part_of_the_article() -> None:
    # "Which is what?": a host's short question in an interview transcript, no subheading
    lines = [
        "The battery startup CEO who thinks your power bill is about to get weird",
        "by Talia Brooks",
        "Nov 19, 2026, 10:00 AM EST",
        "Today I'm talking with Oyelaran Adeyemi, the CEO of Halden Grid. Halden makes a "
        "fridge-sized battery that sits in your garage and that your utility rents by the hour.",
        "We make a home battery, but I'd say we're really a software company that happens to "
        "ship a very heavy piece of hardware. The interesting thing is what we do with it.",
        "Which is what?",
        "We aggregate them. If you've got ten thousand of these in one city, that's a meaningful "
        "chunk of capacity the utility can pay us to discharge on a hot afternoon.",
    ]
    text = "\n\n".join(lines) + "\n"
    doc = Document(location="interview.txt", data=text.encode(), text=text)
    _, episodes = read_document(doc, ReadContext(as_of=AS_OF), forced="article")
    assert [c.title for c in episodes[0].chapters] == []
    assert "Which is what?" in (episodes[0].abstract or "")
