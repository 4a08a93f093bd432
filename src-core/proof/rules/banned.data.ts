/**
 * The default list of banned and regulated expressions (禁用词, 规范表述), each with its preferred form
 * and the public source it comes from (the addresses are the reproductions read when compiling). A
 * paper adds its own in its house lists (`house-lists.ts`). Only expressions that are never a correct
 * reading or a seam between two words are kept (the clean 《人民日报》 copy is the test): 妈的 (妈妈的),
 * 根治 (根治欠薪), 最佳/最好 (最好的办法), 影后 (看完电影后), 中台 and 中港 (会议中台上, 集中港口), 罪犯
 * (right after a verdict), 原住民 (other countries') were left out on purpose.
 */
export interface BannedSource {
  title: string;
  url: string;
  /** `expression=preferred`, separated by spaces; `expression=` when it is to be left out. */
  entries: string;
}

export const BANNED_SOURCES: Readonly<Record<string, BannedSource>> = {
  xinhua2015society: {
    title: '新华社《新闻报道中的禁用词（第一批）》（2015）社会生活类',
    url: 'http://www.2263.com.cn/article/834.html',
    entries: `残废人=残疾人 独眼龙=盲人 瞎子=盲人 聋子=聋人 傻子=智力障碍者 呆子=智力障碍者 弱智=智力障碍者
      疗效最佳= 安全无副作用= 安全预防= 药到病除= 无效退款= 保险公司保险= 最先进制法= 药之王= 国家级新药=
      影帝=著名演员 哇噻=`,
  },
  xinhua2015world: {
    title: '新华社《新闻报道中的禁用词（第一批）》（2015）国际关系类',
    url: 'http://regraff.com/news/redian/1646944.html',
    entries: `北朝鲜=朝鲜 世界贸易组织成员国=世界贸易组织成员 亚太经合组织成员国=亚太经合组织成员 穆斯林国家=伊斯兰国家
      穆斯林世界=伊斯兰世界 阿拉伯民兵=武装民兵 黑人歹徒=歹徒 伊斯兰原教旨主义=宗教激进主义 十字军=`,
  },
  xinhua2016taiwan: {
    title: '新华社《新华社新闻信息报道中的禁用词和慎用词》（2016年7月修订）涉及领土、主权和港澳台',
    url: 'http://mingpaocanada.com/van/htm/News/20170721/tcbf1_r.htm',
    entries: `中华民国总统=台湾地区领导人 台湾总统=台湾地区领导人 台湾政府=台湾当局 台语=台湾闽南语
      两岸三地=海峡两岸和香港 港澳台游客来华=港澳台游客来大陆`,
  },
};

/** One default entry with the list it comes from. */
export interface BannedExpression {
  expression: string;
  /** What to write instead; '' when the expression is simply to be left out. */
  preferred: string;
  source: string;
}

/** Every default entry, in list order. */
export function bannedEntries(): BannedExpression[] {
  return Object.entries(BANNED_SOURCES).flatMap(([source, s]) =>
    s.entries
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => {
        const [expression, preferred] = pair.split('=');
        return { expression, preferred, source: s.title };
      }),
  );
}
