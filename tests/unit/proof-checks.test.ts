import { describe, expect, it } from 'vitest';
import { applyFix, checkDocument, checkText } from '../../src-core/proof/checks';
import { samplePage } from '../../bench/pages';
import { docFromParagraphs } from '../../src-core/model/richtext';

describe('automatic proofreading checks', () => {
  // The planted errors (tests/fixtures/proof/planted.txt), each found by its rule: proof-recall.test.ts.

  it('fixes with certainty what is certain, exactly', () => {
    const fixed = (text: string, rule: string): string => {
      const fs = checkText(text).filter((f) => f.rule === rule && f.fix !== undefined);
      return fs.reverse().reduce((t, f) => applyFix(t, f), text);
    };
    expect(fixed('洛阳市入选试点城市,成为全省唯一。', 'halfwidth-punctuation')).toBe('洛阳市入选试点城市，成为全省唯一。');
    expect(fixed('全年完成投资３００亿元。', 'fullwidth-alphanumeric')).toBe('全年完成投资300亿元。');
    expect(fixed('如火如荼...', 'ellipsis-form')).toBe('如火如荼……');
    expect(fixed('创新成果—上榜', 'dash-form')).toBe('创新成果——上榜');
    expect(fixed('这是我们的的目标。', 'doubled-character')).toBe('这是我们的目标。');
    expect(fixed('产业 社区', 'space-between-han')).toBe('产业社区');
    expect(fixed('爱达•魔都号', 'bullet-for-middle-dot')).toBe('爱达·魔都号');
  });

  it('leaves numbers, Latin text, legitimate doubles and paragraph-spanning quotes alone', () => {
    const clean = [
      '全年产量达到3,000吨，时间是12:30。',
      'See https://example.com/a,b (page 3).',
      '他常常说谢谢，大家渐渐明白了，实实在在，不了了之。',
      '“第一段引文没有收尾，',
      '从2024年到2025年，增长5%。',
      '建厂15年来，成绩显著。',
      '研究研究再定。',
    ];
    const errors = (t: string, next?: string) => checkText(t, { nextParagraph: next }).filter((f) => f.severity === 'error');
    expect(errors(clean[0])).toEqual([]);
    expect(errors(clean[1])).toEqual([]);
    expect(checkText(clean[2]).filter((f) => f.rule === 'doubled-character')).toEqual([]);
    expect(errors(clean[3], '“第二段接着引，结束。”')).toEqual([]);
    expect(errors(clean[3])).toHaveLength(1); // without a continuing paragraph it is unpaired
    expect(errors(clean[4])).toEqual([]);
    expect(errors(clean[5])).toEqual([]);
  });

  it('raises no false alarm on the sample page (headlines, bylines and body as cleaned by hand)', () => {
    const result = checkDocument(samplePage());
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.articleId}/${f.field}/${f.paragraph}: ${f.rule} ${f.excerpt}`)).toEqual([]);
    expect(result.characters).toBeGreaterThan(4000);
  });

  it('places findings by article, field and paragraph, flags mixed number styles, and estimates 差错率', () => {
    const doc = samplePage();
    const a = { ...doc.articles[1], body: docFromParagraphs(['二〇二四年完成投资,共计３００亿元。', '2023年和2024年也是如此。']) };
    const result = checkDocument({ articles: [a] });
    const f = result.findings.find((x) => x.rule === 'halfwidth-punctuation')!;
    expect(f).toMatchObject({ articleId: a.id, field: 'body', paragraph: 0, offset: 9 });
    expect(f.excerpt).toContain('【,】');
    // 二〇二四年 beside 2024年 is the same figure written two ways: one finding, number-two-ways's (it names the other place)
    expect(result.findings.filter((x) => x.excerpt.includes('【二〇二四年】')).map((x) => x.rule)).toEqual(['number-two-ways']);
    // 《图书编校质量差错判定和计算方法》: a half-width mark 0.1 + full-width digits (字母与符号混用) 0.5; the
    // mixed number style is a warning (to confirm), which counts nothing: 0.6 over the characters
    expect(result.errors).toBe(0.6);
    expect(result.errorRatePer10k).toBeCloseTo((0.6 / result.characters) * 10_000, 10);
  });
});

describe('差错率 as 《图书质量管理规定》 counts it', () => {
  it('a hand-counted paragraph: 的的 (多字, 1) and a half-width comma (标点, 0.1) in 16 characters', () => {
    // 这是我们的的目标 8 + , 1 + 大家一起努力 6 + 。1 = 16 characters; the spaces count nothing
    const a = { ...samplePage().articles[1], kicker: '', headline: '', deck: '', byline: '', lead: '', jumpFrom: '', jumpTo: '', body: docFromParagraphs(['这是我们的的目标, 大家一起努力。 ']) };
    const result = checkDocument({ articles: [a] });
    expect(result.findings.map((f) => [f.rule, f.severity, f.weight])).toEqual([
      ['doubled-character', 'error', 1],
      ['halfwidth-punctuation', 'error', 0.1],
    ]);
    expect(result.characters).toBe(16);
    expect(result.errors).toBe(1.1);
    expect(result.errorRatePer10k).toBeCloseTo(687.5, 10); // 1.1 ÷ 16 × 10,000
  });

  it('counts a character outside the BMP once, and warnings not at all', () => {
    const a = { ...samplePage().articles[1], kicker: '', headline: '', deck: '', byline: '', lead: '', jumpFrom: '', jumpTo: '', body: docFromParagraphs(['𠀀我们我们一定做好。']) };
    const result = checkDocument({ articles: [a] });
    expect(result.findings.map((f) => f.severity)).toEqual(['warning']);
    expect(result.characters).toBe(10);
    expect(result.errors).toBe(0);
  });
});

describe('doubles at word boundaries', () => {
  it('are not reported (宣传部部长, 签订订单, 全国国企)', () => {
    for (const t of ['市委常委、宣传部部长徐超文', '与万邦物流签订订单协议', '全国国企年度盘点榜单', '督查组组长']) {
      expect(checkText(t).filter((f) => f.rule === 'doubled-character'), t).toEqual([]);
    }
  });
});

describe('a single dash joining two places or times is the connector (GB/T 15834 §4.13)', () => {
  const dashFindings = (t: string) => checkText(t).filter((f) => f.rule === 'dash-form');
  it('raises nothing on 哈密—重庆 and other connectors', () => {
    for (const t of ['哈密—重庆航线今日开通。', '开通了哈密—重庆的货运班列。', '乘客往返哈密—重庆。', '北京—上海高铁运行平稳。', '展期为3月—5月。', '规划期为2021年—2025年。']) {
      expect(dashFindings(t), t).toEqual([]);
    }
  });
  it('raises nothing on a chain of them (field test 38, 人民日报 2025-04-10)', () => {
    for (const t of ['构建“政府—行业—产品”三维体系。', '打造“量碳—降碳—零碳”全链条。', '构建“引客—留客—传播”的完整链条。']) expect(dashFindings(t), t).toEqual([]);
    // (and a model's name joined to its number: field test 37)
    for (const t of ['多用途歼击机歼—35A惊艳亮相。', '长征—5运载火箭发射成功。']) expect(dashFindings(t), t).toEqual([]);
    // (and two places naming one body or event: field test 41, 人民日报 2026-04-14; field test 36)
    for (const t of ['由新疆植物学会和伊犁—吐鲁番植物园发起。', '中国—上海合作组织地方经贸合作示范区建设提速。', '第二十二届中国—东盟博览会开幕。', '里建成了“澜沧江—湄公河卫星遥感数据中心”。']) expect(dashFindings(t), t).toEqual([]);
    // (and a chain of regions: field test 43, 人民日报 2026-02-02)
    expect(dashFindings('将促进“东盟地区—北部湾经济区—成渝地区双城经济圈—粤港澳大湾区”跨区域协同。')).toEqual([]);
  });
  it('still flags a 破折号 written as one dash', () => {
    for (const t of ['该系列榜单展现了创新成果—上榜十大工程。', '我们的目标—就是发展。', '他说—好的。', '这是一个好消息—我们赢了。', '成果显著—', '看长江—这就是中国。']) {
      expect(dashFindings(t).map((f) => f.fix), t).toEqual(['——']);
    }
  });
});

describe('a full-width space print sets on purpose is no error (field tests 36 and 38, 人民日报)', () => {
  const spaces = (doc: Parameters<typeof checkDocument>[0]) => checkDocument(doc).findings.filter((f) => f.rule === 'space-between-han').map((f) => f.paragraph);
  it('in a subhead, a 组合报道 part\'s byline line, an editor\'s letter-spaced sign and a quoted title; not between words of a sentence', () => {
    const page = samplePage();
    const article = { ...page.articles[0], body: docFromParagraphs(['各地推出“节约食物　反对浪费”系列报道。——编　者', '本报记者　吴　君', '城市更新是重要抓手，这是北京　上海的事。']) };
    article.body.content.splice(1, 0, { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '保持底色　增添创意' }] });
    expect(spaces({ ...page, articles: [article] })).toEqual([3]);
  });
  it('in a document\'s title named in 《》 (field test 42, 人民日报 2025-12-01); not in a sentence in them', () => {
    const page = samplePage();
    const article = { ...page.articles[0], body: docFromParagraphs(['国家发展改革委等5部门联合印发《深化智慧城市发展　推进全域数字化转型行动计划》，要求充分发挥数据赋能。', '这是《城市更新是重要抓手，这是北京　上海的事》一文的观点。']) };
    expect(spaces({ ...page, articles: [article] })).toEqual([1]);
  });
  it('in a list of guests, a name and a title a line (field test 40, 人民日报 2025-02-13); not after a name opening a sentence', () => {
    const page = samplePage();
    const article = { ...page.articles[0], body: docFromParagraphs(['王芳芳　贵州省贵阳市云岩区委社会工作部部长', '熊　智　北京三快科技有限公司兰州分公司党支部书记', '王芳芳　说，去年5月，贵阳市新印1950商圈完成提级改造，外卖员有了歇脚的地方。']) };
    expect(spaces({ ...page, articles: [article] })).toEqual([2]);
    // (a stray space in an item's title part, and a line that is no list's item, still are errors: review)
    const stray = { ...page.articles[0], body: docFromParagraphs(['王芳芳　贵州省贵阳市　云岩区委社会工作部部长', '熊　智　北京三快科技有限公司兰州分公司党支部书记', '记者走访了多家企业。', '金融　服务实体经济']) };
    expect(spaces({ ...page, articles: [stray] })).toEqual([0, 3]);
  });
});

describe('a function word doubled across two words is no slip (field test 39, 人民日报 2025-01-07)', () => {
  it('实事求是是…, 为了了解…; 的的 and 是是 alone still are', () => {
    const doubles = (t: string) => checkText(t).filter((f) => f.rule === 'doubled-character').length;
    expect(doubles('实事求是是我们党认识世界和改造世界的根本要求。')).toBe(0);
    expect(doubles('为了了解情况，记者走访了多家企业。')).toBe(0);
    // (为目的|的, 的的确确: field test 40)
    expect(doubles('打击以恶意逃债闭店为目的的法定代表人变更。')).toBe(0);
    expect(doubles('这的的确确是一件好事。')).toBe(0);
    // (one 的 too many beside the word is still a slip: review)
    expect(doubles('此次调研的目的的是摸清底数。')).toBe(1);
    expect(doubles('以营利为目的的的企业。')).toBe(1);
    expect(doubles('这是我们的的目标。')).toBe(1);
    expect(doubles('他是是一名教师。')).toBe(1);
  });
});
