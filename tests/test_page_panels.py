"""A summary article with an information panel about its episode under a panel's heading, a
news site's notes with "▸" points, a quotation attributed after a box-drawing dash, and a
read-aloud widget that never loaded."""

from __future__ import annotations

from page_reading import read_text

PANEL = """メインコンテンツへスキップ
ワークライフ・ラボ
ワークスタイル
ライフスタイル
テクノロジー
ポッドキャスト
検索
ログイン
ホーム
ワークスタイル
時間術
「昼休みの15分」をどう使う？ 睡眠コーチと考えた、午後が変わる休み方【ポッドキャスト】
2026.11.20
ワークライフ・ラボ編集部
※本記事は、ポッドキャスト番組『しごとの余白』の配信内容をもとに、AIによる要約を編集部が確認・編集したものです。
この記事のポイント
・昼食後の眠気は「食べ過ぎ」より「座りっぱなし」が原因のことが多い
・15分の仮眠は、横にならず椅子で取るほうが午後に響かない
・休憩の最後の3分は、午後の最初の作業を書き出す時間にする
番組情報
番組名：しごとの余白
エピソード：#22 昼休みの15分は誰のものか
配信日：2026年11月18日
再生時間：38分40秒
ゲスト：川村 美咲（睡眠コーチ）
チャプター
00:00 オープニング
03:10 昼の眠気の正体
14:20 椅子で取る仮眠
27:45 休憩の終わり方
35:30 エンディング
"""


def test_a_panels_heading_is_no_title() -> None:
    # "番組情報" (programme information) heads the panel whose "エピソード：" names the
    # episode; it is no entry's title over a date and a length
    reader, episodes = read_text(PANEL)
    assert reader == "text"
    [episode] = episodes
    assert episode.title == "#22 昼休みの15分は誰のものか"
    assert len(episode.takeaways) == 3
    assert len(episode.chapters) == 5


NOTES = """聯合新聞網
即時
要聞
娛樂
Podcast
【港都慢慢聊】捷運延伸為何一延再延？工程師：最難的是地下管線
2026-11-18 18:10 聯合報／ 記者陳怡君／高雄即時報導
聽新聞
0:00 / 0:00
本集由記者陳怡君主持，邀請捷運工程顧問黃志明，談高雄捷運延伸工程為何屢屢延宕。
本集重點
▸ 地下管線圖資不完整，施工前的試挖往往發現圖上沒有的管線。
▸ 延宕多半不是單一原因，而是用地、管線與預算三者互相牽動。
▸ 分段通車可以讓部分路段先營運，但站體設計要一開始就預留。
「捷運最難的從來不是隧道，是地底下沒人記得的東西。」──工程顧問 黃志明
節目章節
00:00｜開場：延伸線走到哪了
05:30｜管線圖資的問題
16:40｜用地與預算
28:15｜分段通車的可能
"""


def test_arrowhead_points_a_dash_attributed_quote_and_a_widget_not_loaded() -> None:
    _, episodes = read_text(NOTES)
    [episode] = episodes
    assert episode.takeaways == [
        "地下管線圖資不完整，施工前的試挖往往發現圖上沒有的管線。",
        "延宕多半不是單一原因，而是用地、管線與預算三者互相牽動。",
        "分段通車可以讓部分路段先營運，但站體設計要一開始就預留。",
    ]
    assert [q.text for q in episode.quotes] == ["捷運最難的從來不是隧道，是地底下沒人記得的東西。"]
    assert episode.duration is None  # "0:00 / 0:00": a read-aloud widget not loaded
    assert len(episode.chapters) == 4
