"""Signals that a line of a page is, or is not, an episode's title, beyond its place and shape.

- an episode-number marker ("Episode 9: ...", "#31 ...", "제112화 - ...", "... | Show Ep. 37"),
  from the words of `data/titles.json`;
- a brand: the name of the site or the show, which the page shows again beside its footer
  links ("Name · Terms · Privacy"), after a copyright sign, or beside a date and a length
  ("Show · October 14, 2026 · 48 min");
- a label in capitals ("THIS WEEK'S EPISODE", "THE SIGNAL BOX"): a section's name or a
  letter's masthead, and the line under it is what it names;
- a field's label ("Episode:", "Guest:", "节目："): the line is a field, not a title (which
  field names the episode, and which title a page's prose quotes, is `title_quoted`'s).
"""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from castdigest.readers.chrome import chrome_kind, is_label, normalise
from castdigest.text.tries import trie_alternation
from castdigest.text.truncate import cjk_count

_COMMAS = re.compile(r"\s*[,，、]\s+|\s*[，、]\s*")
_SEPARATOR = re.compile(r"\s+[|·•/–—-]\s+|\s*[|·•]\s*")
_NUMBER = r"\s*#?\d{1,4}"  # "Episode 41", "Episode #41"
# in the CJK forms ("第{n}期"), a number in digits or in characters ("第三季", "第十二回")
_SEASON_NAME_WORDS = 5  # words of a show's name beside its season's number
_CJK_NUMBER = r"\s*(?:\d{1,4}|[一二三四五六七八九十百〇零两]{1,4})"
_SHOW_LABEL_MAX = 30
_PODCAST_NAME_WORDS = 4  # words of a show's name ending in "Podcast"
_PODCAST_NAME_CJK = 12  # CJK characters of such a name, before the word
_LABEL_EDGES = re.compile(r"^[^\w]+|[^\w]+$")
# An episode's number alone before its title, two digits or more (a list item has one)
_BARE_NUMBER = re.compile(r"^\d{2,4}[.:]\s+[^\W\d_]")
_BARE_NUMBER_WORDS = 4  # "12. November 2026" is a date


@cache
def vocabulary() -> dict[str, Any]:
    """`data/titles.json`: the words of titles, labels and fields, by kind and language."""
    found: dict[str, Any] = json.loads(
        resources.files(__package__).joinpath("data/titles.json").read_text("utf-8")
    )
    return found


@cache
def _markers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = vocabulary()
    words = {w for ws in data["words"].values() for w in ws}
    around = {a for aa in data["around"].values() for a in aa}
    anywhere = [re.escape(w) + _NUMBER for w in sorted(words, key=len, reverse=True)]
    anywhere += [
        re.escape(a).replace(re.escape("{n}"), _CJK_NUMBER)
        for a in sorted(around, key=len, reverse=True)
    ]
    first = [re.escape(w) + _NUMBER for w in data["start_only"]] + anywhere
    at_start = "|".join(f"(?:{f})" for f in first)
    at_end = "|".join(f"(?:{f})" for f in anywhere)
    # perhaps past a post's label and the show's name in brackets ("【Podcast 筆記】《Show》EP.87")
    shown = r"(?:[【\[][^】\]]{1,20}[】\]]\s*)?(?:[《「『][^》」』]{1,40}[》」』]\s*)?"
    start = re.compile(rf"^{shown}(?:{at_start})(?!\d)\s*[:.\-–—|·｜]?\s*\S", re.IGNORECASE)
    # after a separator, or in brackets ("…, with Ingrid Salvesen (Ep. 57)")
    end = re.compile(
        rf"\s(?:[|·•–—-]\s+)?(?:{at_end})\s*$|\s[(\[（【]\s*(?:{at_end})\s*[)\]）】]\s*$",
        re.IGNORECASE,
    )
    return start, end


@cache
def _label_words() -> tuple[str, ...]:
    data = vocabulary()
    return tuple(w.casefold() for ws in data["label_words"].values() for w in ws)


@cache
def _show_labels() -> frozenset[str]:
    return frozenset(w.casefold() for ws in vocabulary()["show_labels"].values() for w in ws)


@cache
def _audience_words() -> tuple[str, ...]:
    return tuple(w.casefold() for ws in vocabulary()["audience_words"].values() for w in ws)


def audience_count(line: str) -> bool:
    """A subscriber or follower count ("248 k suscriptores", "구독자 24.8만명"): a number and
    one of the audience words, little else."""
    s = line.strip().casefold()
    return (
        len(s) <= _SHOW_LABEL_MAX
        and any(c.isdigit() for c in s)
        and any(w in s for w in _audience_words())
    )


@cache
def _person_labels() -> frozenset[str]:
    return frozenset(w.casefold() for ws in vocabulary()["person_labels"].values() for w in ws)


def names_person(label: str) -> bool:
    """A heading or label alone on its line over a person's card ("About the speaker", "Host",
    "嘉宾"): the line under it is a person's name, not the page's title."""
    return len(label) <= _SHOW_LABEL_MAX and _LABEL_EDGES.sub("", normalise(label)) in (
        _person_labels()
    )


_PERSON_FIELD = re.compile(r"^(?P<label>[^:：・]{1,40})[:：・]\s*(?P<value>\S.{0,60})$")


def person_field(line: str) -> bool:
    """A person's role and name ("Host: Ada Lund", "主持人：梁穎思、何子朗", "聞き手・宮下朋美"):
    who is talking, never the title."""
    m = _PERSON_FIELD.match(line.strip())
    return m is not None and names_person(m.group("label"))


_CREDIT_PARTS = re.compile(r"\s+[/|·•]\s+")
_CREDIT_PART = 80  # characters of one person's credit, at most


def credits_line(line: str) -> bool:
    """People each after their role, two or more on one line ("진행 이보람 / 출연 김도윤 기자",
    "Host Ada Lund | Guest Ben Ross", "진행 윤세라 | 연출 김도현 | 작가 이소민"), one at least
    who talks (a crew's roles alone may be a menu's words): the episode's credits, never its
    title."""
    parts = _CREDIT_PARTS.split(line.strip())
    if len(parts) < 2 or any(len(part) > _CREDIT_PART for part in parts):
        return False
    talks = [bool(_role_opening(False).match(part)) for part in parts]
    crew = [bool(_role_opening(True).match(part)) for part in parts]
    return any(talks) and all(map(operator.or_, talks, crew))


@cache
def _role_opening(crew: bool) -> re.Pattern[str]:
    """A person label (`crew`: a crew's role), perhaps its colon, then a name: "출연 김도윤",
    "Hosted by Ada Lund", "연출 김도현"."""
    labels = sorted(_crew_labels() if crew else _person_labels(), key=len, reverse=True)
    words = "|".join(re.escape(w) for w in labels)
    return re.compile(rf"(?i:{words})\s*[:：]?\s+\S")


@cache
def _crew_labels() -> frozenset[str]:
    return frozenset(w.casefold() for ws in vocabulary()["crew_labels"].values() for w in ws)


_DASH = re.compile(r"\s[–—-]\s")  # a guest's name, then what the episode is about


def field_line(line: str) -> bool:
    """A field of an information panel: a known label, a colon, its value ("ゲスト：三浦彩花さん",
    "Host: Ada Lund", "番組：..."): a value, never an entry's title."""
    label, colon, value = line.strip().replace("：", ":").partition(":")
    if not colon or not value.strip() or len(label) > _SHOW_LABEL_MAX:
        return False
    key = _LABEL_EDGES.sub("", normalise(label))
    if key in _kind_words() and len(value.split()) >= _KICKED_WORDS:
        return False  # "Podcast: Ports, pipelines and patience – …": a kicker and a headline
    told = _DASH.split(value, maxsplit=1)
    if len(told) == 2 and names_person(label) and len(told[1].split()) >= _KICKED_WORDS:
        return False  # "Gæst: Mads Thorsager – manden der taber i Bezzerwizzer": a title
    return names_person(label) or key in _show_labels() or field_label(label) or is_label(label)


@cache
def _play_words() -> tuple[str, ...]:
    return tuple(w.casefold() for ws in vocabulary()["play_words"].values() for w in ws)


def play_count(line: str) -> bool:
    """A play or view count ("412,096 views", "1.2万次播放"): a video's or an episode's page
    shows it right under the title."""
    s = line.strip()
    return chrome_kind(s) == "counter" and any(w in s.casefold() for w in _play_words())


@cache
def _episode_labels() -> frozenset[str]:
    return frozenset(w.casefold() for ws in vocabulary()["episode_labels"].values() for w in ws)


@cache
def _title_labels() -> frozenset[str]:
    return frozenset(w.casefold() for ws in vocabulary()["title_labels"].values() for w in ws)


def title_label(text: str) -> bool:
    """`text` (a field's label) is a title's ("Title", "Judul", "제목"): the episode's only in
    a panel of its fields."""
    return _without_edges(text.strip()).casefold() in _title_labels()


def _without_edges(s: str) -> str:
    """`_LABEL_EDGES.sub("", s)` for a stripped `s`: its words without the marks around
    them. Asked of a whole line before its colon (a 20 KB paragraph when it has none), where
    the pattern tries every position (most of a millisecond); the marks are found from the
    ends (a character of the pattern's `\\w` is alphanumeric or "_")."""
    start, end = 0, len(s)
    while start < end and not (s[start].isalnum() or s[start] == "_"):
        start += 1
    while end > start and not (s[end - 1].isalnum() or s[end - 1] == "_"):
        end -= 1
    return s[start:end]


def field_label(text: str) -> bool:
    """`text` (a field's label, emoji and marks around it ignored) names the episode."""
    bare = _LABEL_EDGES.sub("", text.strip()).casefold()
    return bool(bare) and bare in _episode_labels()


# "by Eric Dodds & John Wessel", "par Marie Dupont", "作者 王芳": the word, then names only
# ("Por qué los gatos...", "Von Bienen und Menschen" are titles).
_BY_WORDS = "by|par|por|von|di|da|door"  # the word before who made a page
# a production's credits ("Engineered by Tomás Ruelas", "Original music by ...")
_CREDIT_VERBS = (
    "hosted|produced|edited|engineered|mixed|directed|presented|narrated|reported"
    "|présenté|réalisé|produit|animé|presentado|producido|dirigido|moderiert|produziert"
    "|condotto|prodotto|apresentado|produzido|gepresenteerd|geproduceerd"
)
_BYLINE = re.compile(
    r"^(?:(?i:(?:article\s+)?(?:written|reported|posted|rédigé|écrit|publié|escrito|redactado"
    r"|publicado|geschrieben|verfasst|scritto|pubblicato"
    rf"|original\s+music|{_CREDIT_VERBS})\s+)?"
    rf"(?i:{_BY_WORDS})\s+(?:[A-ZÀ-ÖØ-Þ@][\w.'’()@-]*|&|and|et|y|e|und|en)"
    # (a comma may close a name or a role: "By Corinne Baptiste, Librarian, Bronx Library";
    # a slash may set the role apart: "By Marisol Ventura / Host, Border & Bay")
    r"(?:\s+(?:[A-ZÀ-ÖØ-Þ@(][\w.'’()@-]*,?|&|and|et|y|e|und|en|,|/)){0,7},?\s*$"
    r"|(?:作者|文)\s)"
)


def byline(line: str) -> bool:
    """A byline ("By Ana Ruiz", "di Francesca Lodigiani", "作者 王芳", "김서윤 기자"): who wrote
    the page, never its title."""
    return (
        _BYLINE.match(line) is not None
        or _reporter().match(line) is not None
        or _newsroom().match(line.strip()) is not None
    )


def follow_button(line: str) -> bool:
    """A button to follow or subscribe to a show ("Subscribe", "S'abonner", "+ 订阅"): the
    vocabulary's `follow_words`."""
    return line.strip().casefold() in _follow_words()


@cache
def _follow_words() -> frozenset[str]:
    return frozenset(w.casefold() for ws in vocabulary()["follow_words"].values() for w in ws)


@cache
def _newsroom() -> re.Pattern[str]:
    """A byline naming only the newsroom or its reporter ("Van onze redacteur", "De notre
    correspondant à Bruxelles"): the vocabulary's `newsroom_bylines`, perhaps a place after."""
    phrases = {w for ws in vocabulary()["newsroom_bylines"].values() for w in ws}
    words = "|".join(re.escape(w) for w in sorted(phrases, key=len, reverse=True))
    at = {w for ws in vocabulary()["place_words"].values() for w in ws}
    before = "|".join(re.escape(w) for w in sorted(at, key=len, reverse=True))
    place = rf"(?:{before})\s+[^\W\d_][\w'’-]*(?:\s+[\w'’-]+){{0,2}}"
    # or its desk's name, capitalised ("Redacción Cultura", "Redaktion Wirtschaft")
    desk = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]+(?:\s+(?:&\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]+){0,2}"
    return re.compile(rf"(?i:{words})(?:\s+(?i:{place})|\s+{desk})?\s*[.:]?$")


_BY = re.compile(rf"^(?i:{_BY_WORDS}|av|af|przez)\s+(?P<name>\S.{{1,60}})$")


_BY_OPENING = re.compile(rf"^(?i:{_BY_WORDS})\s+[A-ZÀ-ÖØ-Þ]")


def opens_byline(line: str) -> bool:
    """The line opens as a byline does ("By Marisol Tenney, Devin Oyelaran & …"), however
    long the list of names and credits after it."""
    return _BY_OPENING.match(line.strip()) is not None


def by_name(line: str) -> str | None:
    """The name after a by-word ("Par Point de bascule" -> "point de bascule", normalised):
    a byline when the page shows that name alone elsewhere (the show's, over the title)."""
    m = _BY.match(line.strip())
    return normalise(m["name"]) if m else None


_CREDITED = re.compile(
    rf"(?i:\b(?:{_CREDIT_VERBS})\s+(?:{_BY_WORDS}))\s+"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+(?: [A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+){1,2})"
)


def credited_names(line: str) -> list[str]:
    """The names a line credits with the episode's making, in prose or not ("Presented by
    Harriet Okafor. Produced by Lucy Varga.")."""
    return [m["name"] for m in _CREDITED.finditer(line)]


def credited(name: str, text: str) -> bool:
    """`text` credits `name` after a by-word ("Presented by Harriet Okafor", "un podcast de
    …") or a person's role ("spricht Host Katrin Möllendorf mit …", "la invitada Ana Ruiz"):
    who made the page, presents the episode or is on it, not a title."""
    by = rf"(?i:\b(?:{_BY_WORDS}|av|af|przez|{_roles()}))\s+{re.escape(name)}(?![\w])"
    return re.search(by, text) is not None


@cache
def _roles() -> str:
    """The one-word person labels ("host", "Moderatorin", "invitée"), longest first."""
    words = sorted((w for w in _person_labels() if " " not in w), key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


@cache
def _reporter() -> re.Pattern[str]:
    """A reporter's name and title, perhaps an address ("김서윤 기자 kim@example.com", "王芳
    记者", "山田太郎記者"): the vocabulary's `reporter_titles`."""
    titles = sorted({w for ws in vocabulary()["reporter_titles"].values() for w in ws}, key=len)
    alternatives = "|".join(re.escape(t) for t in reversed(titles))
    labels = sorted({w for ws in vocabulary()["reporter_labels"].values() for w in ws}, key=len)
    label = "|".join(re.escape(w) for w in reversed(labels))
    name = r"[\u3400-\u9fff\uac00-\ud7af]{1,4}\s?[\u3400-\u9fff\uac00-\ud7af]{1,4}"
    return re.compile(
        rf"^(?:(?:{label})\s*[:：]?\s*)?"  # "기자명 김현수 기자": a label before the name
        rf"[\u3400-\u9fff\uac00-\ud7af]{{2,5}}\s?(?:{alternatives})(?:\s+\S+@\S+)?\s*$"
        # the newsroom and the title before the name: "澎湃新闻记者 林晓舟", "ダイヤモンド編集部
        # 村瀬健太", "潮新闻客户端 记者 沈知遥" (a newsroom's name may be written in kana)
        rf"|^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{{0,8}}\s?(?:{alternatives})\s+[\u3400-\u9fff\uac00-\ud7af]{{2,4}}$"
        # the label and a name or an account of a word or two: "작성자 오후의발견"
        # (a colon or a space after the label: "报道称…" opens a sentence)
        rf"|^(?:{label})(?:\s*[:：]\s*|\s+)\S{{1,20}}(?:\s\S{{1,20}})?$"
        # the name, then the newsroom and the title: "中野 沙織 : 東洋経済 記者"
        rf"|^{name}\s*[:：/|]\s*[^:：/|]{{1,20}}?\s?(?:{alternatives})$"
    )


# German also quotes »so«: either guillemet may open a quotation and either close it.
OPEN_QUOTES = '“"«»「『„‘'
CLOSE_QUOTES = '”"»«」』“’'
_SHOW_LINK = 80  # characters of a link back to the show ("Back to The Fine Print")


def abbreviation(word: str) -> bool:
    """A short word written with a period that ends no sentence ("dr", "Prof", "dott")."""
    return word.casefold() in _abbreviations()


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(w.casefold() for ws in vocabulary()["abbreviations"].values() for w in ws)


def podcast_name(line: str) -> bool:
    """A short line ending in the word for a podcast ("Harbor Notes Podcast", "夜航船播客"),
    or a name and a tagline that opens with it after a dash ("Kurswechsel – der Podcast zur
    Energiewende"): a show's name; an episode's title seldom ends so."""
    if (m := _NAME_TAGLINE.match(line.strip())) and _opens_with(m["tagline"].casefold()):
        return True
    s = normalise(line)
    words = [w for w in line.split() if any(c.isalnum() for c in w)]  # not a dash
    # a number alone is an episode's ("Episode 12 Podcast"); a station's is in a word ("Ö1")
    if not s or any(w.isdigit() for w in words):
        return False
    for word in podcast_words():
        if not s.endswith(word) or len(s) <= len(word):
            continue
        if cjk_count(word):  # the name before the word is short ("多摩川さんぽ道 ポッドキャスト")
            return cjk_count(s[: -len(word)]) <= _PODCAST_NAME_CJK
        # "Harbor Notes Podcast": a name in capitals before the word, a few words in all
        # ("Why I quit my podcast" is a title); or a compound ending in it, a capitalised
        # noun ("Der Ö1 Wissenschaftspodcast")
        before = s[-len(word) - 1]
        compound = before.isalpha() and words[-1][:1].isupper()
        if (before == " " or compound) and len(words) <= _PODCAST_NAME_WORDS:
            return all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return False


_NAME_TAGLINE = re.compile(r"^(?P<name>[^–—|:]{2,40}?)\s+[–—|-]\s+(?P<tagline>\S.{0,80})$")


def _opens_with(tagline: str) -> bool:
    """The tagline opens with an article and the word for a podcast ("der Podcast zur ...",
    "the podcast about ..."): the vocabulary's podcast words of two words."""
    return any(tagline.startswith(w + " ") for w in podcast_words() if " " in w)


def summed_up(line: str) -> str | None:
    """The title a summary site's heading sums up ('Summary of "<title>"', 'Résumé de «
    <title> »'), without the words and quotation marks around it; else None (unquoted, the
    words may open a title: "Summary of a Year")."""
    s = line.strip()
    folded = s.casefold()
    for words in _summary_words():
        if folded.startswith(words) and len(s) > len(words) + 2:
            inner = s[len(words) :].strip()
            if inner[:1] in OPEN_QUOTES and inner[-1:] in CLOSE_QUOTES:
                return inner[1:-1].strip() or None
    return None


# an uploaded recording's file name: a transcription or notes service shows it as the title
_MEDIA_FILE = re.compile(
    r"^(?P<stem>\S.*?)\.(?:mp3|m4a|mp4|wav|aac|ogg|oga|opus|flac|webm|mov|m4v|mkv|wma)$",
    re.IGNORECASE,
)
_FILE_NAME_SEPARATORS = ("-", "–", "—", ":", "：", "|", "｜", "_", "·")
_TAGS = re.compile(r"^(?:[\[【(（][^\]】)）]{1,20}[\]】)）]\s*)+")  # "[팟캐스트] ", "【録音】"


def uploaded_title(line: str) -> str | None:
    """The episode's title in an uploaded recording's file name, the way notes and transcription
    services show one ("[Podcast] Small Print EP.14 - Who Reads the Terms.mp3" -> "Who Reads
    the Terms"): no extension, no tag before it, what follows the episode's number and a
    separator; else None for a line that is no such name."""
    s = line.strip()
    m = _MEDIA_FILE.match(s) if "." in s[-6:] else None  # most lines end in no extension
    if m is None:
        return None
    stem = _TAGS.sub("", m["stem"]).strip()
    if " " not in stem:
        stem = stem.replace("_", " ")  # "weekly_notes_12"
    number = next(reversed(list(_any_marker().finditer(stem))), None)
    after = stem[number.end() :].lstrip() if number else ""
    rest = after[1:].strip() if after[:1] in _FILE_NAME_SEPARATORS else ""
    return rest if len(rest) >= 2 else stem or None  # "Show EP.57 - Title": what follows


@cache
def _summary_words() -> tuple[str, ...]:
    words = {w.casefold() for ws in vocabulary()["summary_of"].values() for w in ws}
    return tuple(sorted(words, key=len, reverse=True))


_KIND_PARTS = re.compile(r"\s+[·•|/›>]\s+")


def kind_first(line: str) -> bool:
    """A line opening with the kind of item alone, then a separator ("Podcast · Nature &
    Outdoors", "Podcasts / Backcountry Dispatch"): its kind and genre, or a breadcrumb."""
    parts = _KIND_PARTS.split(line.strip(), maxsplit=1)
    return len(parts) == 2 and normalise(parts[0]) in _kind_words()


_KICKED_WORDS = 5  # words of a headline after the kind of item ("Podcast | Waarom geen …")
_KICKED_CJK = 10  # CJK characters of such a headline ("播客｜…")


def kicked_title(line: str) -> str | None:
    """The headline after the kind of item as its kicker ("Podcast | Waarom geen enkele
    Vlaamse gemeente de betonstop haalt"); a genre or a crumb after the kind is short."""
    parts = _KIND_PARTS.split(line.strip(), maxsplit=1)
    if len(parts) != 2 or normalise(parts[0]) not in _kind_words() or _KIND_PARTS.search(parts[1]):
        return None
    rest = parts[1].strip()
    long = len(rest.split()) >= _KICKED_WORDS or cjk_count(rest) >= _KICKED_CJK
    return rest if long else None


def kind_alone(line: str) -> bool:
    """A line that is only a kind of item ("Podcasts", "Émissions", "节目")."""
    return normalise(line) in _kind_words()


@cache
def _kind_words() -> frozenset[str]:
    return frozenset(w.casefold() for ws in vocabulary()["kind_words"].values() for w in ws)


_TAGLINE = re.compile(r"\s[-–—|:]\s")


def brand_taglines(lines: list[str], brands: set[str]) -> set[str]:
    """Normalised lines naming a known show, then what it is ("Nachgehakt – der
    ntv-Podcast", "Harbor Notes | A podcast"): the show's tagline, never the title."""
    words = podcast_words()
    found = set()
    for line in lines:
        parts = _TAGLINE.split(line, maxsplit=1)
        if len(parts) == 2 and normalise(parts[0]) in brands:
            tail = normalise(parts[1])
            if any(tail.endswith(w) for w in words):
                found.add(normalise(line))
    return found


@cache
def podcast_words() -> tuple[str, ...]:
    """The words for a podcast, casefolded, the longest first ("the podcast", "播客")."""
    words = {w.casefold() for ws in vocabulary()["podcast_words"].values() for w in ws}
    return tuple(sorted(words, key=len, reverse=True))


def linked_show(line: str) -> str | None:
    """The show a link back to its page or a prompt to follow it names ("Back to The Fine
    Print", "Listen to and follow The Fine Print"), normalised; None for other lines."""
    if len(line) > _SHOW_LINK:
        return None  # a paragraph: spared normalising
    key = normalise(line)
    opener = next((w for w in _show_links() if key.startswith(w + " ")), None)
    return (key[len(opener) + 1 :].strip() or None) if opener else None


@cache
def _show_links() -> tuple[str, ...]:
    found = {w.casefold() for ws in vocabulary()["show_links"].values() for w in ws}
    return tuple(sorted(found, key=len, reverse=True))  # "listen to and follow" before "follow"


def names_show(label: str) -> bool:
    """A label alone on its line that names the show on the line under it ("Show", "Sendung",
    "节目"), as an app's information panel shows it."""
    return len(label) <= _SHOW_LABEL_MAX and normalise(label) in _show_labels()


_LABEL_WORDS = 4  # words of a label naming the episode under it ("THIS WEEK'S EPISODE")


def names_episode(label: str) -> bool:
    """A short label, in capitals or ending in a colon, that names an episode ("THIS WEEK'S
    EPISODE", "Cette semaine :"): the line under it is the episode's title."""
    s = label.strip()
    if len(s) > 60 or not (capitals(s) or s.endswith((":", "：")) or is_label(s)):
        return False
    if len(s.split()) > _LABEL_WORDS:
        return False  # "Topics covered in this episode include:": a list's lead-in
    folded = s.casefold()
    first = _LABEL_EDGES.sub("", folded.split()[0]) if folded.split() else ""
    if first in _person_labels():
        return False  # "Gäste dieser Folge:": who is in it, over their names
    return any(w in folded for w in _label_words())


def numbered(line: str) -> bool:
    """The line carries an episode-number marker and words besides it."""
    start, end = _markers()
    if _BARE_NUMBER.match(line) and len(line.split()) >= _BARE_NUMBER_WORDS:
        return True  # "212. The Sugar Trust's Last Stand": a catalogue's episode number
    return bool(start.match(line) or end.search(line)) and not numbers_only(line)


@cache
def _any_marker() -> re.Pattern[str]:
    """Any season or episode marker with its number. The words before a number, and those
    after one ("{n}. díl"), are each one trie: a hundred and more words in thirty languages,
    tried one by one at every position of a line, cost seven times more."""
    data = vocabulary()
    words = {w for key in ("words", "season_words") for ws in data[key].values() for w in ws}
    words |= set(data["start_only"])
    around = {a for aa in data["around"].values() for a in aa} | {w for w in words if "{n}" in w}
    first = {a.removeprefix("{n}") for a in around if a.startswith("{n}")}  # "{n}. díl"
    inside = around - {"{n}" + a for a in first}  # "第{n}期"
    forms = [f"(?:{_marker_form(w)})" for w in sorted(inside, key=len, reverse=True)]
    forms += [f"{_CJK_NUMBER}(?:{trie_alternation(first)})"] if first else []
    forms += [f"(?:{trie_alternation(words - around)}){_NUMBER}"]
    return re.compile("|".join(forms), re.IGNORECASE)


def _marker_form(word: str) -> str:
    """A marker's pattern: its number inside ("第{n}期") or after it ("Episode 12")."""
    if "{n}" in word:
        return re.escape(word).replace(re.escape("{n}"), _CJK_NUMBER)
    return re.escape(word) + _NUMBER


@cache
def _season_marker() -> re.Pattern[str]:
    words = {w for ws in vocabulary()["season_words"].values() for w in ws}
    forms = [_marker_form(w) for w in sorted(words, key=len, reverse=True)]
    return re.compile("|".join(f"(?:{f})" for f in forms), re.IGNORECASE)


def season_name(line: str) -> bool:
    """A name and a season's number, nothing else ("夜谈俱乐部 第三季", "Harbor Notes Season
    2"): the show's season, over or under its episode's title."""
    m = _season_marker().search(line)
    if m is None or _any_marker().search(rest_text := line[: m.start()] + " " + line[m.end() :]):
        return False  # no season, or an episode's number too ("Season 2, Episode 4: ...")
    rest = normalise(rest_text).split()
    return 0 < _words(rest) <= _SEASON_NAME_WORDS


def name_before_number(line: str) -> str | None:
    """The few words before the episode's number that ends `line`, normalised ("The Middle
    Layer / Episode 48" -> "the middle layer"): a name, if the page says it elsewhere."""
    name = numbered_name(line)
    return normalise(name) if name else None


_NUMBERED_LABEL = 60  # characters of a show's name and an episode's number, at most
_NAME_SEP = re.compile(r"\s+[·|•–—-]\s+|,\s+")


def show_numbered(line: str) -> bool:
    """A show's name and the episode's number, nothing else ("Close Looking, Episode 87",
    "Tidelines · Season 2, Episode 6"): a label of the episode, never its title."""
    s = line.strip()
    if len(s) > _NUMBERED_LABEL:
        return False  # a label is short: spare a long line the search for its numbers
    parts = _NAME_SEP.split(s, maxsplit=1)
    if len(parts) != 2 or _of_parts(parts[1]):
        return False  # "Ketchup Wars, Part 1": a title in parts
    return (numbers_only(parts[1]) and not numbers_only(parts[0])) or bool(numbered_name(s))


def _of_parts(text: str) -> bool:
    """`text` names a part of a story ("Part 1", "Teil 2"): the vocabulary's `part_words`."""
    return any(word in _part_words() for word in text.casefold().split())


@cache
def _part_words() -> frozenset[str]:
    return frozenset(w for ws in vocabulary()["part_words"].values() for w in ws if "{n}" not in w)


def numbered_name(line: str) -> str | None:
    """The few words before the episode's number that ends `line`, as written ("Close
    Looking, Episode 87" -> "Close Looking"), or None when the line is not a name and a
    number."""
    m = next(reversed(list(_any_marker().finditer(line))), None)  # the last number
    if m is None or m.start() == 0 or line[m.end() :].strip(" )]）】"):
        return None
    name = line[: m.start()].rstrip(" /|·•,:-–—")
    rest = normalise(name)
    if not rest or _any_marker().search(line[: m.start()]):
        return None
    return name.strip() if _words(rest.split()) <= _SEASON_NAME_WORDS else None


@cache
def _part_line() -> re.Pattern[str]:
    """A programme's part and its number opening a line, then its title ("Part 1: …",
    "1부 : …", "第一部分：…"): the vocabulary's `part_words`."""
    forms = []
    for k, word in enumerate(sorted({w for ws in vocabulary()["part_words"].values() for w in ws})):
        number = rf"(?P<n{k}>\d{{1,2}}|[一二三四五六七八九十])"
        if "{n}" in word:
            forms.append(re.escape(word).replace(re.escape("{n}"), number))
        else:
            forms.append(rf"{re.escape(word)}\s*{number}")
    tail = r"(?:\s*[:：.\-–—]\s*|\s+)(?P<title>\S.{0,150})$"
    bullet = r"(?:[■□▪●○◆◇•·▶►*-]\s*)?"  # a list's bullet before it ("■ 1부 …")
    return re.compile(rf"^{bullet}(?:{'|'.join(forms)}){tail}", re.IGNORECASE)


def part_title(line: str) -> tuple[int, str] | None:
    """(number, title) of a programme's part line ("2부 : 풍류초대석 - …" -> (2, "풍류초대석 -
    …")), or None."""
    m = _part_line().match(line.strip())
    if m is None:
        return None
    raw = next(v for k, v in m.groupdict().items() if k != "title" and v)
    number = int(raw) if raw.strip().isdigit() else _CJK_DIGITS.get(raw.strip(), 0)
    return (number, m["title"].strip()) if number else None


_CJK_DIGITS = {c: k for k, c in enumerate("一二三四五六七八九十", start=1)}


def without_markers(line: str) -> str:
    """`line` with its season and episode numbers ("Ep. 60", "Season 1", "第12回") taken out."""
    if _NUMERAL.search(line) is None:
        return line  # every marker holds its number: most lines have none to take out
    return _any_marker().sub(" ", line)


_NUMERAL = re.compile(r"[\d一二三四五六七八九十百〇零两]")


@lru_cache(maxsize=1 << 12)  # asked of an entry's title by its start and its frame
def numbers_only(line: str) -> bool:
    """Only season and episode numbers ("Season 4, Episode 7", "Episode 212"): a label."""
    return not any(c.isalpha() for c in without_markers(line))


def show_and_number(key: str, line: str, brands: set[str]) -> bool:
    """`line` (normalised: `key`) is a show's name and an episode number ("Harbor Notes
    Weekly, Episode 112"): one of `brands` (the site's or show's names the page shows) and at
    most two more words beside its numbers. A title with the show after it ("Why Ports Win |
    Harbor Notes Ep. 112") has more."""
    if not brands or _any_marker().search(line) is None:
        return False
    rest = normalise(without_markers(line)).split()
    for name in brands:
        if len(name) >= 3 and name in " ".join(rest) and _words(rest) - _words(name.split()) <= 2:
            return name != key
    return False


def _words(tokens: list[str]) -> int:
    """Words in `tokens`, a run of Chinese, Japanese or Korean characters counting one word
    for every two characters (those scripts put no spaces between words)."""
    return sum(max(1, cjk // 2) if (cjk := cjk_count(t)) else 1 for t in tokens)


def brand(key: str, page: list[tuple[str, str]], metadata: Callable[[str], bool]) -> bool:
    """`key` (a normalised line) is shown elsewhere as a name beside footer links, a
    copyright sign, or a date and a length: the site's or the show's name, not a title.
    `page`: the page's lines with their normalised forms, made once for every candidate."""
    if len(key) < 3:
        return False
    for line, normal in page:
        if key not in normal or normal == key:
            continue
        if chrome_kind(line) == "address" or line.lstrip().startswith(("©", "(c)", "Copyright")):
            return True
        if _site_suffixed(line, key):
            return True
        parts = [p for p in _SEPARATOR.split(line.strip()) if p.strip()]
        if metadata(line) and any(normalise(p) == key for p in _COMMAS.split(line.strip())):
            return True  # "Sendung vom Mo., 23.11.2026 8:30 Uhr, SWR2 Wissen, SWR2"
        if len(parts) < 2 or not any(normalise(p) == key for p in parts):
            continue
        others = [p for p in parts if normalise(p) != key]
        if all(chrome_kind(p) or is_label(p) or metadata(p) for p in others):
            return True
    return False


_SITE_SUFFIX = re.compile(r"\s*(?:[—–|｜]|\s-\s)\s*(?P<site>[^—–|｜]{2,40})$")
_HEADLINE_WORDS = 4  # words of another page's headline before its site's name


def _site_suffixed(line: str, key: str) -> bool:
    """`line` is another page's headline with the site's name after it, as a browser names
    a page ("Seafloor mud yields a new antimicrobial compound—UChicago News")."""
    s = line.strip()
    m = _SITE_SUFFIX.search(s)
    return (
        m is not None
        and normalise(m.group("site")) == key
        and len(s[: m.start()].split()) >= _HEADLINE_WORDS
    )


def capitals(line: str) -> bool:
    """A line in capitals (a label or a masthead), in a script that has them."""
    cased = [c for c in line if c.lower() != c.upper()]
    if len(cased) < 4 or not all(c.isupper() for c in cased):
        return False
    # "【播客】AI时代 ... EP.42": a few Latin capitals in a Chinese line do not make it one
    return len(cased) * 2 >= sum(c.isalpha() for c in line)
