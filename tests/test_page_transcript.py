"""A saved page's transcript: its turns, and the chapter titles a transcript editor shows
between them."""

from __future__ import annotations

from castdigest.readers.page_transcript import find_transcript, transcript_chapters

EDITOR = """\
Folge 12: Der Bienenstock
Ein Gespräch über Bienen im Stadtpark und was sie im Winter tun, mit viel Geduld erzählt.
Export
Ankommen Im Garten
Track 2
Track 1:
[0:05] Hallo und willkommen im Garten.
Track 2:
[0:09] Danke für die Einladung.
Was Bienen Im Winter Tun
Track 1:
[12:30] Was machen die Bienen eigentlich im Winter?
""".splitlines()


def test_titles_above_timed_turns_are_untimed_chapters() -> None:
    chapters = transcript_chapters(EDITOR, "Folge 12: Der Bienenstock")
    assert [(c.title, c.start) for c in chapters] == [
        ("Ankommen Im Garten", None),
        ("Was Bienen Im Winter Tun", None),
    ]


def test_a_turns_last_words_are_no_chapter() -> None:
    lines = [
        "Ana:",
        "[0:01] We started the garden in spring and then",
        "we planted beans",
        "Ben:",
        "[0:09] Beans first, always.",
    ]
    assert transcript_chapters(lines) == []


def test_the_episode_title_and_untimed_labels_are_no_chapters() -> None:
    lines = ["Night Ferry", "Ana:", "[0:01] Hello."]
    assert transcript_chapters(lines, "Night Ferry") == []
    assert [c.title for c in transcript_chapters(lines)] == ["Night Ferry"]
    # A "Guests:" label names people: no timed turn follows it.
    assert transcript_chapters(["About The Show", "Guests:", "Ana Ruiz, Ben Ode"]) == []


def test_a_line_above_every_turn_is_furniture() -> None:
    lines = [
        "Share",
        "Ana:",
        "[0:01] Hi.",
        "Reply",
        "Ben:",
        "[0:04] Hi.",
        "Reply",
        "Ana:",
        "[0:07] Bye.",
    ]
    assert transcript_chapters(lines) == []


def test_a_label_then_its_cue_is_one_timed_turn() -> None:
    lines = [
        "Transcript",
        "Ana:",
        "[0:04] Good morning.",
        "Ben:",
        "[0:09] Morning.",
        "Ana:",
        "[0:12] Ready?",
    ]
    transcript = find_transcript(lines)
    assert transcript is not None
    assert [(s.speaker, s.start, s.text) for s in transcript.segments] == [
        ("Ana", 4.0, "Good morning."),
        ("Ben", 9.0, "Morning."),
        ("Ana", 12.0, "Ready?"),
    ]


def test_turns_after_a_marker_and_a_name_closed_by_an_angle() -> None:
    lines = [
        "■ 방송 : 바다라디오 <항구의 아침> (06:00~07:00)",
        "■ 진행 : 이하늘 앵커",
        "◇ 이하늘> 오늘은 등대지기 한 분을 모셨습니다. 안녕하세요.",
        "◆ 박수민> 네, 안녕하세요.",
        "◇ 이하늘> 등대 일은 언제 시작하셨어요?",
        "◆ 박수민> 스무 살 때부터였으니 벌써 삼십 년이네요.",
    ]
    transcript = find_transcript(lines)
    assert transcript is not None
    assert [(s.speaker, s.text) for s in transcript.segments] == [
        ("이하늘", "오늘은 등대지기 한 분을 모셨습니다. 안녕하세요."),
        ("박수민", "네, 안녕하세요."),
        ("이하늘", "등대 일은 언제 시작하셨어요?"),
        ("박수민", "스무 살 때부터였으니 벌써 삼십 년이네요."),
    ]


def test_a_panel_of_date_and_length_fields_is_no_transcript() -> None:
    lines = [
        "Rzeka w mieście",
        "Data emisji:",
        "2026-11-20 14:10",
        "Prowadzący:",
        "Anna Wolska",
        "Czas trwania:",
        "41:05 min.",
        "Gościem Anny Wolskiej był hydrolog, który opowiadał o rzece płynącej pod miastem.",
    ]
    assert find_transcript(lines) is None
    assert transcript_chapters(lines, "Rzeka w mieście") == []
