/**
 * Traditional characters (繁体字, after 《简化字总表》1986) and variant forms (异体字, after 《第一批异体字整理表》
 * 1955 as revised in 《通用规范汉字表》2013 附表1) with the standard form a simplified text uses. Each pair is
 * `繁简`. Left out on purpose, because 《通用规范汉字表》 keeps them as standard characters in some words or
 * names: 乾 (乾坤), 著 (著名), 於 (a surname), 瞭 (瞭望), 覆 (覆盖), 藉 (狼藉), 徵 (宫商角徵羽), 適 and 鍾
 * (names), 餘 (馀), 蒐, 陞, 昇, 堃.
 */
export const SCRIPT_SOURCES = {
  traditional: {
    title: '《简化字总表》（1986）',
    url: 'https://zh.wikisource.org/wiki/简化字总表',
    pairs: `國国 會会 發发 這这 個个 們们 來来 時时 為为 說说 對对 學学 開开 問问 與与 經经 進进 過过 還还 後后
      機机 當当 體体 東东 門门 見见 車车 馬马 鳥鸟 魚鱼 書书 華华 業业 產产 區区 廣广 場场 實实 現现 關关
      將将 點点 號号 員员 請请 讓让 話话 語语 認认 識识 議议 論论 設设 計计 記记 萬万 億亿 歲岁 農农 電电
      雲云 陽阳 陰阴 義义 藝艺 術术 環环 護护 衛卫 聯联 網网 絡络 總总 統统 線线 練练 組组 織织 約约 紅红
      級级 給给 結结 財财 貨货 質质 費费 資资 貿贸 買买 賣卖 價价 錢钱 銀银 鐵铁 鋼钢 礦矿 劇剧 戲戏 歡欢
      觀观 覺觉 頭头 題题 顯显 類类 風风 飛飞 飯饭 館馆 醫医 藥药 療疗 師师 隊队 軍军 戰战 擊击 勞劳 動动
      務务 勢势 幾几 麼么 氣气 漢汉 灣湾 臺台 豐丰 廠厂 圖图 團团 園园 圓圆 參参 壓压 報报 紙纸 張张 彈弹
      鄉乡 鎮镇 縣县 際际 階阶 陸陆 雙双 離离 難难 驗验 險险 邊边 遠远 運运 達达 遺遗 選选 歷历 傳传 債债
      僅仅 從从 復复 應应 態态 憲宪 擔担 據据 擴扩 換换 損损 揮挥 權权 條条 標标 構构 樣样 檢检 樹树 橋桥
      樓楼 歸归 殺杀 滅灭 況况 減减 測测 溫温 準准 濟济 潔洁 災灾 無无 煙烟 燈灯 爭争 獎奖 獲获 畢毕 畫画
      盡尽 監监 碼码 確确 種种 稅税 穩稳 積积 筆笔 節节 範范 築筑 簡简 糧粮 聖圣 聲声 職职 腦脑 舊旧 藍蓝
      蘇苏 處处 蟲虫 衝冲 補补 裝装 複复 規规 視视 親亲 訂订 訊讯 試试 詩诗 該该 詳详 調调 談谈 證证 讀读
      變变 豬猪 貝贝 負负 責责 貴贵 賽赛 趕赶 趨趋 輕轻 較较 輪轮 輸输 轉转 辦办 週周 鄰邻 釋释 針针 鐘钟
      錄录 鏈链 閉闭 間间 閱阅 隨随 雞鸡 靈灵 響响 頁页 順顺 項项 預预 領领 額额 願愿 養养 驚惊 髮发 鬥斗
      齊齐 龍龙 廳厅 屬属 導导 鬧闹 壯壮 奪夺 婦妇 寶宝 層层 嶺岭 帥帅 幣币 礎础 聽听 蘭兰 讚赞 贊赞`,
  },
  variant: {
    title: '《第一批异体字整理表》（1955），《通用规范汉字表》（2013）附表1',
    url: 'https://zh.wikisource.org/wiki/第一批异体字整理表',
    pairs: `羣群 峯峰 牀床 槪概 汙污 冊册 啓启 敎教 眞真 靑青 吿告 爲为 衆众 査查 淸清 卽即 旣既 黃黄 兎兔 鷄鸡
      腳脚 祕秘 喫吃 竝并 迺乃 廻回 寃冤 凴凭 強强 卻却 綫线 歎叹 嘆叹 脣唇 裏里 裡里 敍叙 敘叙 秊年 菓果`,
  },
} as const;

/**
 * Standard forms that are also ordinary characters of traditional text (台 as in 臺/檯/颱, 后 皇后, 里 the
 * unit, 只, 斗, 面, 干, 吃, 回…): finding one says nothing about which script a paragraph is in.
 */
export const SHARED_FORMS = '台后里只斗面干吃回乃果年唇叹并秘脚兔告教青真概床峰群污册启众查清即既黄凭强却线叙云范';
