"""Stop words and spoken fillers, per language: words that carry no topic of their own.

Short hand-made lists (function words, auxiliaries, fillers of speech; in English also what
meeting transcripts are full of without it being a topic: "cuz", "'kay", "yep", a "Mr." that
addresses the chair, "th" broken off before "the"). In-document IDF does the rest of the
down-weighting, so these need not be exhaustive. For Chinese the entries are
character bigrams and for Korean two-syllable stems, matching `text.tokens.terms`.
"""

from __future__ import annotations

_EN = """
a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can can't cannot could couldn't did didn't do does
doesn't doing don't down during each either else even ever every few for from further get
gets getting go goes going gonna got gotta had hadn't has hasn't have haven't having he he'd
he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've
if in into is isn't it it's its itself just let let's like likely lot lots may maybe me might
more most much must mustn't my myself need no nor not now of off oh ok okay on once one only or
other ought our ours ourselves out over own per probably quite rather really right said same
say says see seem seems shall shan't she she'd she'll she's should shouldn't so some something
sort still such sure than that that's the their theirs them themselves then there there's
these they they'd they'll they're they've thing things think this those though through to too
uh um under until up upon us very via want wanna was wasn't way we we'd we'll we're we've well
were weren't what what's whatever when when's where where's whether which while who who's whom
whose why why's will with within without won't would wouldn't yeah yes yet you you'd you'll
you're you've your yours yourself yourselves actually basically kind kinda mean mm hmm huh
anyway anyways literally stuff guess know go come make take
"""
# English speech only (the lists of other languages include `_EN` for the English words in
# their text, where these do not occur).
_EN_SPOKEN = """
cuz coz th mr mrs ms dr yep yup nope kay
"""
_FR = """
a ai aie aient aies ait alors as au aucun aussi autre aux avec avoir avais avait avant avez
avions avons ayant bah ben bien bon c ça car ce ceci cela celle celles celui cependant certes
ces cet cette ceux chaque chez ci comme comment d dans de des donc dont du elle elles en encore
es est et été étaient était étant êtes être eu euh eux fait faire fois hein il ils j je jusqu
l la là le les leur leurs lui m ma mais me même mes moi mon n ne ni non nos notre nous on ont
ou où par parce pas peu peut plus pour pourquoi quand que quel quelle quelles quels qui quoi s
sa sans se ses si sinon son sont sous suis sur t ta te tes toi ton tous tout toute toutes très
tu un une vers voilà vos votre vous y truc voila enfin bref genre quoi
"""
_ES = """
a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e
el ella ellas ellos en entre era es esa esas ese eso esos esta estaba estar este esto estos
fue ha hay la las le les lo los más me mi mientras muy nada ni no nos o os otra otro para pero
poco por porque que quien se ser si sí sin sobre son su sus también tanto te tengo tiene todo
todos tu un una uno unos y ya yo bueno pues este eh
"""
_DE = """
aber alle als also am an auch auf aus bei bin bis bist da damit dann das dass dem den denn der
des die dies diese dieser dieses doch dort du durch ein eine einem einen einer eines er es
etwa für hat hatte haben ich ihr im in ist ja jetzt kann kein keine mal man mehr mit muss nach
nicht noch nur ob oder ohne schon sehr sein sich sie sind so über um und uns von vor war
wenn wer wie wir wird wo zu zum zur äh ähm halt eben
"""
_IT = """
a ad al alla alle anche che chi ci come con da dal dalla dei del della delle di e è ed gli ha
hanno ho i il in io la le lei lo loro lui ma mi mio ne nel nella no non noi o per perché più
quella quello questa questo se si sono su sua suo tra tu un una uno voi cioè allora ecco
"""
_PT = """
a ao aos as com como da das de do dos e é ela ele eles em entre era essa esse esta este eu foi
há isso isto já la lhe mais mas me meu muito na nas no nos não o os ou para pela pelo por que
quando se sem ser seu sua são também te tem um uma você então né tipo
"""
_ZH = """
我们 你们 他们 她们 就是 这个 那个 然后 一个 因为 所以 可以 没有 什么 不是 还是 的话 如果 其实
这样 那么 但是 而且 或者 这些 那些 现在 时候 自己 大家 已经 觉得 应该 比较 一些 这种 那种 之后
的时 是一 了一 是我 我觉 对对 嗯嗯 是的 的一 在这 这里 那里 也是 都是 就说 来说 一下 有一
"""
_KO = """
그리 그래 그런 그러 그냥 이제 저희 우리 정말 진짜 아니 이런 저런 어떤 이거 그거 저거 있는 있어
있습 합니 하는 했습 했어 하고 해서 때문 같은 같아 이렇 저렇 그렇 그게 이게 네네 음음 어어
"""

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(_EN.split()) | frozenset(_EN_SPOKEN.split()),
    "fr": frozenset(_FR.split()) | frozenset(_EN.split()),
    "es": frozenset(_ES.split()),
    "de": frozenset(_DE.split()),
    "it": frozenset(_IT.split()),
    "pt": frozenset(_PT.split()),
    "zh": frozenset(_ZH.split()) | frozenset(_EN.split()),
    "ja": frozenset(_EN.split()),
    "ko": frozenset(_KO.split()) | frozenset(_EN.split()),
}
