/** Encodings, OCR line/space rules, punctuation normalization and line roles, with hand-worked expectations. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8 } from '../../src-core/import/encoding';
import { importFiles } from '../../src-core/import/index';
import { paragraphEnds } from '../../src-core/import/line-breaks';
import { joinWrappedLines, removeOcrSpaces } from '../../src-core/import/ocr-text';
import { normalizePunctuationText } from '../../src-core/import/punctuation';
import { ChangeLog, type ImportReport } from '../../src-core/import/report';
import type { Article } from '../../src-core/model/document';
import { bylineLine, deckLine, imagePlaceholder, jumpAtStart, leadAtStart, parseCredits, rejoinSplitNames, signsQuotation, trailingByline } from '../../src-core/import/roles';
import { plainText, type RichDoc } from '../../src-core/model/richtext';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const sample = readFileSync(join(root, 'assets/samples/luoyang-daily-page.txt'), 'utf8');

/** A GBK encoder built by inverting the platform's decoder (no encoder for GBK exists in TextEncoder). */
function gbkEncoder(): (text: string) => Uint8Array {
  const dec = new TextDecoder('gbk');
  const map = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  return (text) => {
    const out: number[] = [];
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) out.push(c);
      else {
        const b = map.get(ch);
        if (!b) throw new Error(`no GBK code for ${ch}`);
        out.push(...b);
      }
    }
    return new Uint8Array(out);
  };
}

function utf16(text: string, le: boolean, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let i = 0;
  if (bom) {
    out[i++] = le ? 0xff : 0xfe;
    out[i++] = le ? 0xfe : 0xff;
  }
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    out[i++] = le ? c & 0xff : c >> 8;
    out[i++] = le ? c >> 8 : c & 0xff;
  }
  return out;
}

describe('encodings', () => {
  const gbk = gbkEncoder();

  it('the same text in UTF-8, UTF-8 BOM, UTF-16LE/BE and GBK imports identically, and says which encoding it was', async () => {
    const utf8 = new TextEncoder().encode(sample);
    const variants: [string, Uint8Array, string][] = [
      ['page-utf8.txt', utf8, 'UTF-8'],
      ['page-bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'UTF-8 (BOM)'],
      ['page-utf16le.txt', utf16(sample, true), 'UTF-16LE (BOM)'],
      ['page-utf16be.txt', utf16(sample, false), 'UTF-16BE (BOM)'],
      ['page-gbk.txt', gbk(sample), 'GB18030/GBK'],
    ];
    const results = [];
    for (const [name, bytes, label] of variants) {
      const r = await importFiles([{ name, bytes }]);
      expect(r.errors, name).toEqual([]);
      expect((r.report as ImportReport).files[0].encoding, name).toBe(label);
      results.push(r.articles.map(({ id: _id, ...rest }) => rest));
    }
    for (const other of results.slice(1)) expect(other).toEqual(results[0]);
    expect(results[0]).toHaveLength(9);
  });

  it('decodes short GBK text exactly', () => {
    const d = decodeText(gbk('校对:王岚 组版:晓南'));
    expect(d).toEqual({ ok: true, text: '校对:王岚 组版:晓南', encoding: 'gb18030', guessed: false });
  });

  it('an undecodable byte gives its offset, never mojibake', () => {
    // "新闻" in UTF-8 (6 bytes), then 0xFF, which is in no encoding we read
    const bytes = new Uint8Array([...new TextEncoder().encode('新闻'), 0xff, 0x41]);
    const d = decodeText(bytes);
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.offset).toBe(6);
      expect(d.zh).toContain('6');
      expect(d.en).toContain('offset 6');
    }
  });

  it('a file mixing UTF-8 and GBK is refused with the offset where UTF-8 stops', () => {
    const a = new TextEncoder().encode('本报讯 洛阳市入选试点城市。\n');
    const b = gbk('生态环境部公布第一批城市名单。');
    const d = decodeText(new Uint8Array([...a, ...b]));
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.offset).toBe(a.length);
      expect(d.en).toMatch(/mixed encodings/);
    }
  });

  it('UTF-16 without a BOM is recognised from its zero bytes and reported as a guess', () => {
    const d = decodeText(utf16('Hello 新闻 world, plain text', true, false));
    expect(d).toMatchObject({ ok: true, encoding: 'utf-16le', guessed: true, text: 'Hello 新闻 world, plain text' });
  });

  it('firstInvalidUtf8 finds truncated and overlong sequences', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe4, 0xb8]))).toBe(1); // truncated 3-byte sequence
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0); // overlong NUL
    expect(firstInvalidUtf8(new TextEncoder().encode('a中b'))).toBe(-1);
  });
});

describe('hard-wrapped and OCR text', () => {
  const log = () => new ChangeLog('t');
  const clean = (s: string): string => removeOcrSpaces(Array.from(s), log()).join('');

  it('joins the lines of a paragraph with no space between CJK, one between Latin words', () => {
    expect(joinWrappedLines(['位于浅井南路的中航光电科技产业', '社区工地内车辆穿梭'])).toBe('位于浅井南路的中航光电科技产业社区工地内车辆穿梭');
    expect(joinWrappedLines(['the quick brown', 'fox jumps'])).toBe('the quick brown fox jumps');
    expect(joinWrappedLines(['洛阳LYC', 'bearing 轴承'])).toBe('洛阳LYC bearing 轴承');
  });

  it('removes spaces between Han characters inside body text and keeps spaces between Latin words', () => {
    expect(clean('书记、高 新区党工委')).toBe('书记、高新区党工委');
    expect(clean('完成 2000年前建设的')).toBe('完成2000年前建设的');
    expect(clean('New York 的 Central Park 很大')).toBe('New York的Central Park很大');
  });

  it('a number split by a wrap or an OCR space is whole again (3⏎53户, 10 .4, 27. 9, 79.1 %, 1 2月); a space between two digit groups stays', () => {
    expect(joinWrappedLines(['比去年同期增加3', '53户，同比增长3', '0.3%'])).toBe('比去年同期增加353户，同比增长30.3%');
    expect(joinWrappedLines(['总产值515.', '99亿元'])).toBe('总产值515.99亿元');
    expect(clean('同比增长10 .4%，轻工业27. 9亿元，占79.1 %。')).toBe('同比增长10.4%，轻工业27.9亿元，占79.1%。');
    expect(clean('咨询电话0379 63221234，2026-12-04 16:05')).toBe('咨询电话0379 63221234，2026-12-04 16:05');
    // a count or date a unit ends is one number (field test 21: 1 2月9日; field test 17: 2 012年); groups with no unit stay
    expect(clean('刘思佳）1 2月9日下午，2 012年1月，共3 00余人')).toBe('刘思佳）12月9日下午，2012年1月，共300余人');
    expect(clean('编号3 5 7，电话 12 34 56号线，版本1 2345年')).toBe('编号3 5 7，电话12 34 56号线，版本1 2345年');
    // a date's unit takes only a number it can have: 8 30分 and 5 6月份 are two numbers
    expect(clean('上午8 30分，5 6月份，20 26年')).toBe('上午8 30分，5 6月份，2026年');
    expect(joinWrappedLines(['in 2020', 'and 2021'])).toBe('in 2020 and 2021');
  });

  it('a blank line separates paragraphs; hard-wrapped lines join', async () => {
    const text = '标题在这里\n\n第一段第一行，\n第一段第二行。\n\n第二段 only one line。\n';
    const r = await importFiles([{ name: 'wrapped.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0].headline).toBe('标题在这里');
    expect(r.articles[0].body.content.map((p) => p.content?.map((c) => (c.type === 'text' ? c.text : '')).join(''))).toEqual(['第一段第一行，第一段第二行。', '第二段only one line。']);
  });

  it('one paragraph a line (copied from a web page, no blank lines): each line is a paragraph; a title line stands alone', async () => {
    const paragraphs = [
      '全市老年助餐点已覆盖全部街道，每天为三千多名老人提供午餐，助餐点由社区食堂和养老机构共同运营，菜品每周更新一次。',
      '据介绍，助餐点实行老人刷卡就餐，八十岁以上老人还可享受送餐上门服务。',
      '下一步，我市将继续扩大助餐服务覆盖面，让更多老人在家门口吃上热乎饭。',
    ];
    const text = `老年助餐点覆盖全部街道\n${paragraphs.join('\n')}\n`;
    const r = await importFiles([{ name: 'lines.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0].headline).toBe('老年助餐点覆盖全部街道');
    expect(r.articles[0].body.content.map((p) => plainText({ type: 'doc', content: [p] }))).toEqual(paragraphs);
  });

  it('a headline over a byline line with no blank line between: the headline and the byline, not one glued line', async () => {
    const text = '老年助餐点覆盖全部街道\n本报记者 赵凯\n\n全市老年助餐点已覆盖全部街道。\n\n据介绍，助餐点由社区食堂运营。\n';
    const r = await importFiles([{ name: 'byline.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles[0]).toMatchObject({ headline: '老年助餐点覆盖全部街道', byline: '本报记者 赵凯' });
  });

  it('title lines stacked right over a dateline (本报讯…), no blank line between, are the story\'s titles however wide', async () => {
    const text = '规模以上工业企业比去年同期增加353户\n市郊工业经济同比增长三成多\n本报讯 今年上半年,我市市郊工业企业加快\n发展壮大,规模以上工业企业大幅增加,促使\n市郊工业经济同比增长三成多，为上半年全市\n工业经济实现快速增长作出重要贡献。\n';
    const r = await importFiles([{ name: 'stacked.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]).toMatchObject({ kicker: '规模以上工业企业比去年同期增加353户', headline: '市郊工业经济同比增长三成多' });
    expect(plainText(r.articles[0].body).startsWith('今年上半年')).toBe(true);
  });

  it('on an OCR page, title lines stacked over the next story\'s 本报讯 open that story, though the story above has no blank line to end it', async () => {
    const text = [
      '市图书馆第二届读书节开幕',
      '本报讯 4月23日，由市文广新局主办的读书节开幕。活动持续一个月，',
      '包括讲座、展览和换书大集。(王 建',
      ')',
      '',
      '阅读点亮梦想 书香成就人生',
      '钟祥举办世界读书日全民阅读系列活动',
      '本报讯 春光美如斯，正是读书时。4月23日，钟祥市在阳春广场举办',
      '全民阅读系列活动。',
      '',
    ].join('\n');
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles.map((a) => [a.kicker, a.headline])).toEqual([
      ['', '市图书馆第二届读书节开幕'],
      ['阅读点亮梦想 书香成就人生', '钟祥举办世界读书日全民阅读系列活动'],
    ]);
    // the “)” OCR wrapped off the byline is no title line of its own: it stays in the story above
    expect(plainText(r.articles[0].body).endsWith('换书大集。（王建）')).toBe(true);
  });

  it('on an OCR page, title lines over a 上接 line open the continued story, not subheads of the story above', async () => {
    const text = '今日最高气温38℃左右\n本报讯 今天多云，最高气温38℃左右。市民应尽量避免在高温时\n段进行户外活动。\n\n邻里“力挺” 协调变顺利\n枫林新村45号楼加梯工程开工\n(上接01版)\n“不知道什么时候电梯能装起来，真能装起\n来就好了。”居民区党总支书记陈岚说。\n';
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles.map((a) => a.headline)).toEqual(['今日最高气温38℃左右', '枫林新村45号楼加梯工程开工']);
    expect(r.articles[1].jumpFrom).toBe('（上接01版）');
    expect(plainText(r.articles[0].body)).toBe('今天多云，最高气温38℃左右。市民应尽量避免在高温时段进行户外活动。');
  });


  // a page like field test 14's 文化周刊: stories parted by blank lines, paragraphs run on; a 言论 and a picture story open with no 本报讯
  const blankParted = (stories: string[][]): string => ['东海日报', '2024年4月24日 星期三', '', ...stories.flatMap((s) => [...s, ''])].join('\n');
  const library = ['市图书馆新馆正式开馆', '本报讯 12月26日上午，市图书馆新馆正式开馆。当天，10万册', '新书亮相书架。'];
  const comment = ['以优质言论净化舆论生态', '时代辽阔，评论是时代的“时蔬”。面对恣意奔涌的', '舆论场，需要有更多的优质言论。'];
  const scissors = ['百年剪刀铺藏身深巷', '本报讯 眼前这位戴着老花镜的老人名叫潘兴泰。'];
  const craftsman = ['百岁篾匠', '东和乡龙溪村有一位102岁的老人蔡渭东，他从12岁开始', '拜师学艺。', '[图片]', '蔡渭东老人在家中为小学生讲解篾器编法。翁忻旸 摄'];
  const festival = ['市图书馆第二届读书节开幕', '本报讯 4月23日，读书节在市图书馆开幕。'];

  it('on an OCR page whose blank lines part stories, a title line after a blank opens a story though no 本报讯 follows (a 言论, a picture story with its picture)', async () => {
    const text = blankParted([library, comment, scissors, craftsman, festival]);
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles.map((a) => a.headline)).toEqual(['市图书馆新馆正式开馆', '以优质言论净化舆论生态', '百年剪刀铺藏身深巷', '百岁篾匠', '市图书馆第二届读书节开幕']);
    expect(plainText(r.articles[1].body).startsWith('时代辽阔')).toBe(true);
    // the picture and its caption go with the picture story, not the story above it
    const craft = r.articles[3];
    expect(r.imageLinks.filter((l) => l.articleId === craft.id).map((l) => l.caption)).toEqual(['蔡渭东老人在家中为小学生讲解篾器编法。翁忻旸 摄']);
  });

  it('on an OCR page, wrapped lines with a comma under a title are the story\'s first sentence, not more title lines (field test 15: 近日,驿城区…防汛 was a subhead)', async () => {
    const drill = ['以练备战 筑牢防线', '近日,驿城区水屯镇2025年防汛', '应急综合演练在宿鸭湖水库赵桥码头', '段启动。该镇平安办、民兵、消防救援、', '医疗救护等6支应急队伍共80余人参', '加演练。'];
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(blankParted([library, drill, scissors, festival])) }]);
    expect(r.articles.map((a) => a.headline)).toEqual(['市图书馆新馆正式开馆', '以练备战 筑牢防线', '百年剪刀铺藏身深巷', '市图书馆第二届读书节开幕']);
    expect(plainText(r.articles[1].body).startsWith('近日，驿城区水屯镇2025年防汛应急综合演练在宿鸭湖水库赵桥码头段启动。')).toBe(true);
  });

  it('on an OCR page, a 言论\'s writer named alone under its titles is its byline, and the text under the name its body (field test 15: 袁云才 and the first line were titles)', async () => {
    const comment = ['麓山快评', '优化环境 赢得未来', '袁云才', '2021年“万家民营企业评营商环境”', '调查结果昨日公布,长沙在全国城市', '中排名第9位，比去年提升了4位。'];
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(blankParted([library, comment, scissors, festival])) }]);
    const a = r.articles[1];
    expect([a.headline, a.byline, a.bylinePosition]).toEqual(['优化环境 赢得未来', '袁云才', 'top']);
    expect(r.columnLinks.find((l) => l.articleId === a.id)?.columnName).toBe('麓山快评');
    expect(plainText(a.body).startsWith('2021年“万家民营企业评营商环境”调查结果昨日公布，长沙在全国城市中排名第9位')).toBe(true);
  });

  it('on an OCR page, under a 栏目 and its title, a writer of two or three characters alone is the byline whatever the surname (field test 18: 晏秋秋 was the headline, 基层样本 a second 栏目)', async () => {
    const comment = ['新民随笔', '基层样本', '晏秋秋', '已持续一个多月的本报第22届“夏令热线”，即将', '“收官”。今天，本报推出16个版专刊，集中展示', '一批基层治理的好做法。'];
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(blankParted([library, comment, scissors, festival])) }]);
    const a = r.articles[1];
    expect([a.headline, a.byline, r.columnLinks.find((l) => l.articleId === a.id)?.columnName]).toEqual(['基层样本', '晏秋秋', '新民随笔']);
  });

  it('a page whose stories open with title lines, the first a long one (35 characters): a title as wide as the body under a blank opens a story (field test 18: 从江加勉… was glued to its first line)', async () => {
    const long = ['镇平县文化馆举办2025年“文化和自然遗产日”非遗进乡村宣传展示活动', '6月14日，镇平县文化馆在晁陂镇举办非遗进乡村宣传', '展示活动。四位省市非物质文化遗产代表性项目传承人', '与村民师生欢聚一堂。'];
    const planting = ['从江加勉上千名干部群众义务植树活动成长廊', '新年伊始,万象更新。为美化环境，保护林业资源，3月', '12日,在加勉乡党委、政府的号召下，全乡党政干部职', '工开展义务植树活动。'];
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(blankParted([long, comment, planting, festival])) }]);
    expect(r.articles.map((a) => a.headline)).toEqual([long[0], comment[0], planting[0], festival[0]]);
  });

  it('on an OCR page whose blank lines also part paragraphs, a title line after a blank longer than any subhead opens a story (field test 17: 龙仙镇八泉社区：… was a subhead)', async () => {
    const wide = ['龙仙镇八泉社区：“社区+志愿团体+物业”三方联动开展义剪志愿服务活动', '为满足老年群体、行动不便人士的', '便民需求,解决辖区居民"理发难”', '问题,11月25日,龙仙镇八泉社区与', '心连心义剪团、锦绣物业三方联动开展爱', '心义剪志愿服务活动。'];
    const text = blankParted([library, ['又一段正文，读者络绎不绝，', '新馆热闹非凡。'], wide, festival]);
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles.map((a) => a.headline)).toEqual(['市图书馆新馆正式开馆', '龙仙镇八泉社区：“社区+志愿团体+物业”三方联动开展义剪志愿服务活动', '市图书馆第二届读书节开幕']);
  });

  it('on an OCR page whose blank lines also part paragraphs, a title line after a blank inside a story stays its subhead', async () => {
    const text = blankParted([library, ['又一段正文，读者络绎不绝，', '新馆热闹非凡。'], comment, scissors, festival]);
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles.map((a) => a.headline)).toEqual(['市图书馆新馆正式开馆', '百年剪刀铺藏身深巷', '市图书馆第二届读书节开幕']);
    expect(plainText(r.articles[0].body)).toContain('以优质言论净化舆论生态');
  });
  // field test 16's two OCR pages (tests/fixtures/import/README.md): six stories each, parted by blank lines
  const ocrPage = async (name: string) => {
    const r = await importFiles([{ name, bytes: readFileSync(join(root, 'tests/fixtures/import/ocr-pages', name)) }]);
    const column = (id: string) => r.columnLinks.find((l) => l.articleId === id)?.columnName ?? '';
    return r.articles.map((a) => [a.kicker, a.headline, a.deck, a.byline, column(a.id)]);
  };

  // each page's stories as a copy editor reads them, written by hand beside it (NAME.expected.json)
  const ocrPages = ['huaihe-p6', 'chaohu-b3'].map((name) => ({ name, ...(JSON.parse(readFileSync(join(root, 'tests/fixtures/import/ocr-pages', `${name}.expected.json`), 'utf8')) as { what: string; stories: Record<string, string>[] }) }));

  it.each(ocrPages)('an OCR page whose blank lines part its stories reads each apart (field test 16, $name): $what', async ({ name, stories }) => {
    expect(await ocrPage(`${name}.txt`)).toEqual(stories.map((s) => [s.kicker, s.headline, s.deck, s.byline, s.column]));
  });

  const imported = async (text: string) => (await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(text) }])).articles;

  it('a dateline OCR wrapped inside its date (新华社北京5月1⏎5日电) is the lead, not a headline (field test 17)', async () => {
    const [a] = await imported('1至4月全国铁路旅客发送量创新高\n新华社北京5月1\n5日电（记者 樊曦 丁怡全）记者15日从中国国家铁路集团有限公司获悉，今年1至4月，全国铁路发送旅客14.6亿人次。\n');
    expect([a.headline, a.lead]).toEqual(['1至4月全国铁路旅客发送量创新高', '新华社北京5月15日电（记者 樊曦 丁怡全）']);
  });

  it('datelines of other forms: 本报通讯员 秦雪 报道 (not cut at 本报通讯), a local 融媒讯; a byline alone that ends in 报道 stays a byline (field test 17)', async () => {
    const [brief] = await imported('简讯\n本报通讯员 秦雪 报道 近日，在日照高新区高新社区举办的新春庙会活动上，志愿者向居民展示剪纸艺术。\n');
    expect([brief.lead, plainText(brief.body).slice(0, 4)]).toEqual(['本报通讯员 秦雪 报道', '近日，在']);
    expect(leadAtStart('九龙融媒讯（记者 廖婉廷）1月23日，')?.raw).toBe('九龙融媒讯（记者 廖婉廷）');
    expect(leadAtStart('经济简讯（一）今天')).toBeUndefined();
    expect(leadAtStart('本报记者 徐文静 综合报道')).toBeUndefined();
    // a 简讯 label over an item's dateline (no blank line) is no local dateline of its own (field test 18)
    expect(leadAtStart('简讯本报讯(记者 房浩 )在第6')).toBeUndefined();
    expect(leadAtStart('本网讯 通讯员殷杰男 新年伊始')?.raw).toBe('本网讯 ');
  });

  it('a page with no blank line at all: a title over a picture after a sentence\'s end, however wide, a title over a paragraph that opens with when it happened (7月份，), and the credits under the last story each stand apart (field test 19: four stories and the credits read as one)', async () => {
    const lines = ['海滨日报 2026年8月20日 第6版 城事', '28路和807路公交新线下月开通', '(上接01版)', '市公交总公司计划于2月1日开通', '28路（集士港至东门口）和80', '7路（公交 骆驼中心站至公交骆驼', '中心站环线）两条公交新线，同时', '为提高运营效率257路由集士港', '缩线至联丰新村站始发。', '联合消防演练给居民上了一堂课', '[图片]', '演练结束后，居民们上场学习使用灭火器。YMG全媒体记者 刘海玲 摄', '本报讯（YMG全媒体记者 刘海', '玲 摄影报道）“以后再也不能飞', '线给电动车 充电了”“家里的燃气', '阀门一定要随手关闭”……3月3', '日, 高新区中海国际社区进行了一', '次联合消防演练，公安、消防、社', '区居委会、 中海物业共同参与，提', '高了各部门在紧急突发情况下的应', '急处置能力，也给小区居民上了一', '堂生动的消防课。', '哈市今年新开辟8条公交线路', '生活报3月29日讯 28日，记', '者从哈市相关部门了解到, 为让冰', '城市民乘车 出行更加舒适便利，哈', '市相关部门将于今年新开辟8条公', '交线路, 延伸10条公交线路，主', '要涉及哈西、群力、松北等新区的', '新建小区， 为新区老区间市民出行', '提供便利。', '阳西早稻机收忙', '7月份，阳西县早稻陆续成熟，一', '些种粮大户为保证水稻收割工作顺', '利完成，提 高收割效率，降低收割', '成本，采用全程机械化设备收割水', '稻, 轻松应对夏收。', '校对:周敏 组版:吴刚'];
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(lines.join('\n')) }]);
    expect(r.articles.map((a) => [a.headline, a.lead.replace(/（.*/, '')])).toEqual([['28路和807路公交新线下月开通', ''], ['联合消防演练给居民上了一堂课', '本报讯'], ['哈市今年新开辟8条公交线路', '生活报3月29日讯'], ['阳西早稻机收忙', '']]);
    expect(r.articles.map((a) => plainText(a.body).slice(-6))).toEqual(['新村站始发。', '堂生动的消防课。'.slice(-6), '民出行提供便利。'.slice(-6), '轻松应对夏收。'.slice(-6)]);
    expect(r.page.credits).toMatchObject({ proofreader: '周敏', layoutEditor: '吴刚' });
    // 目前，opens a story as a date does (field test 20)
    const [a, b] = await imported(['走失老人找到了家', '本报讯 2月9日上午，一名走失的老人来到社区求助。', '社区最终联系到老人的家人，将其平安送回家。', '延边秋收全面展开', '目前，延边州秋收作业生产全面展开，田野到处都是一片忙碌景象。'].join('\n'));
    expect([a?.headline, b?.headline]).toEqual(['走失老人找到了家', '延边秋收全面展开']);
    // a title and the paragraph under it opening with the same place (field test 21)
    const [, place] = await imported(['民房起火兄妹俩被困', '本报讯 7日凌晨，一民房失火，屋内有一对兄妹被困。', '关防乡晒场铺就“金画卷”', '关防乡的农家院落、村口晒场，金黄的玉米铺满一地。'].join('\n'));
    expect(place?.headline).toBe('关防乡晒场铺就“金画卷”');
    // a title line that would be the story's only subhead heads a story (field test 21: over a quotation);
    // a feature's subheads, two or more, stay its subheads, over a quotation too
    const lone = await imported(['民房起火兄妹俩被困', '本报讯 7日凌晨，一民房失火，屋内有一对兄妹被困。', '事发具体情况有待调查。', '社区便民座椅 赢得居民好评', '“真是太贴心了，我们老年人终于有歇脚的地方了。”居民坐在座椅上聊天。'].join('\n'));
    expect(lone.map((a) => a.headline)).toEqual(['民房起火兄妹俩被困', '社区便民座椅 赢得居民好评']);
    // a plain manuscript of one undated story keeps its one subhead (field tests 20 A/05, C/06): it was read as two stories
    const plain = await imported(['“大江奔流”采访团走进湖口', '当天上午，记者来到位于湖口县的一处湿地，成群的候鸟在水面上翻飞。', '护鸟名人和他的“候鸟王国”', '走进他的候鸟医院，这是一间较为简陋的平房，几只受伤的白鹭正在休养。'].join('\n'));
    expect(plain.map((a) => a.headline)).toEqual(['“大江奔流”采访团走进湖口']);
    expect(plainText(plain[0].body)).toContain('护鸟名人和他的“候鸟王国”');
    const quoted = await imported(['幸福中路夜市烟火暖人心', '本报讯 夜幕低垂，幸福中路却是一派热气腾腾的景象。', '从夏到冬的忠实顾客', '“我们一家喜欢逛夜市，从夏天逛到了冬天！”市民戴女士笑着说。', '摊主的新花样', '“今年我们推出了热红酒。”摊主小李说。'].join('\n'));
    expect(quoted.map((a) => a.headline)).toEqual(['幸福中路夜市烟火暖人心']);
    expect(quoted[0].body.content.filter((p) => p.type === 'heading').length).toBe(2);
    // a section a story closes with under a label of its own stays the story's
    const linked = await imported(['民房起火兄妹俩被困', '本报讯 7日凌晨，一民房失火，屋内有一对兄妹被困。', '消防员赶到后将两人救出。', '相关链接', '冬季是火灾高发期，专家提醒，电动车不要在室内充电。'].join('\n'));
    expect(linked.map((a) => a.headline)).toEqual(['民房起火兄妹俩被困']);
    // a copy-desk manuscript labels its titles: its one unlabelled title line is a subhead (field test 15's 01.txt)
    const labelled = await imported(['主题：老旧小区改造中的暖心故事', '作者：新华社记者', '', '老旧小区改造是提升群众获得感的重要工作。', '民生为大 宜居“升级”', '新铺设的柏油路、彩色塑胶篮球场、电线规整又干净的楼道……看着焕然一新的家，在仪材小区住了近40年的魏洪德满意地说：“现在环境好了，物业管理也跟上了，住着舒心多了！”', '建于20世纪80年代的仪材小区是重庆市北碚区龙凤桥街道一家老国企职工家属区，有17栋楼、600余户居民。'].join('\n'));
    expect([labelled.length, labelled[0].body.content.filter((p) => p.type === 'heading').length]).toEqual([1, 1]);
    // a numbered subhead over a section that opens with a date stays the story's subhead
    const [one, ...more] = await imported(['市图书馆新馆正式开馆', '本报讯 昨天，市图书馆新馆开馆。', '一、读者络绎不绝', '5月1日，新馆迎来首批读者。'].join('\n'));
    expect([one.headline, more.length]).toEqual(['市图书馆新馆正式开馆', 0]);
  });

  it('on a page wrapped at one width with no blank lines, an all-Han title line clearly short of the width after a story\'s end (a sentence, or one its writer signs: …建议。 邵建均) heads the next story (field test 21: two titles printed as another story\'s body text)', async () => {
    // 16 characters a line, as field test 21's 无锡晚报 page (P2)
    const lines = ['民房起火兄妹俩被困', '本报讯(晚报记者 甄泽)7日凌晨', ', 惠山区玉祁街道曙光村一民房失火', '，火势很大 ，而屋内还有一对兄妹被', '困，情况紧急。', '事后了解到，起火点位置是该户家庭', '准备的毛巾等货物, 旁边还有一辆电', '动车在充电 。事发具体情况有待调查。', '社区便民座椅 赢得居民好评', '“真是太贴心了，我们老年人终于有', '歇歇脚的合适地方了。”文峰街道凤', '凰社区新城 东苑的居民坐在刚安装完', '的“社区便民座椅”上聊天，其乐融', '融。居民对今后为民服务资金项目提', '出合理化建议。 邵建均', '关防乡晒场铺就“金画卷”', '关防乡的农家院落、村口晒场，金黄', '的玉米、雪白的萝卜干、橙红的红薯', '干，在暖阳下铺开一张张“丰收画卷”。'];
    const r = await importFiles([{ name: 'p2.txt', bytes: new TextEncoder().encode(lines.join('\n')) }]);
    expect(r.articles.map((a) => a.headline)).toEqual(['民房起火兄妹俩被困', '社区便民座椅 赢得居民好评', '关防乡晒场铺就“金画卷”']);
    expect([r.articles[1].byline, r.articles[1].bylinePosition]).toEqual(['邵建均', 'end']);
    expect(plainText(r.articles[1].body).endsWith('出合理化建议。')).toBe(true);
    // every character of the source in one article's fields, once
    const han = (t: string): string => t.replace(/[^\u4e00-\u9fff]/g, '');
    const fields = r.articles.map((a) => [a.headline, a.lead, a.byline, plainText(a.body)].join('')).join('');
    expect(han(fields).length).toBe(han(lines.join('')).length);
  });

  it('under a 简讯 label each item that opens with when it happened is a paragraph of its own, though the line above ends a sentence at the full width (field test 19: two of three items read as one)', async () => {
    const lines = ['城里的专家来村里义诊', '本报讯 昨天，医疗专家来到村里义诊。', '简讯', '6月10日，市、区第三届邻居节启动仪', '式在爱辉区长海社区举行。本届邻居节活', '动以“真情 连你我，和谐进万家”为主题', '，以“邻居节论坛”活动为牵动，充分发', '挥社区组织作用和“好邻居”示范带头作', '用，广泛动员干部群众参加邻居节活动。', '2017年12月28日，同安街道丽阳', '社区举行“尚学龙泉·四美丽阳”第二届', '“邻居节” 闭幕式文艺汇演，600余名', '群众参加了活动。闭幕式上，为“社区好', '人”“好邻居”吴秋菊、袁世芬、张国玉', '等20人进行了表彰。', '近日，望花区建设街道和建设社区共同开', '展“春季爱国卫生清洁月”活动, 建设街', '道办事处领 导和工作人员、共建单位朝阳', '银行工作人员，以及建设社区全体工作人', '员和社区志愿者共80余人, 先后对社区', '内的花园、广场和卫生死角进行了清理，', '将堆积的生 活垃圾、白色垃圾清运干净，', '使社区楼院环境焕然一新。'];
    const briefs = (await imported(lines.join('\n'))).find((a) => a.headline === '简讯');
    expect(plainText(briefs!.body).split('\n').map((p) => p.slice(0, 6))).toEqual(['6月10日，', '2017年1', '近日，望花区']);
  });

  it('a picture story\'s caption ends with its credit wrapped onto a line of its own (…张晓亮⏎摄) or with the reporter\'s name and no 摄; a title under a picture story with no text heads the next story (field test 21)', async () => {
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(['东城日报 2026年10月8日 星期四 第3版 图片新闻', '', '党河湿地候鸟翩飞', '[图片]', '初冬时节，鸣沙山下的甘肃省敦煌市党河', '湿地内，白鹭、绿头鸭等候鸟在这里栖息。张晓亮', '摄', '', '革命老村搭上智慧农业快车', '[图片]', '谭庄村村民忙着将蔬菜整理入库。本报记者 李政哲', '9月，秋高气爽。度假区李海务街道的谭庄村人，迎来了又一次丰收。', '', '荆河公园人气旺', '[图片]', '2月17日，市民正在荆河公园内游玩。融媒体记者 廖晗 摄', '', '石泉社区服务成春日靓景', '3月26日，石泉县北街社区志愿者来到该社区开展大扫除活动。'].join('\n')) }]);
    expect(r.articles.map((a) => [a.headline, plainText(a.body).slice(0, 6)])).toEqual([['党河湿地候鸟翩飞', ''], ['革命老村搭上智慧农业快车', '9月，秋高气'], ['荆河公园人气旺', ''], ['石泉社区服务成春日靓景', '3月26日，']]);
    const caption = (id: string) => r.imageLinks.find((l) => l.articleId === id)?.caption;
    expect(caption(r.articles[0].id)).toMatch(/^初冬时节.*张晓亮 ?摄$/);
    expect(caption(r.articles[1].id)).toBe('谭庄村村民忙着将蔬菜整理入库。本报记者 李政哲');
  });

  it('a dateline whose bracket runs over three lines, the middle one only names, is the lead: the names are not a byline line of their own, the dateline no title (field test 21)', async () => {
    const [a] = await imported(['茶陵举办“三区”人才支持计划文化工作者培训', '华声在线12月9日讯(通讯员', ' 张露丹 马镜 全媒体记者 ', '刘思佳)12月9日下午，由株', '洲茶陵县文化旅游广电体育局举', '办的培训班开班。'].join('\n'));
    expect([a.headline, a.kicker, a.byline, a.lead.replace(/\s/g, '')]).toEqual(['茶陵举办“三区”人才支持计划文化工作者培训', '', '', '华声在线12月9日讯（通讯员张露丹马镜全媒体记者刘思佳）']);
  });

  it('a dateline of a place and a date (东北网鸡西11月17日讯, 本报3月20日讯, 本报北京3月15日电) is the lead, also when OCR wrapped the date after it (field test 19: it was the 主题, 11月11 in the headline, 日， opening the body)', async () => {
    const [a, ...rest] = await imported('城里的专家来村里义诊\n东北网鸡西11月17日讯 11月11\n日，滴道区兰岭乡兰岭村的村部内热闹\n起来，医疗专家们来到这里义诊。\n');
    expect([a.headline, a.kicker, a.lead, plainText(a.body).slice(0, 7), rest.length]).toEqual(['城里的专家来村里义诊', '', '东北网鸡西11月17日讯', '11月11日，', 0]);
    expect(leadAtStart('本报3月20日讯“我们正为……')?.raw).toBe('本报3月20日讯');
    expect(leadAtStart('本报北京3月15日电（记者杜大强朱海兵）今天下午')?.raw).toBe('本报北京3月15日电（记者杜大强朱海兵）');
    // a date inside a sentence is no dateline
    expect(leadAtStart('截至11月17日，全市共接待游客')).toBeUndefined();
  });

  it('a 引题 wider than the body wraps, trailing off (……), over the 主题 and a ragged body: titles, the body one paragraph (field test 17: two banners and a body line as the headline)', async () => {
    const text = ['摩天轮下火树银花、文创产品创意满满、鸡尾酒带来微醺浪漫……', '夜市花样上新 灯影皆为游伴', '夜幕降临时分，通吕运河畔的灯火', '一瞬间点亮,摩天轮下的夜市拉', '开帷幕。木屋小酒吧、创意满满的', '手写团扇、冰凉清爽的手工冰粉、', '可以现场涂彩的石膏娃娃……初', '夏的夜晚,通城市民打卡“花样', '上新"的夜市,一边欣赏着摩天', '轮下的运河风光，一边游览创意十足', '的夜市享受美食,满满的烟火气催', '生夜经济繁 花似锦。'].join('\n');
    const [a, ...rest] = await imported(text);
    expect([a.kicker, a.headline, rest.length]).toEqual(['摩天轮下火树银花、文创产品创意满满、鸡尾酒带来微醺浪漫……', '夜市花样上新 灯影皆为游伴', 0]);
    expect(plainText(a.body).split('\n')).toHaveLength(1);
  });

  it('picture stories (图片新闻) one after another with no blank line: each title over its picture opens a story, the photographer\'s credit is the caption, not a byline (field test 17)', async () => {
    const text = ['山城日报 2026年9月12日 第4版 乡村', '', '茶园飘茶香 茶农采茶忙', '[图片]', '近日,窑淮镇佛洞生态茶园里,茶农正在采茶。', '一片片鲜叶落入篮筐,茶农脸上露出丰收的', '笑容。近年来，该镇以建设“茶叶专业镇”为', '目标,通过建设新茶园、改造老茶园、引进新茶', '企,推进茶旅融合,打造特色小镇。', '（徐江垚 郭伟 摄）', '春茶“抢鲜"', '[图片]', '眼下,春茶进入采摘期。3月7日,在天台县', '雷峰乡西山头村,茶农们抢抓有利时机,采摘青', '叶品种"乌牛早”。茶叶是雷峰乡主要产业，', '该地有茶园近2万亩,茶叶收入占全乡农业', '收入的60%以上。', '聂杨波 摄', '春到茶园话增收', '[图片]', '春到茶园,只此青绿。晴隆茶抢“鲜”上市,茶', '商们忙着采购;水城区杨梅茶叶基地预计每', '亩产值1.05万元,是名副其实的“万元田”', '。又到一年春茶采收季，在贵州各茶叶基地', '以及加工车间，采茶制茶正热火朝天地进行。', '近日，赤水市大同镇民族村500余亩绿茶进入采摘期，茶农忙着采摘。 李剑 摄', '晚秋忙收获', '[图片]', '11月3日,农民驾驶农机在江苏省兴化市周', '庄镇西浒村收割水稻(无人机照片)。深秋', '时节,多地持续开展秋收作业,农民抢抓晴好', '天气收割水稻、晾晒粮食，确保颗粒归仓，', '田间地头一派繁忙景象。', '新华社发（周社根 摄）'].join('\n');
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles.map((a) => [a.headline, a.byline])).toEqual([['茶园飘茶香 茶农采茶忙', ''], ['春茶“抢鲜”', ''], ['春到茶园话增收', ''], ['晚秋忙收获', '']]);
    const captions = r.articles.map((a) => r.imageLinks.find((l) => l.articleId === a.id)?.caption);
    expect(captions).toEqual(['（徐江垚 郭伟 摄）', '聂杨波 摄', '近日，赤水市大同镇民族村500余亩绿茶进入采摘期，茶农忙着采摘。 李剑 摄', '新华社发（周社根 摄）']);
  });

  it('with no blank line between stories, a title line after a sentence\'s end over a dateline opens the next story, not glued to its first line (field test 17)', async () => {
    const text = ['我市秋收全面展开', '本报讯 今年我市秋玉米播种面积在20万亩左右，预计整个秋收工', '作将持续到本月底。', '"指尖印象”九龙坡剪纸迎春作品微展览开展', '九龙融媒讯（记者 廖婉廷）1月23日,“指尖印象”九龙坡剪纸迎', '春作品微展览在九龙坡印象汇一层开展。'].join('\n');
    const articles = await imported(text);
    expect(articles.map((a) => [a.headline, a.lead])).toEqual([['我市秋收全面展开', '本报讯'], ['“指尖印象”九龙坡剪纸迎春作品微展览开展', '九龙融媒讯（记者 廖婉廷）']]);
  });

  it('a wrapped line that opens a quote it does not close (after a picture\'s caption) runs on into its paragraph, not a subhead', async () => {
    const text = '庆安水稻开镰收割\n本报讯 今天开镰。\n（图片）\n庆安县146.1万亩优质水稻开镰收\n割。庆安县委宣传部供图\n“我们合作社今年种了1000多亩优\n质水稻，品种是松粳22,按照公司要\n求都是有机标准种植，现在看产量比去\n年还要好，回收价格高于普通小粒品种,\n每亩平均能增收100元以上,今年\n又丰收了！"庆安县升平水稻种植农民\n专业合作社理事长王廷富兴奋地说。\n';
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(text) }]);
    const paragraphs = plainText(r.articles[0].body).split('\n');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[1]).toMatch(/^“我们合作社今年种了1000多亩优质水稻，.*今年又丰收了！”庆安县.*兴奋地说。$/);
  });

  it('a dateline whose bracket OCR wrapped (本报讯(记者 … 李海天⏎ 刘艳兵）…) is the lead, names apart, not a byline', async () => {
    const text = '庆安优质水稻开镰收割\n本报讯(记者 庞淼 通讯员 李海天\n 刘艳兵）春种一粒粟，秋收万颗子,\n当 下正值农作物收获的时节。(李\n 红)\n';
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles[0]).toMatchObject({ lead: '本报讯（记者 庞淼 通讯员 李海天 刘艳兵）', byline: '（李红）' });
    expect(plainText(r.articles[0].body)).toBe('春种一粒粟，秋收万颗子，当下正值农作物收获的时节。');
  });

  it('of two unmarked title lines, a longer one running clauses with commas under one without is the deck (副题), not the headline', async () => {
    const text = '35个城建项目集中开竣工\n7个项目竣工，28个项目开工，开工项目总投资约78亿元\n\n本报讯（通讯员 王峰）18日上午，市委、市政府举行城建重点工程项目开竣工仪式。\n';
    const r = await importFiles([{ name: '01.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles[0]).toMatchObject({ kicker: '', headline: '35个城建项目集中开竣工', deck: '7个项目竣工，28个项目开工，开工项目总投资约78亿元' });
    // a kicker over a headline stays one (no comma under, or a comma above)
    const kicked = await importFiles([{ name: '02.txt', bytes: new TextEncoder().encode('坚持稳中求进，奋发有为\n全年经济运行稳中向好\n\n本报讯 今年以来，我市经济稳中向好。\n') }]);
    expect(kicked.articles[0]).toMatchObject({ kicker: '坚持稳中求进，奋发有为', headline: '全年经济运行稳中向好' });
  });

  it('a question with a comma under a short line without one is the headline, the line over it its 栏目, not a 副题 under a headline (field 54 P3: 以案说法 was the headline)', async () => {
    const text = '第18版　法治　　　人民日报　2025年11月20日　星期四\n\n以案说法\n训练受伤，只能自担风险？\n本报记者  张  璁\n\n未成年人孙某自2019年起在某体育公司处学习花样滑冰。\n';
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(text) }]);
    const story = r.articles.find((a) => plainText(a.body).startsWith('未成年人'))!;
    expect(story).toMatchObject({ headline: '训练受伤，只能自担风险？', deck: '', byline: '本报记者 张璁' });
    expect(r.columnLinks.find((l) => l.articleId === story.id)?.columnName).toBe('以案说法');
  });

  it('a page\'s section labels (短评, 经济简讯) head the stories under them, bracketed bylines end their stories, 编者按 on its own line marks its paragraph', async () => {
    const text = [
      '制造业“压舱石”作用突出', '本报讯 日前，记者从市统计部门了解到，制造业增加值同比增长百分之九。', '（本报记者 刘芳滨 通讯员 吴洪文）', '',
      '短评', '让创新成为增长的源头活水', '市郊工业三成多的增幅，说明一个道理：企业要敢创新、能创新。', '（周 平）', '',
      '经济简讯', '胶州湾保税物流中心通关提速', '本报讯 胶州湾保税物流中心推行“一站式”通关。', '（县新闻中心 王亚周）', '',
      '我与晚报的故事', '', '编者按', '', '三十载春秋流转，三十载笔墨传情。', '',
    ].join('\n');
    const r = await importFiles([{ name: 'sections.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles.slice(0, 3).map((a) => [a.headline, a.byline])).toEqual([
      ['制造业“压舱石”作用突出', '（本报记者 刘芳滨 通讯员 吴洪文）'],
      ['让创新成为增长的源头活水', '（周平）'],
      ['胶州湾保税物流中心通关提速', '（县新闻中心 王亚周）'],
    ]);
    const columns = new Map(r.columnLinks.map((l) => [r.articles.find((a) => a.id === l.articleId)?.headline, l.columnName]));
    expect(columns.get('让创新成为增长的源头活水')).toBe('短评');
    expect(columns.get('胶州湾保税物流中心通关提速')).toBe('经济简讯');
    // a short line in such words straight over text is that text's headline, no label
    const own = await importFiles([{ name: 'own.txt', bytes: new TextEncoder().encode('楼市新动态\n\n本报讯 今年以来，我市楼市成交量稳步回升。\n') }]);
    expect(own.articles[0].headline).toBe('楼市新动态');
    expect(own.columnLinks).toEqual([]);
    expect(plainText(r.articles[0].body)).not.toContain('刘芳滨');
    const note = r.articles[3].body.content[0];
    expect(note.attrs?.paragraphStyle).toBeDefined();
    expect(plainText({ type: 'doc', content: [note] })).toBe('编者按：三十载春秋流转，三十载笔墨传情。');
  });

  it('two title lines stacked with a blank line under them are two titles, not one glued headline', async () => {
    const text = '7个美丽乡村示范点同步启动\n我县“三下乡”活动走进美丽乡村\n\n　　22日上午，我县在三和集镇尚庄村等7个美丽乡村示范点同时开展文化科技卫生“三下乡”活动。\n';
    const r = await importFiles([{ name: 'stack.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles).toHaveLength(1);
    expect([r.articles[0].kicker, r.articles[0].headline, r.articles[0].deck].filter(Boolean)).toEqual(['7个美丽乡村示范点同步启动', '我县“三下乡”活动走进美丽乡村']);
  });

  it('names only under a title line (刘力 陈卓, no role word) are the byline, never joined to the headline', async () => {
    const text = '白筱村“以工代赈”项目复工\n刘力 陈卓\n\n2月9日，随着一阵阵鞭炮声响，挖掘机铲土动工，白筱村以工代赈项目正式复工。\n';
    const r = await importFiles([{ name: 'names.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles[0]).toMatchObject({ headline: '白筱村“以工代赈”项目复工', byline: '刘力 陈卓', bylinePosition: 'top' });
    // a second title line of longer words is no byline
    const titles = await importFiles([{ name: 'titles.txt', bytes: new TextEncoder().encode('老城焕新颜\n古韵新风 处处可见\n\n本报讯 老城区改造工程已经全面完工。\n') }]);
    expect(titles.articles[0].byline).toBe('');
  });

  it('hard-wrapped lines at one width still join, a line ending a sentence at the full width included; a short line ending one ends the paragraph', async () => {
    // 12 characters a line, as OCR of a newspaper column gives them
    const lines = ['聚焦项目建设稳增长。坚持项', '目为王，不断扩大投资稳增长', '。大抓三个一批，加快实施中', '航光电等项目建设。', '围绕重点产业链开展精准招商', '，全年引进亿元以上项目。'];
    const r = await importFiles([{ name: 'ocr.txt', bytes: new TextEncoder().encode(`# 标题\n\n${lines.join('\n')}\n`) }]);
    expect(r.articles[0].body.content.map((p) => plainText({ type: 'doc', content: [p] }))).toEqual([lines.slice(0, 4).join(''), lines.slice(4).join('')]);
  });

  it('a line ending a sentence one character short of the wrap ends its paragraph, unless 避头尾 pushed its last character down (field test 21: 秋收时节，大好的秋色令人炫目。 at 15 of 16 was joined to the next paragraph)', () => {
    // 16 characters a line
    const lines = ['中牟县黄店镇的农民趁着天气凉爽下', '地收获，田间地头一片繁忙景象。今', '年秋收时节，大好秋色令人炫目。', '树木将要褪去苍翠大袍，换上叠彩金', '衣，花生田内农机隆隆，笑声飘扬。'];
    expect(paragraphEnds(lines)).toEqual([2]);
    // …炫目。树 would run to 16, but 树 was pushed down with the comma a line may not start with: one paragraph
    const pushed = ['中牟县黄店镇的农民趁着天气凉爽下', '地收获，田间地头一片繁忙景象。今', '年秋收时节，大好秋色令人炫目。', '树，将要褪去苍翠大袍，换上叠彩金', '衣，花生田内农机隆隆，笑声飘扬。'];
    expect(paragraphEnds(pushed)).toEqual([]);
    // a number too wide for the character left goes down whole: no paragraph end either
    expect(paragraphEnds(['中牟县黄店镇的农民趁着天气凉爽下', '地收获，田间地头一片繁忙景象。今', '年秋收时节，大好秋色令人炫目。', '2023年全镇粮食产量达到了12万吨，', '花生田内农机隆隆，笑声飘扬开来。'])).toEqual([]);
    // lines with digits hold more characters than lines of Han alone: the wrap is read from the latter
    expect(paragraphEnds(['今年1至9月全市工业增加值同比增长了', '8.5%，高于全省平均水平2个百分点', '装备制造业增长12%，新材料产业增长', '全市经济运行总体平稳，稳中向好。', '工业投资同比增长15%，占全部投资', '的38%，比去年同期提高了2个百分点', '左右，其中民间投资增长较快。'])).toEqual([]);
  });

  it('a short wrapped line ending in a half-width full stop ends its paragraph, never a subhead; the stop becomes 。 though a stray space stands by it', async () => {
    // OCR of a column, about 20 characters a line
    const lines = ['　　无独有偶。"特大好消息,我们福兴社区有', '了自己的信息简报——《福报》了，它为居民送', '福，为广大居民说话,是元旦、春节期间社', '区居民收到最好的礼物."这段话节选自东营区', '辛店街道福兴社区辛苑小区老党员周俊国所写的', '文章《赞福报》.', '《福报》由辛店街道福兴社区和东营齐家社', '会工作服务中心主办，创办的初衷 .目前已出刊十二期。'];
    const r = await importFiles([{ name: 'ocr-stop.txt', bytes: new TextEncoder().encode(`# 社区办起小报纸\n\n${lines.join('\n')}\n`) }]);
    const body = r.articles[0].body.content;
    expect(body.map((p) => p.type)).toEqual(['paragraph', 'paragraph']);
    const texts = body.map((p) => plainText({ type: 'doc', content: [p] }));
    expect(texts[0]).toContain('礼物。”这段话');
    expect(texts[0].endsWith('文章《赞福报》。')).toBe(true);
    expect(texts[1]).toContain('初衷。目前');
  });

  it('an OCR\'d story\'s unmarked title lines (栏目, 主题, 访… deck) over its body are its titles, not a headline promoted from the body', async () => {
    const text = '一把手访谈\n\n真抓实干谋发展 奋勇争先谱新篇\n\n访涧西区委书记、高新区党工委书记谢峰\n\n位于浅井南路的中航光电科技产业 社区工地内车辆穿梭,综保区内项目厂房主体已建至二层。\n\n日前,涧西区委书记谢峰在接受专访时说,将锚定总目标,抓项目、重创新、促转型。\n';
    const r = await importFiles([{ name: 'ocr-story.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]).toMatchObject({ headline: '真抓实干谋发展 奋勇争先谱新篇', deck: '——访涧西区委书记、高新区党工委书记谢峰' });
    expect(r.columnLinks).toEqual([{ articleId: r.articles[0].id, columnName: '一把手访谈' }]);
    expect(plainText(r.articles[0].body).startsWith('位于浅井南路')).toBe(true);
  });

  it('a first body line ending in a comma is no title line, however short', async () => {
    const text = '老城区改造进入收尾阶段\n\n记者从市住建局获悉，老城区改造工程已进入收尾阶段，\n\n据介绍，今年以来共完成改造项目十二个。\n';
    const r = await importFiles([{ name: 'comma.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles[0]).toMatchObject({ headline: '老城区改造进入收尾阶段', deck: '' });
    expect(plainText(r.articles[0].body).startsWith('记者从市住建局获悉')).toBe(true);
  });

  it('deliberate spaces stay: headline halves and byline fields', async () => {
    const text = '# 真抓实干谋发展 奋勇争先谱新篇\n\n日前，全市召开 会议。\n\n洛报融媒记者 李三旺 通讯员 董洁\n';
    const r = await importFiles([{ name: 'a.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles[0]).toMatchObject({ headline: '真抓实干谋发展 奋勇争先谱新篇', byline: '洛报融媒记者 李三旺 通讯员 董洁', bylinePosition: 'end' });
    expect(plainText(r.articles[0].body)).toBe('日前，全市召开会议。');
  });

  it('a byline above the body is set at the top; (下转04版) at the end becomes the jump', async () => {
    const text = '# 标题\n\n本报记者 张三\n\n正文开始，事情是这样的(下转04版)\n';
    const r = await importFiles([{ name: 'a.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles[0]).toMatchObject({ byline: '本报记者 张三', bylinePosition: 'top', jumpTo: '（下转04版）' });
    expect(plainText(r.articles[0].body)).toBe('正文开始，事情是这样的');
  });

  it('an explicit image placeholder line becomes a placeholder image linked to the article', async () => {
    const text = '# 标题\n\n第一段。\n\n[图片：市民在公园晨练]\n\n第二段。\n';
    const r = await importFiles([{ name: 'a.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.imageLinks).toEqual([{ imageId: r.images[0].id, articleId: r.articles[0].id, caption: '市民在公园晨练' }]);
    expect(r.articles[0].body.content).toHaveLength(2);
  });

  it('the lines under a placeholder down to a photo credit (本报记者 王涛 摄) are its caption, not body text', async () => {
    const text = '市郊工业经济同比增长三成多\n\n本报讯 今年上半年，我市市郊工业企业加快发展壮大。\n[图片]\n即墨一家机械企业的装配车间里,工人正在赶\n制出口订单。  本报记者 王涛 摄\n据统计，今年上半年，市郊五市一区规模以上工业企业达到1608户。\n';
    const r = await importFiles([{ name: 'caption.txt', bytes: new TextEncoder().encode(text) }]);
    // (its OCR's half-width comma made full-width, as the body's are; the spaces of its credit kept)
    expect(r.imageLinks.map((l) => l.caption)).toEqual(['即墨一家机械企业的装配车间里，工人正在赶制出口订单。 本报记者 王涛 摄']);
    const body = plainText(r.articles[0].body);
    expect(body).not.toContain('装配车间');
    expect(body).toContain('据统计');
    // "(如图)" in a story that has its placeholder refers to that picture: one frame, not two
    const referred = await importFiles([{ name: 'ref.txt', bytes: new TextEncoder().encode(text.replace('发展壮大。', '发展壮大（如图）。')) }]);
    expect(referred.imageLinks).toHaveLength(1);
    // without a credit within four lines, the text under a placeholder stays body (a caption is never guessed from the body)
    const plain = await importFiles([{ name: 'nocredit.txt', bytes: new TextEncoder().encode(text.replace('  本报记者 王涛 摄', '')) }]);
    expect(plain.imageLinks.map((l) => l.caption)).toEqual(['']);
    expect(plainText(plain.articles[0].body)).toContain('装配车间');
  });

  it('an OCR\'d page: a caption alone where blank lines stood for the picture is the picture\'s caption; an end byline with who else reported (（…参与采写）) stays the story\'s (field test 22)', async () => {
    const page = [
      '责任编辑:赵敏 校对:王岚 组版:晓南', '', '# 老街修表铺开了三十年', '', '"表又不走了,帮我 看看咋回事?"', '',
      '清晨7点,老街口的修表铺就亮起了灯。店主 老周戴上放大镜,开始一天的活计。', '',
      '三十年来,他修过的表不下两万块。街坊 们说,表停了,找老周准没错。', '', '', '',
      '图为老周在修理一块旧怀表。 李 明摄(城市视觉)', '',
      '如今,老周把手艺教给了徒弟,"手艺 不能断在我手里。"', '',
      '□本报记者 王者 (殷伟杰参与采写)', '', '# 新建口袋公园十二处', '', '### 居民出门五分钟见绿', '',
      '本报讯 今年以来,我市在老城区新建口袋 公园十二处,让居民出门五分钟就能见到绿色。', '',
    ].join('\n');
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(page) }]);
    expect(r.articles.map((a) => a.headline)).toEqual(['老街修表铺开了三十年', '新建口袋公园十二处']);
    const [shop, park] = r.articles;
    expect(shop.byline).toBe('□本报记者 王者 （殷伟杰参与采写）');
    expect(shop.bylinePosition).toBe('end');
    expect(park.deck).toBe('居民出门五分钟见绿');
    expect(park.kicker ?? '').toBe('');
    // the caption is the placeholder's, its credit and agency with it; the story's text runs on without it
    expect(r.imageLinks).toEqual([{ imageId: r.images[0].id, articleId: shop.id, caption: expect.stringMatching(/^图为老周在修理一块旧怀表。.*摄.城市视觉.$/) }]);
    const body = plainText(shop.body);
    expect(body).not.toContain('怀表');
    expect(body).toMatch(/两万块。.*准没错。\s*如今/s);
    // a quoted question opening the story is someone speaking: a paragraph, not a subhead
    expect(shop.body.content?.[0]).toMatchObject({ type: 'paragraph', content: [{ text: '“表又不走了，帮我看看咋回事？”' }] });
    // nothing of the page is lost: no line left over as a fragment
    expect((r.report as ImportReport).fragments).toEqual([]);
  });

  it('what is not a caption stays where it was: a credited paragraph after one blank line, 上图书馆… after three, a top byline with 摄 after two (field test 22)', async () => {
    const page = (gap: number, line: string) => ['责任编辑:赵敏 校对:王岚 组版:晓南', '', '# 老街修表铺开了三十年', '', '清晨7点,老街口的修表铺就亮起了灯。店主 老周戴上放大镜,开始一天的活计。', ...Array(gap).fill(''), line, '', '三十年来,他修过的表不下两万块。街坊 们说,表停了,找老周准没错。', ''].join('\n');
    const read = async (gap: number, line: string) => importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(page(gap, line)) }]);
    // the same credited line after three blank lines is the picture's caption: the gap is what makes it one
    expect((await read(3, '他指着柜台说:"这块表跟了我二十年。" 李 明摄')).imageLinks).toHaveLength(1);
    const near = await read(1, '他指着柜台说:"这块表跟了我二十年。" 李 明摄');
    expect(near.imageLinks).toEqual([]);
    expect(plainText(near.articles[0].body)).toContain('这块表跟了我二十年');
    const library = await read(3, '上图书馆看书,成了街坊们的新习惯。');
    expect(library.imageLinks).toEqual([]);
    expect(plainText(library.articles[0].body)).toContain('上图书馆看书');
    const byline = await read(2, '本报记者 王涛 摄');
    expect(byline.imageLinks).toEqual([]);
    expect(byline.articles[0].byline).toMatch(/^本报记者 王涛 ?摄$/);
  });

  it('an OCR\'d column of briefs with a blank line between every two paragraphs: the spaced-out 简 讯 is the 栏头, an item with no dateline is a story, a name alone at the end is the byline (field test 23)', async () => {
    const page = [
      '责任编辑:韩冬 校对:李娜 组版:小林', '简 讯', '河西新区开展家风教育活动',
      '本报河西5月19日电 (记 者李明)河西新区把家风建设作为廉洁文化建设的切入点,开展家风教育系列 活动。',
      '此外,新区组建宣讲小分队深入各社区,把家风故事讲给居民听。',
      '城南街道推出便民服务新举措',
      '本报城南5月19日电 (记 者张华)城南街道日前推出十项便民服务举措,方便居民就近办事。',
      '据介绍,这些举措将在6月底前全部落地,居民可在家门口办理社保等事项。',
      '夜市经济带动消费热度',
      '夜幕降临,城东夜市人头攒动。今年以来,夜市经营户已增加到三百多家。',
      '"我们还将延长营业时间。"夜市负责人说。',
      '本报记者 王珂',
      '老人散步不慎落水', '青年跳河将其救起',
      '5月上旬,一位老人在河边散步时不慎落水,路过的青年立即跳入河中施救。',
      '老人被救上岸后,家人特意送来锦旗表示感谢。',
      '常 钦',
    ].join('\n\n');
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(page) }]);
    expect(r.articles.map((a) => a.headline)).toEqual(['河西新区开展家风教育活动', '城南街道推出便民服务新举措', '夜市经济带动消费热度', '青年跳河将其救起']);
    const [family, , market, rescue] = r.articles;
    expect(r.columnLinks).toEqual([{ articleId: family.id, columnName: '简讯' }]);
    expect(family.kicker ?? '').toBe('');
    expect(family.lead).toBe('本报河西5月19日电（记者李明）');
    expect(market.byline).toBe('本报记者 王珂');
    expect(plainText(market.body)).toMatch(/^夜幕降临.*负责人说。$/s);
    expect(rescue.kicker).toBe('老人散步不慎落水');
    expect(rescue).toMatchObject({ byline: '常钦', bylinePosition: 'end' });
    expect(plainText(rescue.body)).not.toContain('常');
  });

  it('an OCR\'d page: a title line ending in —— is the 引题 over the 主题 under it; ——编者 ends the editor\'s note; （…参与采写） at the end is text, not a subhead (field test 23)', async () => {
    const page = [
      '城东新区推动产业转型——', '协同创新赋能产业链', '□本报记者 王政',
      '营业总收入同比增长13.8%,研发投入超过', '十亿元,业务覆盖全国各地,制造基地遍', '布城乡。',
      '“一家企业成功与否,不只看自身的创新', '实力。”企业负责人说。', '',
      '小柚子长成大产业', '——对三地柚子产业链的一线探访', '本报记者 程远州',
      '柚子产业怎样发展?近日,本报记者深入', '田间地头,探寻发展之道。', '——编  者',
      '在容县,柚子种植面积已达到二十多万亩,', '全县建成标准化种植基地十多个,带动农', '户增收致富。',
      '(裴囡囡参与采写)',
    ].join('\n');
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(page) }]);
    expect(r.articles.map((a) => [a.kicker ?? '', a.headline])).toEqual([['城东新区推动产业转型——', '协同创新赋能产业链'], ['', '小柚子长成大产业']]);
    const paras = r.articles[1].body.content!.map((p) => ({ type: p.type, text: plainText({ type: 'doc', content: [p] }) }));
    expect(paras).toEqual([
      { type: 'paragraph', text: '柚子产业怎样发展？近日，本报记者深入田间地头，探寻发展之道。——编者' },
      { type: 'paragraph', text: '在容县，柚子种植面积已达到二十多万亩，全县建成标准化种植基地十多个，带动农户增收致富。' },
      { type: 'paragraph', text: '（裴囡囡参与采写）' },
    ]);
  });

  it('what the day\'s new rules leave alone (review of field test 23): a subhead of a story after a briefs column, a line leading into a quotation, a semicolon\'s clause; what they read: a spaced byline, a caption over a credit, ――编者', async () => {
    const read = async (lines: string[], sep = '\n') => (await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(lines.join(sep)) }])).articles;
    // a 简 讯 column higher on the page: a longer story under it keeps its one subhead
    const long = '今年，我市计划改造老旧小区一百二十个，惠及居民一万余户，改造内容包括加装电梯、更新管网、整治环境等，'.repeat(10) + '居民都说好。';
    const afterBriefs = await read(['简 讯', '河西新区开展家风教育活动', '本报河西5月19日电 (记 者李明)河西新区开展家风教育系列活动。', '城南街道推出便民服务新举措', '本报城南5月19日电 (记 者张华)城南街道日前推出十项便民服务举措。', '老旧小区改造惠及万户居民', `本报讯 ${long}`, '居民王阿姨说，小区变美了，住着更舒心了。', '加装电梯有了新模式', '在城北的一个小区，居民自筹资金与政府补贴相结合，两个月就装好了电梯。', '社区负责人表示，将把这一做法推广到更多小区。', '城东夜市人气旺', '本报讯 夜幕降临，城东夜市人头攒动。'], '\n\n');
    expect(afterBriefs.map((a) => a.headline)).toEqual(['河西新区开展家风教育活动', '城南街道推出便民服务新举措', '老旧小区改造惠及万户居民', '城东夜市人气旺']);
    // two undated stories, the first opening with when it happened: two; a manuscript with no date keeps its subhead though a dated story follows
    expect((await read(['社区食堂开张了', '近日，城西社区食堂正式开张，老人们在家门口吃上了热乎饭。', '食堂负责人说，将不断丰富菜品。', '公园新添健身器材', '“这些器材真方便！”市民张大爷一边锻炼一边说。'])).map((a) => a.headline)).toEqual(['社区食堂开张了', '公园新添健身器材']);
    expect((await read(['“大江奔流”采访团走进湖口', '当天上午，记者来到湖口县的一处湿地，成群的候鸟在水面上翻飞。', '护鸟名人和他的“候鸟王国”', '走进他的候鸟医院，几只受伤的白鹭正在休养。', '湖口县举办候鸟保护宣传周活动', '本报讯 日前，湖口县举办候鸟保护宣传周活动。'])).map((a) => a.headline)).toEqual(['“大江奔流”采访团走进湖口', '湖口县举办候鸟保护宣传周活动']);
    // a line leading into a quotation with a dash is the paragraph's first line, no subhead
    const dash = await read(['城东新区产业转型见成效', '本报讯 今年以来，城东新区坚持创新驱动，推动传统产业转型升级，新兴产业', '加快集聚，全区规上工业产值同比增长百分之十二，发展质效持续提升。', '', '记者听到最多的一句话是——', '“只要肯干，日子就会越来越好。”这句话，道出了城东新区干部群众的共同心', '声。下一步，新区将继续加大招商引资力度，推动更多项目落地见效，为全', '市高质量发展贡献力量。']);
    expect(dash[0].body.content!.map((p) => p.type)).toEqual(['paragraph', 'paragraph']);
    // a clause a semicolon ends goes on: the short line under it is no story's title
    expect(await read(['老年人谨防保健品骗局', '本报讯 记者近日走访发现，一些不法商家以免费体检为名，向老年人推销高价保健品。', '民警总结了几句顺口溜：天上不会掉馅饼；', '免费体检忽悠你', '近日，又有多名老人上当受骗，民警提醒大家提高警惕。'])).toHaveLength(1);
    // a byline OCR spaced out (本报记 者 张华) opens the story under its title; 通 讯员 in a dateline is closed up
    const spaced = await read(['夜市经济带动消费热度', '本报记者 王珂', '夜幕降临,城东夜市人头攒动。', '"我们还将延长营业时间。"夜市负责人说。', '', '老人散步不慎落水', '本报记 者 张华', '5月上旬,一位老人在河边散步时不慎落水。', '', '城南街道推出便民服务新举措', '本报城南5月19日电 (记 者张华 通 讯员李明)城南街道日前推出十项便民服务举措。']);
    expect(spaced.map((a) => [a.headline, a.byline || a.lead])).toEqual([['夜市经济带动消费热度', '本报记者 王珂'], ['老人散步不慎落水', '本报记者 张华'], ['城南街道推出便民服务新举措', '本报城南5月19日电（记者张华 通讯员李明）']]);
    // a short line over a photographer's credit in an OCR'd story is a picture's caption, not a story's title and byline
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(['城西公园迎来赏花高峰', '本报讯 连日来,城西公园的樱花进入盛花期,吸引大批市民前来观赏。', '', '市民在樱花树下拍照留念', '本报记者 王涛 摄', '公园管理处负责人介绍,今年园内新增樱花树三百余株。'].join('\n')) }]);
    expect(r.articles.map((a) => a.headline)).toEqual(['城西公园迎来赏花高峰']);
    expect(r.imageLinks.map((l) => l.caption)).toEqual(['市民在樱花树下拍照留念 本报记者 王涛 摄']);
    // the editor's sign in another dash
    const sign = await read(['小柚子长成大产业', '本报记者 程远州', '柚子产业怎样发展?本报记者深入田间地头,探寻发展之道。', '――编者', '在容县,柚子种植面积已达到二十多万亩。']);
    expect(plainText(sign[0].body).split('\n')[0]).toMatch(/探寻发展之道。――编者$/);
  });

  it('an OCR\'d page\'s 版名 on the line under its page line, credits labelled 本版责任编辑 and 版式设计, a team\'s byline in brackets at a story\'s end, and an official text ending in its agency\'s dateline (field test 24)', async () => {
    const page = [
      '第6版', '社会', '', '推动学习教育入脑入心见行见效', '各地迅速启动部署，有序开展学习教育，推动作风建设走深走实。', '各地把学习教育同推动高质量发展结合起来，全力办好民生实事。',
      '（本报记者吴储岐、韩俊杰、田豆豆、张文、周亚', '军、郝迎灿、苏滨）', '', '关于健全社会信用体系的意见', '社会信用制度是市场经济基础制度。为健全社会信用体系，现提出如下意见。', '（新华社北京3月31日电）',
      '一份提案，牵出一条民生热线', '(上接第1版)扎根基层、深入调研，立足专业、发挥所长。', '', '本版责任编辑：沈知远　易晴川　　版式设计：陆清禾',
    ].join('\n');
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(page) }]);
    expect(r.page.header).toMatchObject({ pageNumber: '6', section: '社会' });
    expect(r.page.columnNames).toEqual([]);
    expect(r.page.credits).toEqual({ editor: '沈知远、易晴川', layoutEditor: '陆清禾' });
    expect(r.articles.map((a) => a.headline)).toEqual(['推动学习教育入脑入心见行见效', '关于健全社会信用体系的意见', '一份提案，牵出一条民生热线']);
    expect(r.articles[0]).toMatchObject({ byline: '（本报记者吴储岐、韩俊杰、田豆豆、张文、周亚军、郝迎灿、苏滨）', bylinePosition: 'end' });
    expect(plainText(r.articles[1].body)).toMatch(/（新华社北京3月31日电）$/);
    expect(r.articles[2].kicker ?? '').toBe('');
  });

  it('a page with no blank line and a ragged 15-to-19-character wrap: a headline wider than the body after a story\'s end, its date as 副题, numbered section heads as wide as the body, and a title over a byline (field test 24 Q)', async () => {
    // hard-wrapped as an OCR of a narrow column, widths cycling 16, 18, 15, 19, 17 (half-width commas as OCR gives them)
    const widths = [16, 18, 15, 19, 17];
    let turn = 0;
    const wrap = (para: string): string[] => {
      const lines: string[] = [];
      for (let chars = [...para]; chars.length; ) lines.push(chars.splice(0, widths[turn++ % widths.length]).join(''));
      return lines;
    };
    const text = (...paras: string[]): string[] => paras.flatMap(wrap);
    const page = [
      '李强在北京市调研时强调', '以更大力度促进消费扩大内需',
      ...text('新华社北京4月15日电（记者 邹伟）国务院总理李强4月15日在北京调研,他强调,要沉着冷静应对外部冲击带来的困难挑战,以更大力度促进消费、扩大内需、做强国内大循环,进一步释放我国超大规模市场的活力潜力。', '李强来到外贸优品中华行展销现场,走进纺织品、轻工产品、食品等展销区,与参展企业负责人和销售人员交流,详细了解产品出口及内销情况。', '尹力、吴政隆参加调研。'),
      '中共中央办公厅国务院办公厅关于健全社会信用体系的意见', '（2025年3月21日）',
      ...text('社会信用制度是市场经济基础制度。为健全社会信用体系,经党中央、国务院同意,现提出如下意见。'),
      '一、总体要求',
      ...text('坚持以习近平新时代中国特色社会主义思想为指导,坚持稳中求进工作总基调,完整准确全面贯彻新发展理念,加快构建新发展格局。'),
      '二、构建覆盖各类主体的社会信用体系',
      ...text('（一）深化政务信用建设。健全政府诚信履约机制,开展政务诚信评价,完善政务领域失信记录。', '（新华社北京3月31日电）'),
      '村里有座气象博物馆', '本报记者 宋豪新',
      ...text('台上,老师绘声绘色地讲解气候变化知识;台下,孩子们听得津津有味,不时举手提问。', '和林村的乡村气象博物馆建成以来,已接待游客十余万人次,盘活闲置资产效益超300万元。'),
    ].join('\n');
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(page) }]);
    expect(r.articles.map((a) => a.headline)).toEqual(['以更大力度促进消费扩大内需', '中共中央办公厅国务院办公厅关于健全社会信用体系的意见', '村里有座气象博物馆']);
    expect(r.articles[1].deck).toBe('（2025年3月21日）');
    const blocks = (k: number, type: string): string[] => r.articles[k].body.content.filter((p) => p.type === type).map((p) => plainText({ type: 'doc', content: [{ ...p, type: 'paragraph' }] }));
    const heads = (k: number): string[] => blocks(k, 'heading');
    expect(heads(0)).toEqual([]);
    expect(heads(1)).toEqual(['一、总体要求', '二、构建覆盖各类主体的社会信用体系']);
    expect(blocks(1, 'paragraph')).toHaveLength(4);
    expect(r.articles[2]).toMatchObject({ byline: '本报记者 宋豪新' });
    expect(blocks(2, 'paragraph')).toHaveLength(2);
    expect((r.report as ImportReport).guesses.map((g) => g.kind)).not.toContain('unterminated-paragraph');
  });

  it('a page with a blank line between every two paragraphs: its header over three lines, names padded with a space inside, an epigraph\'s wrapped source, a place as 引题 and a 栏目 stacked over the next headline (field test 25 S)', async () => {
    const page = [
      '5', '经济新闻', '2026年5月12日  星期二', '',
      '浙江稳步推进共同富裕', '本报记者  何  聪  江  南  刘军国', '',
      '“嘀嘀！”5月8日，一辆“共富小巴”停在浙江丽水的村', '口，村民们陆续上车，前往县城办事。', '',
      '——2024年6月24日，习近平总书记在全国科', '技大会、国家科学技术奖励大会、两院院士大会上发', '表重要讲话强调', '',
      '近年来，浙江持续推进城乡基本公共服务均等化，农', '村居民的获得感不断增强。', '',
      '去年，全省农村居民人均可支配收入继续增长，城乡', '居民收入倍差进一步缩小。', '',
      '在景宁，一条条公交线路通到山里，村民出行更方便', '了，山货也更好卖了。', '',
      '河南宝丰县', '汝瓷产业焕发勃勃生机', '',
      '当地拥有约百名汝瓷烧制技艺传承人、200余家生产', '企业，产业焕发勃勃生机。', '',
      '纵横', '协同破解“政策打架”', '',
      '生产时，开窗还是关窗？不同部门可能提出不一样的', '要求，导致企业无所适从。', '',
      '本版编辑:王晓宁 版式设计：陈思远',
    ].join('\n');
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(page) }]);
    expect(r.page.header).toMatchObject({ pageNumber: '5', section: '经济新闻', date: '2026-05-12' });
    expect(r.articles.map((a) => a.headline)).toEqual(['浙江稳步推进共同富裕', '汝瓷产业焕发勃勃生机', '协同破解“政策打架”']);
    expect(r.articles[0].byline).toBe('本报记者 何聪 江南 刘军国');
    expect(r.articles[0].body.content.filter((p) => p.type === 'heading')).toEqual([]);
    expect(plainText(r.articles[0].body)).toContain('——2024年6月24日，习近平总书记在全国科技大会、国家科学技术奖励大会、两院院士大会上发表重要讲话强调');
    expect(r.articles[1].kicker).toBe('河南宝丰县');
    expect(r.page.columnNames).toEqual(['纵横']);
  });

  it('a page whose paragraphs are set apart by their indent: a subhead set flush left over one, and a headline a quotation runs over two centred lines (field test 25 T)', async () => {
    const page = [
      '        “零工市场让我们', '        好找活、有保障”',
      '　　零工们找活的变化，映射出北', '京零工就业服务的不断提升。', '温情服务',
      '　　由于紧靠北京经济技术开发区', '等经济活跃地区，周边施工工地多。', '数字赋能',
      '　　线下进场，线上搭桥。零工市', '场推动从“人找活”向“活找人”转变。',
    ].join('\n');
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(page) }]);
    expect(r.articles.map((a) => a.headline)).toEqual(['“零工市场让我们好找活、有保障”']);
    const heads = r.articles[0].body.content.filter((p) => p.type === 'heading').map((p) => plainText({ type: 'doc', content: [{ ...p, type: 'paragraph' }] }));
    expect(heads).toEqual(['温情服务', '数字赋能']);
  });

  it('a paragraph leading into items with a dash or a colon is not joined to an item under it that opens with a quotation or a number (field test 26)', async () => {
    const text = ['主题：非遗馆里，找到过年的“打开方式”', '', '以“过年”为主题的展览，长什么样？此次展览按主题分为4个展区——', '', '“历序时新”展示传统历法常识和岁首庆祝习俗的演变。', '', '“食为天”着眼于大食物观，展示各地年节美食。', '', '主要措施有：', '', '一、加强组织领导。'].join('\n');
    const r = await importFiles([{ name: '06.txt', bytes: new TextEncoder().encode(text) }]);
    expect(plainText(r.articles[0].body).split('\n')).toEqual(['以“过年”为主题的展览，长什么样？此次展览按主题分为4个展区——', '“历序时新”展示传统历法常识和岁首庆祝习俗的演变。', '“食为天”着眼于大食物观，展示各地年节美食。', '主要措施有：', '一、加强组织领导。']);
  });

  it('a county paper\'s page: credits on its page line, a 栏目 in 【】 over a centred headline, a 简讯 column of ■ items each one paragraph (field test 27 X)', async () => {
    const page = [
      '青溪日报', '2026年4月8日 星期三 农历二月廿一', '第2版 综合新闻 责任编辑 陈思远', '',
      '【法治在线】', '              综治联动打开邻里心窗', '　　本报讯（融媒记者 沈嘉禾）上海市杨浦区，一个窄窄的小区', '居民楼道里，邻里纠纷得到化解。', '',
      '            甘肃启动实施“新能源+”行动', '　　本报讯 甘肃省政府日前印发行动方案，提出到2027年，', '全省新能源装机规模进一步扩大。', '',
      '                   简讯', '■近日，《淮河流域重要河段河道采砂管理规划', '（2026—2030年）》获水利部正式批复。', '规划明确，河砂可开采总量较上轮规划压减8', '6%。', '■近日，广西—东盟人工智能概念验证中心在广', '西南宁五象云谷AI智算产业园揭牌成立。', '', '校对：林小溪',
    ].join('\n');
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(page) }]);
    expect(r.page.header).toMatchObject({ paperName: '青溪日报', date: '2026-04-08', pageNumber: '2', section: '综合新闻' });
    expect(r.page.credits).toEqual({ editor: '陈思远', proofreader: '林小溪' });
    expect(r.page.banners).toEqual([]);
    expect(r.page.columnNames).toContain('法治在线');
    const briefs = r.articles.find((a) => a.headline === '简讯')!;
    expect(plainText(briefs.body).split('\n')).toEqual(['■近日，《淮河流域重要河段河道采砂管理规划（2026—2030年）》获水利部正式批复。规划明确，河砂可开采总量较上轮规划压减86%。', '■近日，广西—东盟人工智能概念验证中心在广西南宁五象云谷AI智算产业园揭牌成立。']);
  });

  it('a Traditional page: its 版名 joined with ・, stories parted by a row of stars, each 主题 over its 副题 with no dash (field test 27 Y)', async () => {
    const story = (n: number) => Array.from({ length: 3 }, (_, i) => `「這是第${n}篇報道的第${i + 1}段。」記者說，這個項目對於國家和學校的發展都很重要，們會繼續關注。`);
    const page = [
      '明灣日報', '2026年4月9日（星期四）　農曆二月廿二', 'B4　文化・生活', '',
      '《茶館》有味　匠心出新', '演了近70年的《茶館》依舊賓客盈門', '記者莊雅婷／北京報導', '', ...story(1).flatMap((p) => [p, '']),
      '＊　＊　＊', '',
      '高鐵寵物出行服務升級', '分為「攜寵出行」與「愛寵單獨行」兩種託運模式', '', ...story(2).flatMap((p) => [p, '']),
    ].join('\n');
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(page) }]);
    expect(r.page.header).toMatchObject({ paperName: '明灣日報', date: '2026-04-09', pageNumber: 'B4', section: '文化・生活' });
    expect(r.articles.map((a) => [a.headline, a.deck])).toEqual([['《茶館》有味　匠心出新', '演了近70年的《茶館》依舊賓客盈門'], ['高鐵寵物出行服務升級', '分為「攜寵出行」與「愛寵單獨行」兩種託運模式']]);
    expect(plainText(r.articles[0].body)).not.toContain('＊');
  });

  it('an interview page: a headline broken before 答记者问 stays one 主题 under its 引题; a 言论 opens under its 栏目, title and writer after a blank line (field test 28 Z1)', async () => {
    const wrap = (p: string, n = 17) => Array.from({ length: Math.ceil([...p].length / n) }, (_, i) => [...p].slice(i * n, (i + 1) * n).join(''));
    const page = [
      '清河日报　　2026年4月15日　星期三　　第6版　　访谈', '',
      '市发展改革委负责人', '就《关于加快发展县域经济的实施意见》', '答记者问', '本报记者　王　芳',
      ...wrap('　　近日，市委办公室、市政府办公室印发《关于加快发展县域经济的实施意见》。市发展改革委负责人就有关情况回答了记者提问。'),
      ...wrap('　　问：请介绍一下《实施意见》出台的背景。'),
      ...wrap('　　答：县域经济是国民经济的基本单元，是推动高质量发展的重要支撑。近年来，我市县域经济总量持续扩大。'), '',
      '专家观点', '县域经济不是城市经济的“配角”', '李明远',
      ...wrap('县域作为城乡融合发展的重要切入点，在扩大内需、稳定就业方面作用突出。数据背后值得关注的，是增长的路径。'), '',
      ...wrap('县域经济不是城市经济的“配角”，而是高质量发展的重要支点。守住产业底线，就是守住未来。'), '',
      '（作者为清河大学经济学院教授）',
    ].join('\n');
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(page) }]);
    expect(r.page.banners).toEqual([]);
    expect(r.articles.map((a) => [a.kicker, a.headline, a.byline])).toEqual([
      ['市发展改革委负责人', '就《关于加快发展县域经济的实施意见》答记者问', '本报记者 王芳'],
      ['', '县域经济不是城市经济的“配角”', '李明远'],
    ]);
    expect(r.page.columnNames).toEqual(['专家观点']);
  });

  it('a 栏目 over a title over a picture opens a 图片新闻 after a story\'s end; a dateline names two places (本报成都、重庆4月21日电, field test 28 Z2)', async () => {
    const page = [
      '市场监管部门加强农资打假', '本报北京4月21日电　（记者林丽）记者', '21日从市场监管总局获悉，全国共查', '办化肥质量违法案件3845件。', '',
      '同时，持续强化监管执法，查处一批', '假劣化肥重大案件。', '',
      '暖相册', '坐上惠农公交专线去卖菜', '[图片]', '　　早晨6点，天刚蒙蒙亮，定扒村', '公交车站热闹不已。村民们正在等', '待搭乘惠农公交专线，赶往市区卖菜。', '杨光伟　摄', '',
      '四川成都开展行道树排查整治', '本报成都4月21日电　（记者李凯）', '成都市近日发起市民园丁行动。', '',
      '成都同步开展排查整治专项行动，', '已完成整改351处。', '',
      '川渝两地知识产权案件数量下降', '　　本报成都、重庆4月21日电', '（记者游仪）21日，川渝两地高级人民', '法院联合举行新闻发布会。', '　　2025年四川法院共新收各类知', '识产权案件20647件。',
    ].join('\n');
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(page) }]);
    expect(r.articles.map((a) => a.headline)).toEqual(['市场监管部门加强农资打假', '坐上惠农公交专线去卖菜', '四川成都开展行道树排查整治', '川渝两地知识产权案件数量下降']);
    expect(r.columnLinks).toEqual([{ articleId: r.articles[1].id, columnName: '暖相册' }]);
    expect(r.articles[3].lead).toBe('本报成都、重庆4月21日电（记者游仪）');
  });

  it('a 副刊 page: an indented line ending a sentence at the full width runs on; a running head mid-text is taken out; a writer under 【栏目】 and title; an author note in ASCII brackets ends its piece (field test 29 W1)', async () => {
    const page = [
      '岚州日报  2026年4月26日  星期日  第7版  副刊', '',
      '江南的雨', '张一帆',
      '　　今年是作家诞辰一百三十周年的纪念。', '读者印象里的他，多半是小说中苦闷的', '青年形象。',
      '　　然而，他的身份到底还是暴露了。', '宪兵队里熟悉文化界情形的翻译早就认',
      '岚州日报  2026年4月26日  副刊',
      '出了他，只因敬重他的为人而未告发。',
      '(作者为吉林大学文学院副教授)', '',
      '【文思】', '读书不妨“杂”一点', '安武林',
      '　　良好的阅读习惯，应该从小培养，而', '且可以培养得很好，这是我的看法。', '',
      '责任编辑：林晓岚　　校对：周文涛',
    ].join('\n');
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(page) }]);
    expect(r.articles.map((a) => [a.headline, a.byline])).toEqual([['江南的雨', '张一帆'], ['读书不妨“杂”一点', '安武林']]);
    expect(plainText(r.articles[0].body).split('\n')).toEqual([
      '今年是作家诞辰一百三十周年的纪念。读者印象里的他，多半是小说中苦闷的青年形象。',
      '然而，他的身份到底还是暴露了。宪兵队里熟悉文化界情形的翻译早就认出了他，只因敬重他的为人而未告发。',
      '（作者为吉林大学文学院副教授）',
    ]);
    expect(r.page.columnNames).toEqual(['文思']);
    expect((r.report as ImportReport).fragments).toEqual([]);
  });

  it('an 国际 page: 【栏目】 over a headline with a comma; a page line alone mid-text is furniture; 其一， heads a section; 据新华社…电 is a dateline; a closing （本报…电） and （来源：新华社） end their stories (field test 29 W2)', async () => {
    const page = [
      '汀洲晚报  2026年5月27日  星期三  第6版  国际', '',
      '【寰宇平】', '告别“菜单”“餐桌”逻辑，中等强国如何为多极化注入正向力量',
      '今年以来，国际社会围绕这一话题的讨论', '越来越多，不妨从以下几个问题展开剖析。',
      '其一，何谓中等强国？', '这一概念并无清晰边界，其内涵随着国际', '第6版', '力量结构的变化而不断调整。',
      '其二，中等强国如何定位？', '中等强国处于大国与小国之间的位置。', '',
      '刷手机有多累？现在AI能算出来了', '　　据新华社赫尔辛基电 (记者朱昊晨)', '芬兰研究人员开发出一种新方法。', '　　研究结果发表在新一期期刊上。',
      '（本报赫尔辛基4月7日电）', '',
      '李强签署国务院令', '公布新的安全规定', '　　新华社北京4月7日电　国务院总理李强日', '前签署国务院令，公布新的规定。', '（来源：新华社）',
    ].join('\n');
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(page) }]);
    expect(r.articles.map((a) => a.headline)).toEqual(['告别“菜单”“餐桌”逻辑，中等强国如何为多极化注入正向力量', '刷手机有多累？现在AI能算出来了', '公布新的安全规定']);
    expect(r.page.columnNames).toEqual(['寰宇平']);
    const first = plainText(r.articles[0].body);
    expect(first).toContain('其内涵随着国际力量结构的变化');
    expect(first).not.toContain('第6版');
    expect(r.articles[1].lead).toBe('据新华社赫尔辛基电（记者朱昊晨）');
    expect(plainText(r.articles[1].body).endsWith('（本报赫尔辛基4月7日电）')).toBe(true);
    expect(r.articles[2].byline).toBe('（来源：新华社）');
  });

  it('the rules of field tests 28 and 29 left alone where they must be (review)', async () => {
    const imp = async (lines: string[], name = 'page.txt') => importFiles([{ name, bytes: new TextEncoder().encode(lines.join('\n')) }]);
    const heads = (r: { articles: { headline: string }[] }) => r.articles.map((a) => a.headline);
    // a Markdown story's 栏目, title and name in its text open no story (the writer's rule is an OCR'd page's)
    const md = await imp(['# 县域经济发展观察', '', '本报记者 王芳', '', '近日，市委印发实施意见。', '', '专家观点', '', '县域经济不是城市经济的配角', '', '李明远', '', '县域作为城乡融合发展的重要切入点，作用突出。'], 'a.md');
    expect(heads(md)).toEqual(['县域经济发展观察']);
    // a couplet and its poet quoted in an essay stay its text
    const poem = await imp(['月下读诗', '张一帆', '　　每逢中秋，我总爱在院子里读几首诗。今年也不例外，月亮升起来的时候，我翻开了诗集。', '', '举杯邀明月', '对影成三人', '李白', '　　读到这两句诗，我仿佛看见千年前的诗人独自在花间饮酒。']);
    expect(heads(poem)).toEqual(['月下读诗']);
    // verse a colon leads into over a picture loses no line
    const verse = await imp(['江南春色', '本报讯　（记者李明）连日来，江南各地春意盎然，游人如织。', '诗人写道：', '春风又绿江南岸', '明月何时照我还', '[图片]', '游客在湖边赏花。王涛　摄']);
    expect((verse.report as ImportReport).fragments).toEqual([]);
    expect(plainText(verse.articles[0].body)).toContain('诗人写道：');
    // a document's status, date or number in a headline's brackets is the headline's
    for (const tail of ['（试行）', '（征求意见稿）', '（2026年1月5日）', '（第3号）', '（外一首）', '（组诗）', '（摘登）', '（附简历）']) {
      expect(heads(await imp([`城市管理办法${tail}`, '本报讯（记者王芳）近日，市政府印发管理办法。'])), tail).toEqual([`城市管理办法${tail}`]);
    }
    // a notice signed with the paper's name and the date, and a weather line with the date and the page's number, are text
    const signed = await imp(['汀洲晚报  2026年5月27日  星期三  第6版  社会', '', '本报征集老照片启事', '　　本报即日起面向社会征集老照片。', '　　特此启事。', '汀洲晚报  2026年5月27日', '', '今日天气', '2026年5月27日  多云  气温 6 至 18 摄氏度', '明日天气晴，气温有所回升。']);
    expect((signed.report as ImportReport).removed.filter((x) => x.line !== 1)).toEqual([]);
    // an indented short line over the text is still its title
    const indented = await imp(['　　又见春天里的乡村小学', '今年春天，我回到了阔别多年的家乡，看', '到村里的小学已经焕然一新，教学楼宽敞', '明亮，操场上孩子们正在快乐地奔跑着。', '老校长告诉我，这些年国家对乡村教育的', '投入越来越大，孩子们再也不用走很远的', '山路去上学了。']);
    expect(heads(indented)).toEqual(['又见春天里的乡村小学']);
    // 21日电视电话会议 wrapped to a line's start is no dateline
    const tv = await imp(['全省部署安全生产大检查', '本报讯　（记者王芳）近日，全省安全生产工作会议召开，部署开展安全生', '产大检查。会议指出，当前正值汛期，各地要压实责任。会议传达了省委', '办公厅、省政府办公厅21日电视电话会议精神，要求抓好隐患排查整治，', '各地要严格落实领导干部带班值班制度。']);
    expect(plainText(tv.articles[0].body).split('\n')).toHaveLength(1);
    // a figure's source in brackets is text, its own paragraph, not a byline or a title
    const source = await imp(['一季度经济运行开局良好', '本报讯（记者王芳）国家统计局16日发布数据显示，一季度国内生产总值同比增长5.3%。', '（来源：国家统计局）', '分析人士认为，经济运行开局良好，为全年目标打下基础。']);
    expect([heads(source), source.articles[0].byline]).toEqual([['一季度经济运行开局良好'], '']);
    expect(plainText(source.articles[0].body).split('\n')).toContain('（来源：国家统计局）');
  });

  it('the rules of field tests 26 and 27 left alone where they must be (review)', async () => {
    const imp = async (lines: string[]) => importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(lines.join('\n')) }]);
    const paras = (a: { body: RichDoc }) => plainText(a.body).split('\n');
    // marked subheads (■ with no clause) head paragraphs that still end where their sentences do
    const marked = await imp(['我市全力推进城市更新行动', '本报讯（记者 王芳）今年以来，我市以城市更新为抓手，着力提升城市品质。', '■ 老旧小区改造提速', '今年我市计划改造老旧小区120个，目前已开工98个。', '在东城区幸福小区，施工人员正在更换老化管网。', '■ 背街小巷换新颜', '我市还对56条背街小巷进行了提升改造。', '改造后的小巷干净整洁，成为市民休闲的好去处。']);
    expect(paras(marked.articles[0])).toContain('在东城区幸福小区，施工人员正在更换老化管网。');
    // a row of stars over text divides one story's sections: one story, the row its own paragraph
    const divided = await imp(['大山深处的守望者', '', '本报记者 李明', '', '　　清晨五点，山里的雾还没有散。王老师已经站在校门口。', '', '＊　＊　＊', '', '　　三十年前，王老师刚从师范学校毕业，就被分配到了这里。', '', '＊　＊　＊', '', '　　如今，村里修了公路，孩子们上学方便多了。']);
    expect(divided.articles).toHaveLength(1);
    expect(paras(divided.articles[0])).toEqual(['清晨五点，山里的雾还没有散。王老师已经站在校门口。', '＊＊＊', '三十年前，王老师刚从师范学校毕业，就被分配到了这里。', '＊＊＊', '如今，村里修了公路，孩子们上学方便多了。']);
    // a decorative row under a headline keeps it the story's
    const row = await imp(['全市春耕生产全面展开', '◆◆◆◆◆◆◆◆◆◆◆◆', '　　本报讯（记者 王芳）连日来，全市各地抢抓农时，春耕生产全面展开。', '　　在城郊乡，农机手们正忙着整地播种。']);
    expect(row.articles[0].headline).toBe('全市春耕生产全面展开');
    // 【相关链接】 is a box the story closes with, 【编者的话】 over an indented paragraph no 栏目
    const link = await imp(['我市新增5家国家级专精特新企业', '', '　　本报讯（记者 王芳）日前，工信部公布名单，我市5家企业上榜。', '　　截至目前，我市国家级专精特新企业已达32家。', '', '【相关链接】', '什么是专精特新企业', '　　专精特新企业是指具有专业化、精细化、特色化、新颖化特征的中小企业。']);
    expect(link.articles).toHaveLength(1);
    expect(link.page.columnNames).toEqual([]);
    const note = await imp(['加快建设现代化产业体系', '', '　　本报讯（记者 王芳）3月2日，全市现代化产业体系建设推进会召开。', '', '【编者的话】', '　　党的二十大报告明确提出要加快建设现代化', '产业体系。本报今起推出系列报道，敬请关注。']);
    expect(note.page.columnNames).toEqual([]);
    // after a colon a quotation is what was said: a column break there is joined
    const said = await imp(['我市召开优化营商环境大会', '', '　　本报讯（记者 王芳）3月2日，我市召开优化营商环境大会。市长李明在会上强调，要进一步转变作风。他', '在讲话中指出：', '', '“营商环境就是生产力，各级各部门要真心实意为企业排忧解难。”会议还表彰了一批先进单位。']);
    expect(paras(said.articles[0])).toHaveLength(1);
    // on a Traditional page a kicker's dash still leads into the 主题 under it
    const trad = await imp(['為了更多人端穩飯碗——', '本市舉辦春季大型招聘會', '', ...Array.from({ length: 3 }, (_, i) => `「這是第${i + 1}段。」記者說，這個項目對於國家和學校的發展都很重要，們會繼續關注。`)]);
    expect(trad.articles[0]).toMatchObject({ kicker: '為了更多人端穩飯碗——', headline: '本市舉辦春季大型招聘會' });
  });

  it('the rules of field tests 24 and 25 left alone where they must be (review)', async () => {
    const imp = async (lines: string[]) => importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(lines.join('\n')) }]);
    const headings = (a: { body: { content: { type: string }[] } }) => a.body.content.filter((p) => p.type === 'heading').length;
    // a block of one-line paragraphs, one of them long: each its own (the wrap width reads past title lines only)
    const one = Array.from({ length: 11 }, (_, i) => `第${'一二三四五六七八九十'[i % 10]}项工作已经按计划全面完成并通过了验收。`);
    expect(paragraphEnds([...one, '这项工作涉及全市十多个部门和上百家企业，历时三年才全部完成，各方面反映良好，值得总结推广。'])).toHaveLength(11);
    // a numbered paragraph's first line at the width is no heading; nor is a number with a decimal point
    const numbered = await imp(['# 标题', '全市部署了下一步工作，现总结如下。', '（一）加强组织领导成立由主要负责同', '志任组长的工作专班，统筹推进各项工', '作落实。', '今年报名人数比去年增加。', '3.5万名考生将于6月中旬走进考场参', '加考试，各考点已做好准备。']);
    expect(headings(numbered.articles[0])).toBe(0);
    // a numbered heading wider than a subhead after a story's end heads a section, not a story
    const wide = await imp(['本报讯 今年全市城镇化率比上年提高一个百分点。', '一、加快推进以人为核心的新型城镇化建设和城乡融合发展', '我市深化户籍制度改革，推动农业转移人口市民化。']);
    expect(wide.articles).toHaveLength(1);
    // on a page with a blank line between every paragraph, a subhead over a quotation stays the story's
    const paras = ['本报讯 社区食堂每天供应午餐和晚餐。', '老人凭卡就餐可享受优惠。', '食堂的食材都从本地农场直接采购。', '今年还将新建社区食堂二十家。', '送餐上门\n“饭菜还是热乎的！”', '王大爷说，现在吃饭方便多了。', '社区还为行动不便的老人提供送餐服务。'];
    const blank = await imp(['# 社区食堂暖人心', '', paras.join('\n\n')]);
    expect(blank.articles).toHaveLength(1);
    // a three-line title stack with its 副题 stays titles; a column named for a village or a city stays a column
    const stack = await imp(['深入学习贯彻全会精神、全面深化改革开放', '奋力谱写中国式现代化建设河南新篇章新华章', '——河南省推进高质量发展纪实', '', '本报记者 王洲', '', '全省上下深入学习贯彻全会精神，推动高质量发展取得新成效。']);
    expect(stack.articles[0]).toMatchObject({ kicker: '深入学习贯彻全会精神、全面深化改革开放', headline: '奋力谱写中国式现代化建设河南新篇章新华章', deck: '——河南省推进高质量发展纪实' });
    const village = await imp(['美丽乡村', '小山村里的新变化', '本报讯 近日，记者走进城西的一个小山村。']);
    expect(village.page.columnNames.concat(village.articles.flatMap((a) => a.kicker ?? ''))).toContain('美丽乡村');
    expect(village.articles[0].kicker ?? '').toBe('');
    // a name spaced out whole stays one name
    expect(rejoinSplitNames('本报记者 王 小 明'.split(' ')).tokens).toEqual(['本报记者', '王小明']);
    expect(rejoinSplitNames('记者 王 小 明 何 聪'.split(' ')).tokens).toEqual(['记者', '王小明', '何聪']);
  });


  it('field test 31: bulleted 简讯 titles, on their own line, wrapped or run in, under their column\'s bulleted name; a 栏目 over a 引题; 记者手记 is no byline', async () => {
    const imp = async (lines: string[]) => importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(lines.join('\n')) }]);
    const briefs = await imp([
      '汉皋晚报 2026年6月16日　星期二　A05　城事', '',
      '■ 城事快报',
      '■海南今年计划启动1720部老旧电', '梯更新改造', '　　本报海口6月8日电 (记者孙', '海天)记者日前从海南省住房和城', '乡建设厅获悉：海南获批资金。',
      '■重庆出台青年创业促进条例　本', '报重庆6月4日电　（记者姜峰）近', '日，《重庆市青年创业促进条例》', '经表决通过。',
      '■今年将开展特殊食品安全监管专', '项行动　本报北京6月4日电　（记', '者林丽鹂）市场监管总局近日发布', '了年度报告。',
    ]);
    expect(briefs.articles.map((a) => a.headline)).toEqual(['海南今年计划启动1720部老旧电梯更新改造', '重庆出台青年创业促进条例', '今年将开展特殊食品安全监管专项行动']);
    expect(briefs.articles.map((a) => a.lead)).toEqual(['本报海口6月8日电（记者孙海天）', '本报重庆6月4日电（记者姜峰）', '本报北京6月4日电（记者林丽鹂）']);
    expect(briefs.articles.map((a) => plainText(a.body))).toEqual(['记者日前从海南省住房和城乡建设厅获悉：海南获批资金。', '近日，《重庆市青年创业促进条例》经表决通过。', '市场监管总局近日发布了年度报告。']);
    expect(briefs.columnLinks).toEqual([{ articleId: briefs.articles[0].id, columnName: '城事快报' }]);
    expect(briefs.articles.map((a) => a.byline ?? '')).toEqual(['', '', '']);
    // items that open with their text (■近日，…) keep to one story's paragraphs, as in field test 27
    const items = await imp(['# 简讯', '■近日，全市召开安全生产会议，部署', '下一步工作。', '■日前，区里开展了消防演练活动，', '居民积极参加。']);
    expect(items.articles).toHaveLength(1);
    // a 栏目 line over a 引题 and a 主题 over the byline: the column, not a fragment
    const column = await imp(['凤麟日报　2026年6月5日　星期五　第2版　要闻', '', '重庆以融合化推动产业升级', '　　（上接第1版）重庆美的通用制冷设备有', '限公司车间里，大型中央空调机组批量下线。', '',
      '政策解读·聚焦', '试点城市福州长护险基金结余达八亿元', '每月超千元长护险待遇如何撬动', '本报记者 施 钰', '　　今年3月底，中共中央办公厅、国务院办', '公厅发布了意见。']);
    expect((column.report as ImportReport).fragments).toEqual([]);
    expect(column.articles[1]).toMatchObject({ kicker: '试点城市福州长护险基金结余达八亿元', headline: '每月超千元长护险待遇如何撬动' });
    expect(column.columnLinks).toEqual([{ articleId: column.articles[1].id, columnName: '政策解读·聚焦' }]);
    // 记者手记 alone is a section's label: never a byline of a reporter named 手记
    expect(bylineLine('记者手记')).toBeUndefined();
    // a 栏目, a 引题 leading into its 主题 with a dash, a byline over a picture; a quotation's source under a box is text; the credits
    const led = await imp(['凤麟日报　2026年6月5日　星期五　第2版　要闻', '', '国务院印发规划', '　　新华社北京6月2日电　日前，国务院印发规划，明确了目标任务。', '',
      '奋进“十五五”　一线见闻', '广东冷链园区集成超60项数智化技术——', '数据赋能　冻品锁鲜', '本报记者　姜晓丹', '[图片]', '图为玉湖冷链园区的数字平台。　受访者供图', '',
      '推进生产性服务业向专业化和价值链高端延伸。', '', '——摘自“十五五”规划纲要', '', '天刚蒙蒙亮，广东广州市玉湖冷链园区，满载冻品的冷链车排起长队。', '',
      '本版责编：杜　若　丁一帆　　版式设计：沈小川']);
    expect(led.articles).toHaveLength(2);
    expect(led.articles[0].byline ?? '').toBe('');
    expect(led.articles[1]).toMatchObject({ kicker: '广东冷链园区集成超60项数智化技术——', headline: '数据赋能　冻品锁鲜', byline: '本报记者 姜晓丹' });
    expect(plainText(led.articles[1].body)).toContain('——摘自“十五五”规划纲要');
    expect(led.columnLinks).toEqual([{ articleId: led.articles[1].id, columnName: '奋进“十五五”　一线见闻' }]);
    expect(led.page.credits).toEqual({ editor: '杜若、丁一帆', layoutEditor: '沈小川' });
    // a 言论 under its 栏目: a title asking a question, or a 提要 between the title and the writer's name
    const story = ['凤麟日报　2026年6月5日　星期五　第2版　要闻', '', '老旧厂房焕发新活力', '　　本报讯（记者 潘少军）在武汉市四美塘铁路遗址文化公园，蒸汽火车头并排静卧。', ''];
    const asks = await imp([...story, '热议', '一个小区为啥有四个名字?', '李君强', '　　报地址要反复解释、快递外卖时常送错。']);
    expect(asks.articles[1]).toMatchObject({ headline: '一个小区为啥有四个名字？', byline: '李君强' });
    expect(asks.columnLinks).toEqual([{ articleId: asks.articles[1].id, columnName: '热议' }]);
    const sums = await imp([...story, '评论员观察', '以“中国效率”激荡奋进活力', '守制度之优、兴科技之新、固质量之基，让发展成果更有温度、更有质感', '李洪兴', '　　长江南京段江面，一艘货轮停在锚地，船', '员下单外卖。']);
    expect(sums.articles[1]).toMatchObject({ headline: '以“中国效率”激荡奋进活力', deck: '守制度之优、兴科技之新、固质量之基，让发展成果更有温度、更有质感', byline: '李洪兴' });
    expect(plainText(sums.articles[1].body)).toBe('长江南京段江面，一艘货轮停在锚地，船员下单外卖。');
    expect(sums.columnLinks).toEqual([{ articleId: sums.articles[1].id, columnName: '评论员观察' }]);
    // a package (组合报道): its 引题 with a comma and 主题 over its picture, an editor's note signed, then its parts, each a 引题 leading
    // into its 主题 over a byline: one story, each part's titles headings in it and its byline a line under them (field test 36)
    const pack = await imp([...story, '多地更新改造城市闲置地，满足群众健身需求', '运动新空间这样长出来', '[图片]', '市民在金华市缤谷城市运动中心运动。　金华市新闻传媒中心供图',
      '　　候车大厅成为羽毛球馆，废旧工厂变身足', '球公园……越来越多充满活力的运动新空', '间被开辟出来，让“去哪儿锻炼”不再是难题。', '——编　者', '浙江金华——', '候车大厅成为羽毛球馆', '本报记者　窦　皓',
      '　　傍晚，市民程浩背起羽毛球拍，走进浙江', '省金华市缤谷城市运动中心。']);
    expect(pack.articles.slice(1).map((a) => [a.kicker, a.headline, a.byline ?? ''])).toEqual([['多地更新改造城市闲置地，满足群众健身需求', '运动新空间这样长出来', '']]);
    expect(pack.articles[1].body.content.map((p) => `${p.type}:${plainText({ type: 'doc', content: [p] })}`)).toEqual(['paragraph:候车大厅成为羽毛球馆，废旧工厂变身足球公园……越来越多充满活力的运动新空间被开辟出来，让“去哪儿锻炼”不再是难题。——编者', 'heading:浙江金华——', 'heading:候车大厅成为羽毛球馆', 'paragraph:本报记者　窦　皓', 'paragraph:傍晚，市民程浩背起羽毛球拍，走进浙江省金华市缤谷城市运动中心。']);
    expect(pack.imageLinks.map((l) => l.articleId)).toEqual([pack.articles[1].id]);
    // a 记者手记 with its own title and writer (a two-character name padded with a space) is one under its 栏目, not two subheads
    const notes = await imp([...story, '记者手记', '“唤醒”闲置空间，提升民生温度', '王　者', '　　居民下楼就能挥汗如雨，家门口就能打场', '球“过瘾”。']);
    expect(notes.articles[1]).toMatchObject({ headline: '“唤醒”闲置空间，提升民生温度', byline: '王者' });
    expect(notes.columnLinks).toEqual([{ articleId: notes.articles[1].id, columnName: '记者手记' }]);
  });

  it('the rules of field test 31 left alone where they must be (review)', async () => {
    const imp = async (lines: string[]) => importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(lines.join('\n')) }]);
    const h = ['汉皋晚报　2026年6月16日　星期二　A05　城事', ''];
    // a ■ list of labels and values, or of prizes, stays the story's text: no dateline, no item titles
    const list = await imp([...h, '市民读书会本周六举行', '本报讯　（记者　李明）本周六，市图书馆将', '举办第十二期市民读书会，欢迎读者参加。', '■时间　6月20日上午9时', '■地点　市图书馆三楼报告厅', '■报名方式　拨打热线电话12345', '　　活动免费，名额有限，报满即止。']);
    expect(list.articles).toHaveLength(1);
    expect(plainText(list.articles[0].body)).toContain('市图书馆三楼报告厅');
    const prizes = await imp([...h, '全民阅读征文比赛结果揭晓', '本报记者　李明', '　　由市文明办主办的全民阅读征文比赛日前', '落下帷幕。本次比赛共设以下奖项：', '■一等奖三名', '■二等奖五名', '■三等奖十名', '　　获奖名单将于近日在本报公布。']);
    expect(prizes.articles).toHaveLength(1);
    expect(prizes.columnLinks).toEqual([]);
    expect(plainText(prizes.articles[0].body)).toContain('二等奖五名');
    // a bulleted column name over a plain title over its dateline: the column, not a part of the title
    const plain = await imp([...h, '■ 城事快报', '海南启动老旧电梯改造', '　　本报海口6月8日电　（记者孙海天）记者日', '前从海南省住房和城乡建设厅获悉，海南获批', '资金2亿元。']);
    expect(plain.articles[0].headline).toBe('海南启动老旧电梯改造');
    expect(plain.columnLinks).toEqual([{ articleId: plain.articles[0].id, columnName: '城事快报' }]);
    // a short headline whose first character is a common surname, and a speaker under a quotation, are no bylines
    const p = ['凤麟日报　2026年6月5日　星期五　第2版　要闻', '', '国务院印发规划', '　　新华社北京6月2日电　日前，国务院印发规划，明确了目标任务。', ''];
    const short = await imp([...p, '假日消费持续升温，文旅市场火热', '黄金周', '　　本报讯　10月1日至7日，全市共接待游客', '320万人次，同比增长15%。']);
    expect(short.articles[1]).toMatchObject({ kicker: '假日消费持续升温，文旅市场火热', headline: '黄金周' });
    const quote = await imp(['社区食堂暖人心', '本报记者　李明', '　　记者近日走访了城西的几家社区食堂。食', '堂每天供应午餐和晚餐。', '让每一位老人都吃上热乎饭，是我们的初心', '王建国', '　　社区负责人王建国介绍，食材都从本', '地农场直接采购。']);
    expect(quote.articles).toHaveLength(1);
    // a poem's title and poet are no 栏目 and headline; a 引题 wrapped to a second line is no 栏目
    const poem = await imp([...p, '乡愁', '余光中', '小时候', '乡愁是一枚小小的邮票', '我在这头', '母亲在那头']);
    expect(poem.articles.map((a) => a.headline)).not.toContain('余光中');
    expect(poem.columnLinks).toEqual([]);
    const wrapped = await imp([...p, '全省首个县域冷链物流', '园区在我市建成投运', '冷链物流跑出加速度', '本报记者　李明', '　　6月4日，全省首个县域冷链物流园区在我', '市建成投运。']);
    expect(wrapped.columnLinks).toEqual([]);
    // two printed pages imported together keep their （见图） placeholders: their pictures are on the page, lost to the OCR
    const pages = await importFiles(['A01', 'A02'].map((n, i) => ({ name: `${n}.txt`, bytes: new TextEncoder().encode(['凤麟日报　2026年6月5日　星期五　第' + (i + 1) + '版　要闻', '', `城东公园开园迎客${i}`, '本报记者　李明', '　　6月4日，城东公园正式开园（见图）。公', '园占地面积120亩。'].join('\n')) })));
    expect(pages.images).toHaveLength(2);
    // four single characters in a credit are two names padded
    expect(parseCredits('本版责编：王　者　李　明')?.fields).toEqual({ editor: '王者、李明' });
  });
  it('field test 32: a 版名 on its own line over the credits; a line leading into its section (——) is no story; an interview\'s questions are no subheads; a padded writer under a 栏目 and title; a chart over its data source', async () => {
    const imp = async (lines: string[]) => importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(lines.join('\n')) }]);
    const head = ['江城晚报', '2026年7月3日 星期五', '第3版', '要闻', '责任编辑:苏文澜  美术编辑:郑 岚', ''];
    const story = ['重庆大渡口区书写转型发展新篇章', '古渡潮起产业兴', '本报记者 李增辉', '　　这场双向奔赴，既是企业对当地发展的', '认可，更是大渡口区转型升级的坚定一', '步。这里因钢而兴，曾是全国重要的钢铁工', '业基地。', '　　老工业基地如何滚石上山、爬坡过坎？', '大渡口区坚持两手抓，一手深挖既有工业底', '蕴，推动传统产业转型升级；一手瞄准前沿', '新赛道，培育新质生产力。', '升级传统产业，老树发新枝——', '　　重庆国际复合材料股份有限公司，机械', '臂精准协作，一束束洁白的高模量玻璃纤', '维正自动缠绕成卷，等待发往海外。'];
    const page = await imp([...head, ...story]);
    // the 版名 is the header's, not an empty story's headline
    expect(page.page?.header).toMatchObject({ paperName: '江城晚报', pageNumber: '3', section: '要闻' });
    expect(page.articles.map((a) => a.headline)).toEqual(['古渡潮起产业兴']);
    // the line leading into the section under it is the story's subhead
    expect(page.articles[0].body.content.filter((p) => p.type === 'heading').map((p) => plainText({ type: 'doc', content: [p] }))).toEqual(['升级传统产业，老树发新枝——']);
    // 问：…？ on a line of its own is a paragraph of the interview
    const qa = await imp([...head, '“一直往前走，终归可以找到桥和路”', '本报记者 于洋', '　　何庭波提出了“韬定律”。', '　　问：提出这一定律，基于何种考虑？', '　　答：就华为而言，芯片有两个关键约', '束。一个是必然约束。']);
    expect(qa.articles[0].body.content.every((p) => p.type === 'paragraph')).toBe(true);
    // a padded name under a 栏目 and a title is the writer
    const opinion = await imp([...head, '有感而发', 'AI时代，设计要从“画图纸”走向“建系统”', '邢　雷', '　　中国新能源汽车自主品牌的不断创', '新突破，成为关注亮点。']);
    expect(opinion.articles[0]).toMatchObject({ headline: 'AI时代，设计要从“画图纸”走向“建系统”', deck: '', byline: '邢雷' });
    // a chart under the writer: the story opens with it, its data source its caption, not a story's title
    const chart = await imp([...head, '读数', '“文旅热”成服务消费新增长点', '王东辉', '[图表]', '数据来源:国家统计局', '　　国家统计局最新数据显示：今', '年1—4月，我国服务零售额同比增长5.6%。']);
    expect(chart.articles.map((a) => a.headline)).toEqual(['“文旅热”成服务消费新增长点']);
    expect(chart.articles[0].byline).toBe('王东辉');
    expect(chart.imageLinks.map((l) => l.caption)).toEqual(['数据来源：国家统计局']);
    expect(plainText(chart.articles[0].body)).toMatch(/^国家统计局最新数据显示/);
  });

  it('a poem under its title and poet on an OCR\'d 副刊 page: each line a paragraph of its own, its stanzas one story, its caesuras kept; prose under a writer stays prose (field test 32)', async () => {
    const head = ['江城晚报', '2026年7月4日 星期六', '第8版', '副刊', ''];
    const poem = ['诗页', '河边的早晨', '林　岚', '河水醒得比人早', '它把雾一层层推开', '推到对岸的柳树下', '柳树  就站成了一排', '', '我沿着河走', '鞋上沾满露水', '一只白鹭  从芦苇里起身', '把整条河带向远方', '', '散文随笔', '老街的青石板路', '王　平', '　　小时候，我家住在城南的一条老街上。街', '不宽，两旁都是青砖灰瓦的老房子。'];
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode([...head, ...poem].join('\n')) }]);
    expect(r.articles.map((a) => [a.headline, a.byline])).toEqual([['河边的早晨', '林岚'], ['老街的青石板路', '王平']]);
    const lines = r.articles[0].body.content.map((p) => ({ type: p.type, text: (p.content ?? []).map((t) => ('text' in t ? t.text : '')).join('') }));
    expect(lines.every((p) => p.type === 'paragraph')).toBe(true);
    expect(lines.map((p) => p.text)).toEqual(['河水醒得比人早', '它把雾一层层推开', '推到对岸的柳树下', '柳树\u3000就站成了一排', '我沿着河走', '鞋上沾满露水', '一只白鹭\u3000从芦苇里起身', '把整条河带向远方']);
    expect((r.report as ImportReport).guesses.map((g) => g.kind)).not.toContain('unterminated-paragraph');
    // prose wrapped to its measure under a title and a writer, with no indent, is no poem
    const prose = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode([...head, '麓山快评', '优化环境 赢得未来', '袁云才', '2021年“万家民营企业评营商环境”', '调查结果昨日公布，长沙在全国城市', '中排名第9位，比去年提升了4位。', '这是长沙连续三年排名上升，也是营', '商环境持续改善的又一个例证。'].join('\n')) }]);
    expect(plainText(prose.articles[0].body)).toMatch(/^2021年“万家民营企业评营商环境”调查结果昨日公布，长沙在全国城市中排名第9位/);
  });

  it('the rules of field test 32 left alone where they must be (review): prose under a writer is no poem, a dashed list stays one kind, a credit in brackets is no picture, a chart\'s source under a paragraph is the paragraph\'s', async () => {
    const imp = async (lines: string[]) => importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(lines.join('\n')) }]);
    const paragraphs = (r: Awaited<ReturnType<typeof imp>>, i = 0) => r.articles[i].body.content.map((p) => (p.type === 'heading' ? '## ' : '') + (p.content ?? []).map((t) => ('text' in t ? t.text : '')).join(''));
    // two 言论 under their 栏目, titles and writers, their text hard-wrapped with no indent: two stories of prose, no verse
    const two = await imp(['今日谈', '让“小窗口”温暖“大民生”', '李　明', '近日，某市政务服务中心推出“帮', '办代办”服务，受到群众好评。', '政务服务窗口是群众办事的第一站', '，也是展示形象的重要窗口。', '一次耐心的解答，一句暖心的问候', '，都能温暖人心。', '快评', '莫让“景区经济”成“一锤子买卖”', '王　东', '“五一”假期，各地景区游人如织。', '但也有个别景区趁机涨价，引发游', '客不满。']);
    expect(two.articles.map((a) => [a.headline, a.byline])).toEqual([['让“小窗口”温暖“大民生”', '李明'], ['莫让“景区经济”成“一锤子买卖”', '王东']]);
    expect(paragraphs(two).every((p) => !p.startsWith('，'))).toBe(true);
    // figures in half-width digits make no line look short: a story of long paragraphs stays prose
    const figures = await imp(['消费市场稳中有升', '张　平', '1—4月，社零总额达160,523亿元，', '同比增长4.7%，增速比一季度加', '快0.1个百分点。其中，餐饮收入', '增长6.2%，商品零售增长4.5%。', '业内人士认为，随着促消费政策', '持续发力，消费市场将保持回暖。']);
    expect(plainText(figures.articles[0].body)).toContain('社零总额达160,523亿元，同比增长4.7%，增速比一季度加快0.1个百分点。');
    // a dashed list after its lead-in: every item a paragraph of its own, none a subhead
    const list = await imp(['明年经济工作这样干', '本报记者 李华', '　　会议提出，明年要重点抓好以下工作。', '　　——坚持创新驱动发展', '　　——坚持扩大有效投资', '　　——坚持改善民生福祉']);
    expect(paragraphs(list)).toEqual(['会议提出，明年要重点抓好以下工作。', '——坚持创新驱动发展', '——坚持扩大有效投资', '——坚持改善民生福祉']);
    // a profile's 副题 is no signature, however it follows
    expect(signsQuotation('——记全国模范退役军人张建国', '家长们说，这下放心了。')).toBe(false);
    // a credit in brackets under a chart is text, no second picture
    const credit = await imp(['前4月我市经济运行稳中向好', '本报记者 王明', '[图表]', '数据来源：市统计局', '　　下一步，我市将持续推动经济回升向好。', '（制图：李明）']);
    expect(credit.images).toHaveLength(1);
    // a source line under an indented paragraph under a chart is that paragraph's: the paragraph stays in the story
    const under = await imp(['前4月我市经济运行稳中向好', '本报记者 王明', '[图表]', '　　记者从市统计局获悉，前4月全市社会消费品', '零售总额增长5.1%，增速比一季度加快0.8个百分', '点。', '数据来源：市统计局', '　　下一步，我市将持续推动经济回升向好。']);
    expect(plainText(under.articles[0].body)).toContain('记者从市统计局获悉');
    expect(under.imageLinks.map((l) => l.caption)).toEqual(['']);
  });

  it('field test 33: the credits before the desk\'s telephone are read; an indented question is a paragraph, not a story\'s title or a subhead; a note of who took a story down ends it, no kicker of the next', async () => {
    expect(parseCredits('校对：吕　川　　电话：（027）8812 3456')?.fields).toEqual({ proofreader: '吕川' });
    expect(parseCredits('电话：（027）8812 3456')).toBeUndefined();
    const head = ['江城日报　2026年4月28日　星期二　第14版　体育', ''];
    const first = ['成为“足球小子”，真不容易', '本报记者 闫伊乔', '　　人类有很多足球明星，创造了很', '多高光时刻。他们是榜样，希望我不', '断进步，与更多高手一较高下。', '　　（本报记者闫伊乔采访整理）', ''];
    const second = ['体谈', '国产机器人超越人类半马纪录，靠什么', '杨丽娟', '　　4月19日，在2026北京亦庄人形机器人', '半程马拉松上，齐天大圣队的自主导航机器', '人“闪电”凭借50分26秒的成绩夺冠。这一', '成绩，超越人类男子半马世界纪录。', '　　国产人形机器人取得好成绩，靠什么？', '　　靠的不是运气，而是国产机器人自身的', '硬核实力。', ''];
    const third = ['以赛为镜　映照未来', '本报记者 王昊男', '　　一场比赛，映照出一座城市的活力与开', '放。赛事结束了，热情还在延续。'];
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode([...head, ...first, ...second, ...third].join('\n')) }]);
    expect(r.articles.map((a) => [a.kicker, a.headline])).toEqual([['', '成为“足球小子”，真不容易'], ['', '国产机器人超越人类半马纪录，靠什么'], ['', '以赛为镜　映照未来']]);
    expect(r.articles[1].byline).toBe('杨丽娟');
    expect(r.articles[1].body.content.every((p) => p.type === 'paragraph')).toBe(true);
    expect(plainText(r.articles[1].body)).toContain('国产人形机器人取得好成绩，靠什么？');
    expect(plainText(r.articles[0].body)).toMatch(/（本报记者闫伊乔采访整理）$/);
    expect((r.report as ImportReport).guesses.filter((g) => g.kind === 'unterminated-paragraph')).toEqual([]);
  });

  it('field test 33, a 对开 page: a header over six lines with the weekday alone; a 主题 broken over two lines under its 引题; an indented first line is no title; a document over its date opens a story after a blank line, a section\'s subhead over its 副题 does not', async () => {
    const head = ['东岭日报', 'DONGLING DAILY', '2026年4月28日', '星期二', '第1版', '要闻', ''];
    const lead = ['立足资源优势、产业优势、区位优势——', '广西做实做强', '做优实体经济', '本报记者　刘　泉　张云河', '　　截至4月下旬，“广西造”卫星“新', '征程01”入轨已近一个月，在轨测试顺利', '、首批空间试验数据成功回传。', ''];
    const doc = ['中共中央办公厅　国务院办公厅', '关于推动行业协会商会深化改革的意见', '（二〇二五年十一月一日）', '　　为推动行业协会商会深化改革，', '促进行业协会商会规范健康发展，经', '党中央、国务院同意，现提出如下意见。', ''];
    const paris = ['中国出版精品亮相二〇二六年巴黎图书节——', '跨越山海，架起文明互鉴桥梁', '本报记者　尚凯元', '　　塞纳河畔春意盎然，法国巴黎大', '皇宫内书香四溢，为期3天的2026年', '巴黎图书节日前在这里落下帷幕。'];
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode([...head, ...lead, ...doc, ...paris].join('\n')) }]);
    expect(r.page?.header).toMatchObject({ paperName: '东岭日报', date: '2026-04-28', pageNumber: '1', section: '要闻' });
    expect(r.articles.map((a) => [a.kicker, a.headline, a.deck])).toEqual([
      ['立足资源优势、产业优势、区位优势——', '广西做实做强做优实体经济', ''],
      ['中共中央办公厅　国务院办公厅', '关于推动行业协会商会深化改革的意见', '（二〇二五年十一月一日）'],
      ['中国出版精品亮相二〇二六年巴黎图书节——', '跨越山海，架起文明互鉴桥梁', ''],
    ]);
    expect(plainText(r.articles[2].body)).toMatch(/^塞纳河畔春意盎然，法国巴黎大皇宫内书香四溢/);
    // with no blank line, a section's subhead over its 副题 stays in its story (field set C)
    const feature = await importFiles([{ name: '01.txt', bytes: new TextEncoder().encode(['主题：冲锋，在反贫困的最前线', '作者：新华社记者 何雨欣', '此时此刻，中国反贫困斗争进入到决战决胜阶段。村党支部书记们正在最前线发起最后的冲锋……', '他们是领路人', '——想贫困群众之所想，带领大家闯出一条路', '贵州省罗甸县麻怀村所处的地方，被称为天坑。'].join('\n')) }]);
    expect(feature.articles).toHaveLength(1);
  });

  it('field test 34: on a page that indents its paragraphs, a flush-left subhead of two short clauses (摸清文化家底，系统保护文物) is a subhead, not run into the paragraph above nor a story of its own', async () => {
    const lines = ['贵州推动屯堡文化保护、传承与利用', '六百年屯堡  续古韵新章', '本报记者  马跃峰  苏  滨', '　　流水潺潺，农田环绕。贵州安顺市西秀区的鲍家', '屯内，一套鱼嘴分流式的灌溉系统，历经600', '余年，仍滋养着千亩良田，成为贵州明代军屯的一个典', '型遗存。', '　　近年来，贵州坚持守正创新，持续挖掘阐发屯堡', '文化的历史意义、时代价值和精神内涵，推动', '文化和旅游深 度融合，助力建设多彩贵州文化强省。', '摸清文化家底，系统保护文物', '　　碉楼高耸，石房紧凑，巷道蜿蜒。漫步安', '顺市西秀区本寨村，仿佛走进时光隧道，看见家园与堡', '垒的交融。', '　　“军兵战时执戈戍守，平时扶犁务农，军农', '合一，寓兵于农。”中国人民大学教授毛佩琦认为，促进了地方开发和民', '族融合。', '加强研究推广，延续活态传承', '　　花灯戏被称为文戏，地戏被誉为武戏，都', '是屯堡文化的重要组成部分。'];
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(lines.join('\n')) }]);
    expect(r.articles).toHaveLength(1);
    const subheads = r.articles[0].body.content.filter((p) => p.type === 'heading').map((p) => (p.content ?? []).map((t) => ('text' in t ? t.text : '')).join(''));
    // (before: the first was run into the paragraph above, …文化强省。摸清文化家底，系统保护文物; the second headed a story of its own)
    expect(subheads).toEqual(['摸清文化家底，系统保护文物', '加强研究推广，延续活态传承']);
    expect(plainText(r.articles[0].body)).toContain('助力建设多彩贵州文化强省。\n');
    // a paragraph's last line, after no sentence's end, stays in it however short and claused
    const wrapped = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode([...lines.slice(0, 9), '文化和旅游深度融合，助力建设多彩贵州', '文化强省，系统保护文物', ...lines.slice(11)].join('\n')) }]);
    expect(plainText(wrapped.articles[0].body)).toContain('助力建设多彩贵州文化强省，系统保护文物');
    expect(wrapped.articles[0].body.content.filter((p) => p.type === 'heading')).toHaveLength(1);
  });

  it('field test 34: a writer\'s two-character name padded with two spaces (楠  溪) under a manuscript\'s titles is its byline, whatever the surname: not its 副题, not its headline', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const r = await importFiles([
      file('02.txt', ['主题：感悟中国经济潜能', '栏目：今日谈', '楠  溪', '', '2025年，中国经济交出一份亮眼成绩单，外媒纷纷点赞。']),
      file('05.txt', ['# 优质资源“沉下去”，美好生活“托起来”', '副题：——从“小家”热气腾腾到“大家”蒸蒸日上②', '栏目：人民时评', '常  钦', '', '“育儿家庭每月多了300元补贴。”']),
      file('07.txt', ['# 人才引进来，更要用得好（一线行走）', '', '颜  珂', '', '前不久，湖南省长沙市望城区乔口镇蓝塘寺村来了新面孔。']),
    ]);
    // (before: 楠 溪 and 程 红 the 副题, 常 钦 run into the 副题, 颜 珂 the headline under its title as 引题)
    expect(r.articles.map((a) => [a.headline, a.deck, a.byline])).toEqual([
      ['感悟中国经济潜能', '', '楠溪'],
      ['优质资源“沉下去”，美好生活“托起来”', '——从“小家”热气腾腾到“大家”蒸蒸日上②', '常钦'],
      ['人才引进来，更要用得好', '', '颜珂'],
    ]);
  });

  it('field test 34, copy-desk manuscripts: ## subheads under a # headline stay in the story; a line in brackets under the headline is its 副题, 今日谈 after it the 栏目; a paragraph led by 【关键词】 under the writer is text', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const r = await importFiles([
      file('03.txt', ['# 青岛百年纺织蝶变记', '引题：从单一制造到“科技+时尚+绿色”的多元发展', '栏目：强国建设故事汇·百业千企焕新记', '本报记者  侯琳良', '', '走进山东青岛纺织博物馆，仿佛推开一扇历史之门。', '## 百年厂房传承工业记忆', '作为国内极具特色的纺织工业遗存，这里保留了大量老厂房。', '## 老厂区变身“打卡”新地标', '纺织谷是青岛市依托原国棉五厂老厂区打造的产业园区。']),
      file('04.txt', ['“我们的最薄‘手撕钢’量产了”', '（从一线看高质量发展这五年）', '本报记者  郑洋洋', '', '　　10月4日下午，山西太钢不锈钢精密带钢有限公司的生产车间里机器轰鸣。']),
      file('02.txt', ['与海为伴  向新而立（今日谈）', '刘  瑾', '', '海洋，高质量发展的战略要地，培育新质生产力的重要领域。']),
      file('08.txt', ['主题：“菜篮子”里的政绩观', '栏目：暖闻热评', '崔  妍', '', '【关键词】“菜篮子”工程', '【事件】一段时间里，菜市场成了外地游客的打卡地。']),
    ]);
    // (before: the ## subheads headed stories of their own; the bracketed line was the headline under its 主题 set as 引题; 今日谈 stayed in the headline; 崔 妍 and the 【关键词】 line were the 副题)
    expect(r.articles.map((a) => [a.kicker, a.headline, a.deck, a.byline])).toEqual([
      ['从单一制造到“科技+时尚+绿色”的多元发展', '青岛百年纺织蝶变记', '', '本报记者 侯琳良'],
      ['', '“我们的最薄‘手撕钢’量产了”', '（从一线看高质量发展这五年）', '本报记者 郑洋洋'],
      ['', '与海为伴 向新而立', '', '刘瑾'],
      ['', '“菜篮子”里的政绩观', '', '崔妍'],
    ]);
    expect(r.articles[0].body.content.filter((p) => p.type === 'heading').map((p) => (p.content ?? []).map((t) => ('text' in t ? t.text : '')).join(''))).toEqual(['百年厂房传承工业记忆', '老厂区变身“打卡”新地标']);
    expect(r.page?.columnNames).toContain('今日谈');
    expect(plainText(r.articles[3].body)).toMatch(/^【关键词】“菜篮子”工程\n【事件】/);
  });

  it('field test 34 rules left alone where they do not apply (review): a padded title under a 栏目, 【快讯】 brief titles, a period in a headline\'s brackets, a ## story with its own titles and byline, a 简讯 manuscript\'s items', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const one = async (lines: string[]) => (await importFiles([file('page.txt', lines)])).articles;
    // a two-character title padded under a 栏目 is the title, not a writer
    expect((await one(['乡土记忆', '老　屋', '', '　　老屋在村子的东头，青砖黛瓦，院里有一棵老槐树。'])).map((a) => [a.headline, a.byline])).toEqual([['老　屋', '']]);
    // 【快讯】 titles over their text stay titles, never run into it
    const briefs = await one(['【快讯】我市启动冬季集中供暖', '　　记者从市住建局获悉，今年我市冬季集中供暖将于11月15日开始。', '', '【快讯】地铁三号线开通试运营', '　　本月28日起，地铁三号线一期工程开通试运营。']);
    expect(briefs.flatMap((a) => [a.headline, ...a.body.content.map((p) => (p.content ?? []).map((t) => ('text' in t ? t.text : '')).join(''))]).join('|')).not.toContain('试运营本月28日');
    // a period in a headline's brackets stays in it; a speech's occasion in brackets under it is its 副题
    const period = await importFiles([file('e1.txt', ['全市经济运行简况（上半年）', '', '今年上半年，全市经济运行总体平稳。'])]);
    expect([period.articles[0].headline, period.page?.columnNames]).toEqual(['全市经济运行简况（上半年）', []]);
    expect((await one(['奋力谱写高质量发展新篇章', '（在全省经济工作会议上的讲话）', '张大林', '', '　　同志们：这次会议的主要任务是总结今年工作。'])).map((a) => [a.headline, a.deck])).toEqual([['奋力谱写高质量发展新篇章', '（在全省经济工作会议上的讲话）']]);
    // a ## story with its own 引题 and byline is a story (配稿); a 简讯 manuscript's ## items are its items
    const two = await importFiles([file('01.txt', ['# 青岛百年纺织蝶变记', '引题：从单一制造到多元发展', '本报记者  侯琳良', '', '走进山东青岛纺织博物馆，仿佛推开一扇历史之门。', '', '## 小店里的大民生', '引题：社区便民服务调查', '本报记者  王小二', '', '社区里的便民小店，承载着居民的日常生活。'])]);
    expect(two.articles.map((a) => a.headline)).toEqual(['青岛百年纺织蝶变记', '小店里的大民生']);
    const items = await importFiles([file('02.txt', ['栏目：本地简讯', '# 简讯', '', '## 我市新增两条公交线路', '记者从市交通局获悉，本月起我市新开通两条公交线路。', '', '## 城区部分路段临时交通管制', '因道路施工，城区部分路段将于下周实施临时交通管制。'])]);
    expect(items.articles).toHaveLength(2);
    // a labelled 主题 over ## subheads keeps them as a # headline does
    const labelled = await importFiles([file('03.txt', ['主题：青岛百年纺织蝶变记', '本报记者  侯琳良', '', '走进山东青岛纺织博物馆，仿佛推开一扇历史之门。', '## 百年厂房传承工业记忆', '作为国内极具特色的纺织工业遗存，这里保留了大量老厂房。', '## 老厂区变身“打卡”新地标', '纺织谷是青岛市依托原国棉五厂老厂区打造的产业园区。'])]);
    expect(labelled.articles).toHaveLength(1);
  });

  it('field test 35: a manuscript\'s unlabelled subhead under its labelled 主题 stays in the story; a two-character writer under a title; a poem after an essay, a blank line under its poet, is a story of its own; 记者： asking a question is no byline', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const manuscript = await importFiles([file('01.txt', ['主题：从五年规划看“中国之治”', '本报记者 汪晓东 吴秋余', '', '世界百年变局加速演进，“中国之治”风景这边独好。“中国之治”的密码是什么，背后的逻辑是什么，未来的前景又将如何？', '领导力——党的领导是中国特色社会主义制度的最大优势', '五年规划，党的全面领导是根本保证。花茂村，王治强经营的“红色之家”农家乐门口，一面党旗迎风飘扬。', '凝聚力——把顶层设计和问计于民统一起来', '规划编制过程中广泛听取各方面意见，凝聚起全社会的智慧和力量。'])]);
    // (before: the first subhead headed a second story)
    expect(manuscript.articles.map((a) => a.headline)).toEqual(['从五年规划看“中国之治”']);
    expect(manuscript.articles[0].body.content.filter((p) => p.type === 'heading')).toHaveLength(2);
    // a note of where a 言论 was taken from, its last line, is text (it was a subhead)
    const reprint = await importFiles([file('03.txt', ['主题：莫让待办成“怠办”', '栏目：纵横', '作者：冯琴', '', '在不少地方，“待办”一词在各种总结报告和整改清单中高频出现。', '破解“怠办”之弊，关键在于实干。', '（摘编自《云南日报》）'])]);
    expect(reprint.articles[0].body.content.map((p) => p.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    const writer = await importFiles([file('04.txt', ['微更新让千年古城焕发新生', '沈波', '', '如果你近几年常来浙江绍兴古城，一定会惊叹于它的变化。'])]);
    expect(writer.articles.map((a) => [a.kicker, a.headline, a.byline])).toEqual([['', '微更新让千年古城焕发新生', '沈波']]);
    const page = ['人民日报', '2025年12月5日　星期五', '20', '副刊', '', '心中满是温暖与力量', '于　海', '', '　　从音乐到国歌，从梦想到责任，我的人生旅程经', '历了命运的转折。', '　　（作者为解放军军乐团原团长）', '', '冬夜，听一支军乐', '林　溪', '', '铜号醒来的时候', '雪还没有落尽', '广场上的灯', '一盏一盏', '把旗杆照亮', '', '那些旧年的音符', '从谁的掌心出发?', '越过山海', '越过一个少年', '三次落空的梦'];
    const supplement = await importFiles([file('page.txt', page)]);
    // (before: the poem's title, its poet and every line of it were subheads of the essay)
    expect(supplement.articles.map((a) => [a.headline, a.byline])).toEqual([['心中满是温暖与力量', '于海'], ['冬夜，听一支军乐', '林溪']]);
    // (the poet's two characters padded with two spaces too, as OCR leaves a full-width space)
    const padded = await importFiles([file('page.txt', page.map((l) => (l === '林　溪' ? '林  溪' : l)))]);
    expect(padded.articles.map((a) => [a.headline, a.byline])).toEqual([['心中满是温暖与力量', '于海'], ['冬夜，听一支军乐', '林溪']]);
    expect(supplement.articles[1].body.content.map((p) => (p.content ?? []).map((t) => ('text' in t ? t.text : '')).join(''))).toEqual(['铜号醒来的时候', '雪还没有落尽', '广场上的灯', '一盏一盏', '把旗杆照亮', '那些旧年的音符', '从谁的掌心出发？', '越过山海', '越过一个少年', '三次落空的梦']);
    const interview = await importFiles([file('page.txt', ['促进高质量充分就业，健全社会保障体系', '——访人力资源社会保障部党组书记、部长王晓萍', '本报记者　邱超奕', '', '　　习近平总书记指出，就业是最基本的民生，事', '关人民群众切身利益。', '　　记者：“十五五”时期，就业工作面', '临哪些新形势新挑战？', '　　王晓萍：“十五五”时期，我国发展处于', '战略机遇和风险挑战并存的时期。'])]);
    // (before: 记者：“十五五”时期，就业工作面 was read as a byline and its question lost its first line)
    expect(interview.articles[0].byline).toBe('本报记者 邱超奕');
    expect(plainText(interview.articles[0].body)).toContain('记者：“十五五”时期，就业工作面临哪些新形势新挑战？');
  });

  it('field test 36: a two-line subhead in a labelled manuscript, a 组合报道\'s parts (Markdown bylines under ## headings, or titled parts under an editor\'s note) stay one story; 摄影报道 ends a credit', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const texts = (r: Awaited<ReturnType<typeof importFiles>>, i = 0) => r.articles[i].body.content.map((p) => `${p.type === 'heading' ? 'H' : 'P'}:${(p.content ?? []).map((t) => ('text' in t ? t.text : '')).join('')}`);
    // (field test 36 N1 01.txt's opening, 人民日报 2025-04-22: the split came only with a few paragraphs of text under the first subhead)
    const lead = await importFiles([file('01.txt', ['主题：爱拼会赢　勇毅前行', '副题：——外贸“重镇”福建晋江一线观察', '本报记者　喻思南　付　文', '', '福建晋江，以运动鞋、纺织服装等轻工产品闻名世界，是我国外贸“重镇”之一。本报记者在晋江走访不同类型的多家企业，以及当地商务局、贸促会等相关部门单位，切实感受到干部群众“敢为人先、爱拼会赢”的精神和对中国经济前景的信心。', '', '一双鞋面', '科技创新提升竞争力，通过综合解决方案深度绑定客户', '', '晋江被誉为“中国鞋都”。常年专注鞋面生产，信泰（福建）科技有限公司是产业链重要企业，也是许多国际知名运动鞋品牌的供货商。', '', '机器轰鸣，信泰飞织智慧车间内，近2000台针织横机满产运行。公司总裁办副主任许剑飞说，国际贸易形势目前对企业影响不大，今年二、三季度后，一些影响可能会显现，但企业有调整应对的空间。', '', '底气来自科技创新。', '', '“做好一双鞋面，现在不是光有劳动力就行。以飞织工艺为例，我们实现了数字化生产，电脑一键下达编织指令，机器自动拉纱线成布，一名工人能够同时管理10多台机器。”许剑飞说。', '', '持续向“新”而行，信泰练就了“独门绝技”，经纬织技术便是其中之一。“过去针织工艺经向、纬向编织分属不同品类，经纬织技术实现经、纬方向共同成圈编织，不仅增强了鞋面的物理强度和支撑性，还让花型编织更自由，打开了鞋面设计新空间。”许剑飞介绍。', '', '如今，信泰不再做纯粹代工，而是深入参与客户产品研发，成为产业链创新重要一环。许剑飞说：“品牌方有时想到一个概念，但不知道如何实现，就会来与我们商量，一起讨论解决。”', '', '飞织智慧车间的展板上写满了合作客户名单。许剑飞说，完整的产业链综合解决方案让客户有很强的黏性。近年来，一些国外品牌订单不断向信泰倾斜，占其纺织类鞋面订单量的六到八成。', ''])]);
    // (before: each label headed a story of its own, its sentence the 副题: the lead was five stories)
    // (a labelled title keeps its full-width space, as the manuscript sets it: field test 38)
    expect(lead.articles.map((a) => a.headline)).toEqual(['爱拼会赢　勇毅前行']);
    expect(texts(lead).filter((t) => t.startsWith('H:'))).toEqual(['H:一双鞋面', 'H:科技创新提升竞争力，通过综合解决方案深度绑定客户']);
    const markdown = await importFiles([file('01.md', ['# 反餐饮浪费，机关食堂怎么做？', '', '厉行节约、反对浪费是我们党的光荣传统和优良作风。', '', '## 长春市绿园区林园街道机关食堂', '## 闭环管理促节约', '', '本报记者　门杰伟', '', '饭点刚过，吉林长春市绿园区林园街道食堂，垃圾桶中只有少量剩汤。', '', '## 四川广元昭化区机关食堂', '## 分批炒菜锁鲜味', '', '本报记者　游　仪', '', '临近饭点，四川广元昭化区机关食堂，阵阵香味扑鼻而来。'])]);
    // (before: each section's byline ended the story above it, and its text was a story with no title)
    expect(markdown.articles).toHaveLength(1);
    expect(texts(markdown)).toEqual(['P:厉行节约、反对浪费是我们党的光荣传统和优良作风。', 'H:长春市绿园区林园街道机关食堂', 'H:闭环管理促节约', 'P:本报记者　门杰伟', 'P:饭点刚过，吉林长春市绿园区林园街道食堂，垃圾桶中只有少量剩汤。', 'H:四川广元昭化区机关食堂', 'H:分批炒菜锁鲜味', 'P:本报记者　游　仪', 'P:临近饭点，四川广元昭化区机关食堂，阵阵香味扑鼻而来。']);
    const parts = await importFiles([file('03.txt', ['从三家景区看“中国游”如何圈粉', '', '随着240小时过境免签政策实施，越来越多外国游客来华旅游。', '', '——编　者', '', '上海青浦区朱家角古镇——', '在江南水乡　寻文化之美', '本报记者　曹玲娟', '', '坐上手摇船，河道窄窄、水波荡漾，石头岸堤青苔密布。', '', '陕西西安长安十二时辰主题街区——', '入唐风景区　获沉浸体验', '本报记者　张丹华', '', '“每一秒都像在穿越时空。”来自英国的游客说。', '', '广州出台措施发展养老金融', '', '本报广州5月19日电　（记者罗艾桦）广州市日前出台措施，发展养老金融。'])]);
    // (before: the note was a story of its own, 162 characters under the headline, and each part another; the brief after them stays one)
    expect(parts.articles.map((a) => a.headline)).toEqual(['从三家景区看“中国游”如何圈粉', '广州出台措施发展养老金融']);
    expect(texts(parts)).toEqual(['P:随着240小时过境免签政策实施，越来越多外国游客来华旅游。——编者', 'H:上海青浦区朱家角古镇——', 'H:在江南水乡　寻文化之美', 'P:本报记者　曹玲娟', 'P:坐上手摇船，河道窄窄、水波荡漾，石头岸堤青苔密布。', 'H:陕西西安长安十二时辰主题街区——', 'H:入唐风景区　获沉浸体验', 'P:本报记者　张丹华', 'P:“每一秒都像在穿越时空。”来自英国的游客说。']);
    // a labelled manuscript's 提要, a line of clauses under its titles and writer, over the text, is its 副题 (it was a subhead over the first paragraph)
    const summary = await importFiles([file('02.txt', ['栏目：民生观', '主题：六十五岁以上不接待？银发消费岂能一拒了之', '作者：白真智', '', '畅通消费渠道，优化消费场景，银龄群体将创造新的消费增长点', '', '想办健身卡时被告知“不予接待”，租房时屡遭拒绝。'])]);
    expect(summary.articles.map((a) => [a.headline, a.deck, a.byline])).toEqual([['六十五岁以上不接待？银发消费岂能一拒了之', '畅通消费渠道，优化消费场景，银龄群体将创造新的消费增长点', '白真智']]);
    expect(texts(summary)).toEqual(['P:想办健身卡时被告知“不予接待”，租房时屡遭拒绝。']);
    // a story after the parts titled otherwise (no 引题 leading into its 主题) is the page's next story, not another part
    const next = await importFiles([file('page.txt', ['从三家景区看“中国游”如何圈粉', '', '随着240小时过境免签政策实施，越来越多外国游客来华旅游。', '', '——编　者', '', '上海青浦区朱家角古镇——', '在江南水乡　寻文化之美', '本报记者　曹玲娟', '', '坐上手摇船，河道窄窄、水波荡漾，石头岸堤青苔密布。', '', '老旧厂房焕发新活力', '本报记者　潘少军', '', '在武汉市四美塘铁路遗址文化公园，蒸汽火车头并排静卧。'])]);
    expect(next.articles.map((a) => a.headline)).toEqual(['从三家景区看“中国游”如何圈粉', '老旧厂房焕发新活力']);
    // an OCR'd page: a 栏目 in round brackets over a headline asking a question (21 characters), a caption of where the picture came from
    const page = await importFiles([file('page.txt', ['人民日报', '2025年3月1日　星期六　　　　第1版　要闻', '', '（读者点题·共同关注）', '始终“在场”的民营企业，如何“大显身手”？', '本报记者　葛孟超　戴林峰', '　　看到2月17日民营企业座谈会的消息,特别', '振 奋。这些年来，有外媒和一些自媒体宣', '扬中国民营企业要“离场”了，还有的恶意编', '造“新公私合营论”，感觉这次他们又被“打脸”', '了。作为一名创业者，我也非常关心，民营企业怎', '样才能“大显身手”？', '　　——人民网网友18****2', '　　这位网友的感觉很直观。在支持民营经', '', '（坚定信心，打开改革发展新天地）', '湖南大力实施产业育新培强攻坚', '本报记者　吴齐强　颜　珂', '[图片]', '图为湖南长沙市比亚迪汽车有限公司总装车间生产线。（资料图片）', '　　开年即满产——湖南长沙市比亚迪汽车有限公', '司总装车间产线上，搭载新型智驾系统的', '一款新能源汽车正满负荷生产。', '　　2024年3月，习近平总书记在湖南'])]);
    // (before: the 栏目 was the first story's headline, its headline a paragraph, its text a story with no title; the next 栏目 its 引题)
    expect(page.articles.map((a) => [a.kicker, a.headline, a.byline])).toEqual([['', '始终“在场”的民营企业，如何“大显身手”？', '本报记者 葛孟超 戴林峰'], ['', '湖南大力实施产业育新培强攻坚', '本报记者 吴齐强 颜珂']]);
    expect(page.columnLinks.map((c) => c.columnName)).toEqual(['读者点题·共同关注', '坚定信心，打开改革发展新天地']);
    // (before: the caption was the story's first paragraph)
    expect(plainText(page.articles[1].body).startsWith('开年即满产')).toBe(true);
    expect(page.imageLinks.map((l) => [l.articleId, l.caption])).toEqual([[page.articles[1].id, '图为湖南长沙市比亚迪汽车有限公司总装车间生产线。（资料图片）']]);
    const story = await importFiles([file('06.txt', ['沙漠“扩绿”', '', '2024年11月28日，塔克拉玛干沙漠“锁边”工程胜利合龙。新疆综合施策、科学治理。', '', '新华社记者　丁　磊摄影报道'])]);
    // (before: the credit was a subhead at the story's foot)
    expect(story.articles.map((a) => [a.headline, a.byline])).toEqual([['沙漠“扩绿”', '新华社记者 丁磊 摄影报道']]);
    expect(texts(story)).toEqual(['P:2024年11月28日，塔克拉玛干沙漠“锁边”工程胜利合龙。新疆综合施策、科学治理。']);
  });

  it('review of field test 36: a notice signed ——编者 keeps the stories after it apart; a part\'s 栏目 is a heading in its whole; a credit under a 图为… sentence ends the caption; 新春摄影报道 is no byline; a headline over its ——副题 opens a story; （据新华社电） and （待续） are no 栏目', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const notice = await importFiles([file('page.txt', ['致读者', '', '本报今日起推出“节约食物　反对浪费”系列报道，敬请关注。', '', '——编　者', '', '老旧厂房焕发新活力', '本报记者　潘少军', '', '在武汉市四美塘铁路遗址文化公园，蒸汽火车头并排静卧。', '', '小区加装电梯惠民生', '本报记者　李　明', '', '走进杭州市某小区，新装的电梯正在运行。'])]);
    expect(notice.articles.map((a) => a.headline)).toEqual(['致读者', '老旧厂房焕发新活力', '小区加装电梯惠民生']);
    const parts = await importFiles([file('page.txt', ['从三家景区看“中国游”如何圈粉', '', '随着240小时过境免签政策实施，越来越多外国游客来华旅游。', '', '——编　者', '', '上海青浦区朱家角古镇——', '在江南水乡　寻文化之美', '本报记者　曹玲娟', '', '坐上手摇船，河道窄窄、水波荡漾。', '', '【记者手记】', '陕西西安长安十二时辰主题街区——', '入唐风景区　获沉浸体验', '本报记者　张丹华', '', '“每一秒都像在穿越时空。”来自英国的游客说。'])]);
    expect(parts.articles).toHaveLength(1);
    expect(parts.columnLinks.every((l) => parts.articles.some((a) => a.id === l.articleId))).toBe(true);
    expect(parts.articles[0].body.content.filter((p) => p.type === 'heading').map((p) => plainText({ type: 'doc', content: [p] }))).toEqual(['上海青浦区朱家角古镇——', '在江南水乡　寻文化之美', '记者手记', '陕西西安长安十二时辰主题街区——', '入唐风景区　获沉浸体验']);
    const credited = await importFiles([file('page.txt', ['人民日报', '2025年3月1日　星期六　　　　第4版　要闻', '', '湖南大力实施产业育新培强攻坚', '本报记者　吴齐强　颜　珂', '[图片]', '图为湖南长沙市比亚迪汽车有限公司总装车间生产线。', '本报记者　张　三摄', '　　开年即满产——湖南长沙市比亚迪汽车有限公', '司总装车间产线上，一款新能源汽车正满负荷生产。'])]);
    expect(credited.articles.map((a) => a.byline)).toEqual(['本报记者 吴齐强 颜珂']);
    expect(credited.imageLinks.map((l) => l.caption)).toEqual(['图为湖南长沙市比亚迪汽车有限公司总装车间生产线。本报记者 张 三摄']);
    expect(bylineLine('新春摄影报道')).toBeUndefined();
    expect(bylineLine('新华社记者　丁　磊摄影报道')).toBe('新华社记者 丁 磊 摄影报道');
    const second = await importFiles([file('01.txt', ['主题：春耕正当时', '记者：王芳', '', '连日来，各地抢抓农时开展春耕生产。', '', '万亩良田　机声隆隆', '——记宜阳县春耕生产一线', '', '走在田埂上，处处可见忙碌的身影。'])]);
    expect(second.articles.map((a) => [a.headline, a.deck])).toEqual([['春耕正当时', ''], ['万亩良田　机声隆隆', '——记宜阳县春耕生产一线']]);
    for (const marker of ['（据新华社电）', '（待续）']) {
      const sourced = await importFiles([file('page.txt', ['人民日报', '2025年3月1日　星期六　　　　第4版　要闻', '', marker, '湖南大力实施产业育新培强攻坚', '本报记者　吴齐强　颜　珂', '　　开年即满产——湖南长沙市比亚迪汽车有限公', '司总装车间产线上，一款新能源汽车正满负荷生产。'])]);
      expect(sourced.columnLinks, marker).toEqual([]);
    }
  });

  it('field test 37: a title enumerating with 、 is a title; a flush sentence under a picture on a page that sets its text in is the caption; 【…】 of eleven characters over titles is the 栏目; 记者：本报记者 names the role once; a line over a Markdown file\'s heading is its 引题; ■市场资讯 heads briefs, no byline', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    // field test 37 P1 (人民日报 2025-02-12 p1, its caption and jump line made up for the set), the opening and the page's middle
    const page = await importFiles([file('page.txt', ['人民日报　2025年2月12日　星期三　第1版　要闻', '', '锚定产业高端化、智能化、绿色化、融合化', '上海打好转型升级攻坚战', '坚定信心，打开改革发展新天地', '本报记者　刘士安　沈文敏', '　　直径7米多的圆环形同步加速器“跑道”', '上，质子束一圈圈加速“奔跑”，当转了上', '百万圈、达到约2/3光速时，将沿着高能', '输运线传入治疗室，精准照射到患者的肿瘤', '部位，“定向爆破”癌细胞……位于上海嘉', '定区的艾普强粒子设备有限公司里，工作人', '能装备、人形机器人、6G等具有竞争力的', '标志性产品。', '（下转第二版）', '', '[图片]', '2月6日，位于浦东张江模力社区的国家地方共建人形机器人创新中心，人形机器人在训练场上学习技术。', '', '【发展各具特色的县域经济】', '湖南浏阳市培育壮大优势特色产业——', '安全环保文化味　花炮之乡拓新路', '本报记者　颜　珂', '　　湖南长沙浏阳市大瑶镇，满载花炮', '的货车川流不息。', '　　浏阳市素有“中国花炮之乡”美誉，', '集聚了烟花爆竹生产企业431家，国', '内市场占有率约 60%，带动从业人', '员超30万人次。'])]);
    // (before: the 引题 with three 、 was the text's first line, and the story came out as two, the second with no title)
    expect(page.articles.map((a) => [a.kicker, a.headline])).toEqual([['锚定产业高端化、智能化、绿色化、融合化', '上海打好转型升级攻坚战'], ['湖南浏阳市培育壮大优势特色产业——', '安全环保文化味　花炮之乡拓新路']]);
    // (before: the caption was the story's last paragraph, and 【发展各具特色的县域经济】 a fragment)
    expect(page.imageLinks.map((l) => l.caption)).toEqual(['2月6日，位于浦东张江模力社区的国家地方共建人形机器人创新中心，人形机器人在训练场上学习技术。']);
    expect(page.columnLinks.map((c) => [c.articleId, c.columnName])).toEqual([[page.articles[1].id, '发展各具特色的县域经济']]);
    const desk = await importFiles([file('01.txt', ['主题：消费新图景　发展新动能', '记者：本报记者　韩春瑶', '', '春节假期是传统消费旺季。'])]);
    expect(desk.articles[0].byline).toBe('本报记者 韩春瑶');
    const md = await importFiles([file('07.md', ['浙江义乌助力重点群体就业', '', '# 就业服务“送到家”', '', '本报记者　窦　皓', '', '“明天在轻轨秦塘站附近有招聘会。”'])]);
    expect(md.articles.map((a) => [a.kicker, a.headline])).toEqual([['浙江义乌助力重点群体就业', '就业服务“送到家”']]);
    const briefs = await importFiles([file('page.txt', ['19　　消费　　　　人民日报　2025年2月5日　星期三', '', '徒步游带火沿线村落', '本报记者　杨文明', '冬天的香格里拉很热闹，游客络绎不绝。', '', '■市场资讯', '优化企业年报工作，强化助企帮扶力度', '▌“多报合一”为企业减负', '本报电　市场监管总局日前发布通知，推进年报工作。'])]);
    expect(briefs.articles.map((a) => [a.headline, a.byline])).toEqual([['徒步游带火沿线村落', '本报记者 杨文明'], ['“多报合一”为企业减负', '']]);
    expect(briefs.columnLinks.map((c) => c.columnName)).toEqual(['市场资讯']);
  });

  it('field test 38: a part titled with a 引题 leading into its 主题 is a 组合报道 part, its 主题 never its 副题; a 【栏目】 and a 引题 over a Markdown heading, or one line under a 栏目 label, are its titles; 核心阅读 is a heading; a labelled title keeps its full-width space', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const headings = (r: Awaited<ReturnType<typeof importFiles>>, i = 0) => r.articles[i].body.content.filter((p) => p.type === 'heading').map((p) => (p.content ?? []).map((t) => ('text' in t ? t.text : '')).join(''));
    // (field test 38 N3 02.txt, 人民日报 2025-04-08: each part's 主题 has a comma, so it read as the 副题 of its 引题 and the parts stayed stories)
    const parts = await importFiles([file('02.txt', ['主题：春和景明　消费场景上新', '栏目：经济聚焦', '', '“春日迟迟，卉木萋萋。”踏青赏春正当时。', '——编　者', '', '浙江绍兴新昌县——', '采茶品茶垂钓，可玩可品又可憩', '本报记者　窦瀚洋', '在浙江绍兴新昌县回山镇，采茶季到了。', '', '湖北武汉——', '坐空轨观非遗，江城无处不飞花', '本报记者　吴　君', '天气渐暖，樱花陆续开遍了湖北武汉。'])]);
    expect(parts.articles.map((a) => a.headline)).toEqual(['春和景明　消费场景上新']);
    expect(headings(parts)).toEqual(['浙江绍兴新昌县——', '采茶品茶垂钓，可玩可品又可憩', '湖北武汉——', '坐空轨观非遗，江城无处不飞花']);
    // (N1 02.md: the 栏目 and the 引题 came out as a story of their own with no title)
    const column = await importFiles([file('02.md', ['【经济新方位·从就业看产业】', '', '吉林长春无人机操控师、四川德智装备工匠、海南新能源汽修师——', '', '# 这些劳务新品牌，你知道吗？', '', '本报记者　邱超奕', '', '今年的《政府工作报告》提出，更大力度稳定和扩大就业。'])]);
    expect(column.articles.map((a) => [a.kicker, a.headline])).toEqual([['吉林长春无人机操控师、四川德智装备工匠、海南新能源汽修师——', '这些劳务新品牌，你知道吗？']]);
    expect(column.columnLinks.map((l) => l.columnName)).toEqual(['经济新方位·从就业看产业']);
    // (N3 03.md: the line between the 栏目 label and the heading was a story of its own; 核心阅读 ran into the text as a paragraph)
    const labelled = await importFiles([file('03.md', ['栏目：探访·城市更新', '', '陕西西安将老菜场改造为市井文化创意街区', '', '# 留住“烟火气”　编织“潮生活”', '', '本报记者　高　炳', '', '核心阅读', '', '城市更新，是推动城市治理现代化的重要抓手。', '', '## 改造', '', '在陕西西安市碑林区城墙脚下。'])]);
    expect(labelled.articles.map((a) => [a.kicker, a.headline])).toEqual([['陕西西安将老菜场改造为市井文化创意街区', '留住“烟火气”　编织“潮生活”']]);
    expect(headings(labelled)).toEqual(['核心阅读', '改造']);
    // (P1, an OCR'd page: a series' name in 【】 with a comma over a headline was its 引题)
    const page = await importFiles([file('page.txt', ['【坚定信心，打开改革发展新天地】', '陕西扎实推进能源结构绿色转型', '本报记者　原韬雄　高　炳', '　　地上，清波粼粼、水鸟翔集。', '　　产业升级，助推绿色发展。'])]);
    expect(page.articles.map((a) => [a.kicker, a.headline])).toEqual([['', '陕西扎实推进能源结构绿色转型']]);
    expect(page.columnLinks.map((l) => l.columnName)).toEqual(['坚定信心，打开改革发展新天地']);
    // (N2 02.txt: a source line closing the story was its last subhead, with nothing under it)
    const sourced = await importFiles([file('02.txt', ['引题：实施“Discover Jiangxi”海外推广计划', '主题：江西文旅“出海”更“出彩”', '', '当千年窑火在景德镇古窑中燃起，游客纷至沓来。', '', '业态更新：从“观光”到“体验”', '', '在景德镇陶溪川文创街区，游客体验拉坯。', '', '数据来源：江西省文化和旅游厅'])]);
    expect(headings(sourced)).toEqual(['业态更新：从“观光”到“体验”']);
    // (field test 36 P1: an ellipsis OCR wrapped, its second half a line alone, was a paragraph of its own, 「…」, an error to the checks)
    const wrapped = await importFiles([file('page.txt', ['　　客观上说，一段时间以来，民营经济', '的发展确实遇到了一些困难和挑战。产业升级推进、技术', '变革加速，部分民营企业转型之路走得不太顺…', '…', '　　同时更要看到，这些困难和挑战，“总体上是', '在改革发展中出现的”。'])]);
    expect(wrapped.articles.flatMap((a) => a.body.content.map((p) => (p.content ?? []).map((t) => ('text' in t ? t.text : '')).join('').slice(-6)))).toEqual(['得不太顺……', '中出现的”。']);
  });

  it('field test 39: the house\'s role alone is a byline (本报记者, 本报评论员), never a title; a 栏目 set bold over an unmarked 引题 over a Markdown heading; a letter-spaced photographer\'s 摄影报道 closing a photo report is its byline', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    // (N1 03.txt, 人民日报 2025-01-07: 本报记者 was the 主题, the 主题 the 引题 and the 引题 a page banner)
    const roleOnly = await importFiles([file('03.txt', ['上海全面推进适老化改造', '小改造提升居家养老便利度', '本报记者', '拆掉台阶、换上地漏，卫生间与其他房间实现一屋全平。', '上海已累计为全市超3万户老年人的居所提供改造。', '（本报记者任筱霞、张子晗）'])]);
    expect(roleOnly.articles.map((a) => [a.kicker, a.headline])).toEqual([['上海全面推进适老化改造', '小改造提升居家养老便利度']]);
    expect(roleOnly.page.banners).toEqual([]);
    // (P1, an OCR'd page: 本报评论员 ran into the 副题)
    const leader = await importFiles([file('page.txt', ['一步不停歇　半步不退让', '——论学习贯彻习近平总书记二十届中央纪委四次全会重要讲话精神', '本报评论员', '　　“反腐败斗争必须坚定不移，任何犹豫动', '摇、松懈手软或半途而废，都将犯颠覆性错误。”'])]);
    expect(leader.articles.map((a) => [a.deck, a.byline])).toEqual([['——论学习贯彻习近平总书记二十届中央纪委四次全会重要讲话精神', '本报评论员']]);
    // (N1 02.md: the 栏目 and the 引题 were a story with no title)
    const bold = await importFiles([file('02.md', ['**经济聚焦**', '', '智慧创作、智慧港口、智慧医疗', '', '# 人工智能+　加快赋能千行百业', '', '本报记者　王昊男', '', '人工智能应用加速落地，多样化应用场景不断涌现。'])]);
    expect(bold.articles.map((a) => [a.kicker, a.headline])).toEqual([['智慧创作、智慧港口、智慧医疗', '人工智能+　加快赋能千行百业']]);
    expect(bold.columnLinks.map((l) => l.columnName)).toEqual(['经济聚焦']);
    // (N2 03.txt: the credit was the text's last paragraph)
    const photo = await importFiles([file('03.txt', ['司法力量守护黄河', '', '近年来，山东省东阿县人民法院持续深化环境司法体制机制改革。', '', '刘　新摄影报道'])]);
    expect(photo.articles.map((a) => a.byline)).toEqual(['刘新 摄影报道']);
  });

  it('field test 40: a 主题 run on to a second line set in under its value; a question 引题 under a bold 栏目 over a heading; a ■链接 box stays in its story; two placeholders, each its own caption; a round table\'s guests a line each; a 言论\'s 提要 under its writer', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const body = ['湖南长沙浏阳市大瑶镇，花炮企业的生产车间里一派繁忙。', '当地推动花炮产业转型升级，安全、环保、文化成为新的关键词。'];
    // (N1 05.txt, 人民日报 2025-02-12: the 主题's second line was the 副题)
    const twoLines = await importFiles([file('05.txt', ['栏目：发展各具特色的县域经济', '引题：湖南浏阳市培育壮大优势特色产业——', '主题：安全环保文化味', '\u3000\u3000\u3000花炮之乡拓新路', '记者：本报记者　颜　珂', '', ...body])]);
    expect(twoLines.articles.map((a) => [a.kicker, a.headline, a.deck])).toEqual([['湖南浏阳市培育壮大优势特色产业——', '安全环保文化味\u3000花炮之乡拓新路', '']]);
    // (a byline set in under it is the byline)
    const signed = await importFiles([file('a.txt', ['主题：安全环保文化味', '\u3000\u3000\u3000本报记者　颜　珂', '', ...body])]);
    expect(signed.articles.map((a) => [a.headline, a.byline])).toEqual([['安全环保文化味', '本报记者 颜珂']]);
    // (N1 04.md: the 栏目 was a story of its own with the 引题 for text, and ■链接 ran into the byline, its box a story)
    const boxed = await importFiles([file('04.md', ['**经济聚焦**', '', '老股东逃避债务金蝉脱壳，闭店人收割顾客暗度陈仓？', '', '# 如何让“职业闭店”套路玩不灵', '', '本报记者　林丽鹂', '', '2月10日起，国家市场监管总局制定的规定正式施行。', '', '■链接', '', '“职业闭店”有哪些特点', '', '一是在网络平台广泛发布“职业闭店”广告；', '', '二是协助商家在短时间内变更法定代表人。'])]);
    expect(boxed.articles.map((a) => [a.kicker, a.headline, a.byline])).toEqual([['老股东逃避债务金蝉脱壳，闭店人收割顾客暗度陈仓？', '如何让“职业闭店”套路玩不灵', '本报记者 林丽鹂']]);
    expect(boxed.columnLinks.map((l) => l.columnName)).toEqual(['经济聚焦']);
    expect(plainText(boxed.articles[0].body)).toContain('二是协助商家');
    // (the box's label and its title are its headings)
    expect(boxed.articles[0].body.content.filter((p) => p.type === 'heading').map((p) => (p.content ?? []).map((t) => ('text' in t ? t.text : '')).join(''))).toEqual(['■链接', '“职业闭店”有哪些特点']);
    // (P1, an OCR'd page: the second 【图】 and its caption ran into the first picture's caption)
    const pictures = await importFiles([file('page.txt', ['守护城市的温暖与活力', '【图】', '执法队员把不规范停放的电动车挪到规定停车区。', '【图】', '一场小雨后，执法队员帮助沿街店铺撤收挡雨棚。', '以上图片均为徐娅萍摄（人民视觉）', '　　江西省南昌市青云谱区城市管理和综合执法局持续创新管理模式，', '聚焦商户实际需求，精准管理、热情服务。', '　　带动商户共同参与城市治理。', '　　实现城市烟火气息与市容规范的和谐共生。'])]);
    expect(pictures.imageLinks.map((l) => l.caption)).toEqual(['执法队员把不规范停放的电动车挪到规定停车区。', '一场小雨后，执法队员帮助沿街店铺撤收挡雨棚。以上图片均为徐娅萍摄（人民视觉）']);
    // (P1: a 言论's 提要 under its writer's name, not set in, over the text set in, was the text's first paragraph)
    const opinion = await importFiles([file('page.txt', ['一线行走', '“小服务”托举“大民生”', '焦思雨', '社区干部多一些亲民惠民的务实举措，俯', '下身、沉下心，在便利群众上多走一步，', '在提供服务上更细一些，就能增强社区的', '凝聚力', '　　支起简易木桌，摆好宣传册、登记本，喇叭里循', '环播放最新的医保政策。', '　　一大早，社区干部就来到广场上。', '　　居民们纷纷围拢过来咨询。'])]);
    expect(opinion.articles.map((a) => [a.headline, a.deck, a.byline])).toEqual([['“小服务”托举“大民生”', '社区干部多一些亲民惠民的务实举措，俯下身、沉下心，在便利群众上多走一步，在提供服务上更细一些，就能增强社区的凝聚力', '焦思雨']]);
    // (N2 01.md, a round table: its guests, a line each, ran together into one paragraph; a paragraph wrapped by hand still joins)
    const paras = (r: Awaited<ReturnType<typeof importFiles>>) => r.articles[0].body.content.map((p) => (p.content ?? []).map((t) => ('text' in t ? t.text : '')).join(''));
    const guests = await importFiles([file('01.md', ['# 五问新就业群体所思所盼', '', '对话嘉宾：', '王芳芳　贵州省贵阳市云岩区委社会工作部部长', '熊　智　北京三快科技有限公司兰州分公司党支部书记', '吴贵玉　贵州省贵阳市云岩区新印1950商圈外卖员', '', '问：新就业群体在日常工作中遇到哪些困难？', '近年来，新就业群体规模', '不断扩大，他们的', '所思所盼备受关注。'])]);
    expect(paras(guests)).toEqual(['对话嘉宾：', '王芳芳　贵州省贵阳市云岩区委社会工作部部长', '熊　智　北京三快科技有限公司兰州分公司党支部书记', '吴贵玉　贵州省贵阳市云岩区新印1950商圈外卖员', '问：新就业群体在日常工作中遇到哪些困难？近年来，新就业群体规模不断扩大，他们的所思所盼备受关注。']);
  });

  it('review of field test 40: a 主题 runs on to no 副题, byline or paragraph set in under it, a 引题 to no line; a paragraph set in between two pictures stays text; a credit in brackets stays in its caption; 编者按 over a question is no 栏目', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const body = ['', '　　近日，记者来到南关街道，这里茶园连片，游客络绎不绝。', '　　当地村民说，日子越过越好。'];
    const titles = async (lines: string[]) => (await importFiles([file('a.txt', lines)])).articles.map((a) => [a.kicker, a.headline, a.deck, a.byline]);
    const S = '\u3000\u3000\u3000';
    expect(await titles(['主题：守护城市的温暖与活力', `${S}——记南昌市青云谱区城市管理和综合执法局`, ...body])).toEqual([['', '守护城市的温暖与活力', '——记南昌市青云谱区城市管理和综合执法局', '']]);
    expect(await titles(['主题：守护城市的温暖与活力', `${S}（记者　王明）`, ...body])).toEqual([['', '守护城市的温暖与活力', '', '（记者 王明）']]);
    expect(await titles(['引题：湖南浏阳市培育壮大优势特色产业', `${S}安全环保文化味　花炮之乡拓新路`, ...body])).toEqual([['湖南浏阳市培育壮大优势特色产业', '安全环保文化味　花炮之乡拓新路', '', '']]);
    const opened = await importFiles([file('b.txt', ['主题：南关街道茶园连片', `${S}近日，记者来到南关街道，这里茶园连片`, '游客络绎不绝，当地村民说，日子越过越好。'])]);
    expect(opened.articles.map((a) => a.headline)).toEqual(['南关街道茶园连片']);
    expect(plainText(opened.articles[0].body)).toContain('近日，记者来到南关街道');
    // (the text between two pictures, set in, is the text's; the pictures have no caption)
    const between = await importFiles([file('page.txt', ['守护城市的温暖与活力', '', '　　江西省南昌市青云谱区城市管理和综合执法局持续创新管理模式。', '【图】', '　　执法队员每天巡查辖区，把不规范停放的电动车挪到规定停车区，群众纷纷点赞。', '【图】', '　　一场小雨后，执法队员帮助沿街店铺撤收挡雨棚。'])]);
    expect(plainText(between.articles[0].body)).toContain('群众纷纷点赞');
    expect(between.imageLinks.map((l) => l.caption)).toEqual(['', '']);
    // (a credit in brackets under a caption is the caption's, no picture of its own)
    const credited = await importFiles([file('page.txt', ['守护城市的温暖与活力', '【图】', '执法队员把不规范停放的电动车挪到规定停车区。', '（图：本报记者 王涛 摄）', '　　一场小雨后，执法队员帮助沿街店铺撤收挡雨棚。', '　　当地居民说，街道越来越整洁。', '　　执法局表示，将继续做好服务。'])]);
    expect(credited.imageLinks).toHaveLength(1);
    // (编者按 over the note's question over the heading)
    const noted = await importFiles([file('c.md', ['编者按', '', '春节假期，各地文旅市场持续升温，消费潜力如何进一步释放？', '', '# 各地文旅市场持续升温', '', '近日，记者走访多地景区。'])]);
    expect(noted.columnLinks.map((l) => l.columnName)).not.toContain('编者按');
  });

  it('field test 41: a 栏目 labelled last, under the byline, is the story\'s; a writer of a less common surname alone under a heading; a chart\'s credits in its caption, a role named twice keeps both names; a 图片新闻\'s photographer alone at its end', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const body = ['马年春节，抢AI红包成了不少人的新年俗。', '', '热闹之下更要冷思考：红包大战之后，如何留住用户？'];
    // (N1 05.txt, 人民日报 2026-03-02: 栏目 under 作者 opened a story of its own, the titles' story had no text)
    const last = await importFiles([file('05.txt', ['主题：读懂AI红包大战', '作者：孟繁哲', '栏目：人民时评', '', ...body])]);
    expect(last.articles.map((a) => [a.headline, a.byline, plainText(a.body).slice(0, 6)])).toEqual([['读懂AI红包大战', '孟繁哲', '马年春节，抢']]);
    expect(last.columnLinks).toEqual([{ articleId: last.articles[0].id, columnName: '人民时评' }]);
    // (N1 04.txt: no blank line anywhere, a subhead under the first paragraph became the headline of a second story)
    const packed = await importFiles([file('04.txt', ['引题：多国加快推进空间太阳能电站技术研发', '主题：把太阳能电站“搬上天”', '作者：段宝岩', '栏目：国际科技前沿', '“把发电站建在太空，让清洁能源照亮地球！”——这一构想正加速走向现实。', '太空发电的优势与难点', '空间太阳能电站的构想，最早由美国科学家提出。'])]);
    expect(packed.articles.map((a) => [a.kicker, a.headline, a.byline])).toEqual([['多国加快推进空间太阳能电站技术研发', '把太阳能电站“搬上天”', '段宝岩']]);
    expect(packed.columnLinks.map((l) => l.columnName)).toEqual(['国际科技前沿']);
    // (a second 栏目 or a title line under it still opens the next story)
    const next = await importFiles([file('a.txt', ['主题：读懂AI红包大战', '作者：孟繁哲', '栏目：人民时评', '主题：把太阳能电站“搬上天”', '', ...body])]);
    expect(next.articles.map((a) => a.headline)).toEqual(['读懂AI红包大战', '把太阳能电站“搬上天”']);
    // (N1 06.md, 08.md: the writer, 关永强 and 臧秀玲, was the text's first paragraph)
    const md = async (lines: string[]) => (await importFiles([file('a.md', lines)])).articles.map((a) => [a.kicker, a.headline, a.byline, plainText(a.body).slice(0, 4)]);
    expect(await md(['**跟着历史学经济**', '', '# “轻重”思想的历史启示', '', '关永强', '', '作为经济概念，“轻重”最早见于《管子》。'])).toEqual([['跟着历史学经济', '“轻重”思想的历史启示', '关永强', '作为经济']]);
    expect(await md(['【思想纵横】', '', '# 把做显功与做潜功统一起来', '', '臧秀玲', '', '近日，中共中央办公厅印发通知。'])).toEqual([['', '把做显功与做潜功统一起来', '臧秀玲', '近日，中']]);
    // (a word, a place or a label alone under a heading stays text: two characters, a surname that is a word too, a bold
    // subhead, what the text goes on about, 关键词: review of field test 41)
    const under = async (line: string, text = '漓江两岸，青山如黛。') => (await importFiles([file('a.md', ['# 一座城市的温度', '', line, '', text])])).articles.map((a) => [a.byline, plainText(a.body).split('\n')[0]]);
    for (const word of ['新变化', '宁夏', '童心', '冷思考', '关键词', '邢台市']) expect(await under(word), word).toEqual([['', word]]);
    expect(await under('**童心**')).toEqual([['', '童心']]);
    expect(await under('谷雨生', '谷雨生态园里，青山如黛。')).toEqual([['', '谷雨生']]);
    // (P1: 版式设计 under the chart's 数据来源 went to the page's 组版 and was overwritten by the foot's 组版:陈晨; now both are kept)
    const page = await importFiles([file('page.txt', ['2193座廊桥，多样守护', '本报记者　郑洋洋', '【图】', '数据来源：国家文物局', '版式设计：张丹峰', '　　流水潺潺，一桥连两岸。桥上筑廊、廊中设座，这便是廊桥。', '　　中国廊桥是传统建筑智慧的凝练结晶。', '', '校对:赵　明　组版:陈　晨'])]);
    expect(page.imageLinks.map((l) => l.caption)).toEqual(['数据来源：国家文物局']);
    expect(page.page.credits).toMatchObject({ layoutEditor: '张丹峰、陈晨', proofreader: '赵明' });
    // (who drew the chart is its caption's; the page's credits and a reprint's source under a chart stay theirs: review)
    const drawn = await importFiles([file('page.txt', ['2193座廊桥，多样守护', '　　流水潺潺，一桥连两岸。桥上筑廊、廊中设座，这便是廊桥。', '【图】', '数据来源：国家文物局', '制图：王　朋', '　　中国廊桥是传统建筑智慧的凝练结晶。', '【图】', '数据来源：国家统计局', '版式设计:张丹峰　校对:赵　明　组版:陈　晨'])]);
    expect(drawn.imageLinks.map((l) => l.caption)).toEqual(['数据来源：国家文物局 制图：王 朋', '数据来源：国家统计局']);
    expect(drawn.page.credits).toMatchObject({ layoutEditor: '张丹峰、陈晨', proofreader: '赵明' });
    // (a role named again with its names keeps each name once)
    const twice = await importFiles([file('page.txt', ['江城日报　2026年6月18日　星期四　第5版　城乡　责任编辑：张三', '', '2193座廊桥，多样守护', '　　流水潺潺，一桥连两岸。桥上筑廊、廊中设座，这便是廊桥。', '　　中国廊桥是传统建筑智慧的凝练结晶。', '', '责任编辑：张三　李四　校对：赵明'])]);
    expect(twice.page.credits.editor).toBe('张三、李四');
    // (labelled lines under the byline, two of them, are the story's too: review)
    const labels = await importFiles([file('b.txt', ['主题：读懂AI红包大战', '记者：本报记者　孟繁哲', '引题：抢红包背后的冷思考', '副题：——平台竞争的新变化', '', ...body])]);
    expect(labels.articles.map((a) => [a.kicker, a.headline, a.deck, a.byline])).toEqual([['抢红包背后的冷思考', '读懂AI红包大战', '——平台竞争的新变化', '本报记者 孟繁哲']]);
    // (N2 05.md, a 图片新闻: its photographer's credit alone was its last paragraph)
    const lastPara = (a: { body: RichDoc }) => plainText(a.body).split('\n').pop();
    const photo = async (credit: string) => (await importFiles([file('05.md', ['# 用好秸秆资源 助力绿色发展', '', '5月30日，江苏宿迁，秸秆打捆机正在将小麦秸秆收集打捆。', '', credit])])).articles.map((a) => [a.byline, lastPara(a)]);
    const shot = '5月30日，江苏宿迁，秸秆打捆机正在将小麦秸秆收集打捆。';
    expect(await photo('陈　玉摄（人民视觉）')).toEqual([['陈玉 摄（人民视觉）', shot]]);
    expect(await photo('许昌亮 摄')).toEqual([['许昌亮 摄', shot]]);
    expect(await photo('陈玉摄（新华社发）')).toEqual([['陈玉 摄（新华社发）', shot]]);
    // (not a phrase ending in 摄; a name run into it with nothing else is a byline as before, 陈玉摄: review)
    expect(await photo('高空拍摄')).toEqual([['', '高空拍摄']]);
    expect(await photo('陈玉摄')).toEqual([['陈玉摄', shot]]);
  });

  it('field test 42: a 副刊 page\'s essays, title and writer over a picture, its credit an institution\'s; a writer\'s note wrapped over a picture; a name with a middle dot under a heading; a 简讯 column\'s item heading its own titles; an interview\'s subheads of clauses', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const stories = (r: Awaited<ReturnType<typeof importFiles>>) => r.articles.map((a) => [a.kicker, a.headline, a.byline]);
    const text = ['　　近年来，越来越多源自中华文明深处的文化形态，正以新的方式', '走进当代生活、走上时代舞台。', '　　文物不再只是博物馆中的静态陈列，而是在不断被唤醒中迸发出', '跨越时空的生命力。'];
    // (P1, 人民日报 2026-01-05 副刊: the essay's writer over its picture was a picture story's headline, its title the story above's
    // text; 资料图片 under the caption a headline; the writer's note wrapped over a picture a headline too)
    const page = await importFiles([file('page.txt', ['人民日报　2026年1月5日　星期一', '副刊　第20版', '', '如朝阳初启　迎万象焕新', '张晓凌', '【图】', '“摩登田野4.0：2025新海派乡村艺', '术节”现场。', '上海大学上海美术学院供图', ...text, '　　（作者为南京大学历史学院教授、文化与自然', '遗产研究所所长）', '【图】', '“闪光苏超”海报。', '江苏省文化和旅游厅供图', '', '丹青起舞　永乐未央', '景小勇', '【图】', '“观妙入真——山西永乐宫文物精粹', '暨数字艺术大展”展厅一景。', '资料图片', ...text, '', '国产文创IP澎湃新活力', '高　鹏', '【图】', '十五运会吉祥物“喜洋洋”“乐融融”。', '图片来源：十五运会官网', ...text])]);
    expect(stories(page)).toEqual([['', '如朝阳初启　迎万象焕新', '张晓凌'], ['', '丹青起舞　永乐未央', '景小勇'], ['', '国产文创IP澎湃新活力', '高鹏']]);
    expect(page.imageLinks.map((l) => l.caption)).toEqual(['“摩登田野4.0：2025新海派乡村艺术节”现场。上海大学上海美术学院供图', '“闪光苏超”海报。江苏省文化和旅游厅供图', '“观妙入真——山西永乐宫文物精粹暨数字艺术大展”展厅一景。资料图片', '十五运会吉祥物“喜洋洋”“乐融融”。图片来源：十五运会官网']);
    expect(plainText(page.articles[0].body)).toContain('（作者为南京大学历史学院教授、文化与自然遗产研究所所长）');
    // (N1 04.md: the writer's name with its middle dot was the first paragraph; over the headline, labelled, such a name is a 栏目)
    const dotted = await importFiles([file('04.md', ['**创作谈**', '', '# 她的龟兹，我们的龟兹', '', '古丽米娜·麦麦提', '', '我的龟兹舞蹈之路，始于一次偶然的相遇。'])]);
    expect(stories(dotted)).toEqual([['', '她的龟兹，我们的龟兹', '古丽米娜·麦麦提']]);
    const column = await importFiles([file('08.txt', ['引题：深化产教融合　调整专业设置', '主题：浙江职业教育的“下沉”与“联动”', '栏目：民生一线·职业教育观察', '本报记者  吴  丹', '', '马壮没想到，自己的求职之路竟会如此平坦。'])]);
    expect(stories(column)).toEqual([['深化产教融合　调整专业设置', '浙江职业教育的“下沉”与“联动”', '本报记者 吴丹']]);
    // (N2 02.md, a 简讯 column: an item's ## head over its own 副题 and byline stayed the item above's subhead)
    const briefs = await importFiles([file('02.md', ['# 法治聚焦', '', '2025年12月1日起施行', '', '## “旧国标”电动自行车全面停售', '', '根据有关规定，“旧国标”电动自行车全面停售。', '', '## 《海南自由贸易港旅游条例》施行', '', '旅行社不得以低于成本的价格组织旅游活动', '', '本报记者　董泽扬', '', '海南省人大常委会审议通过的条例正式施行。'])]);
    expect(briefs.articles.map((a) => [a.headline, a.deck, a.byline])).toEqual([['法治聚焦', '', ''], ['《海南自由贸易港旅游条例》施行', '旅行社不得以低于成本的价格组织旅游活动', '本报记者 董泽扬']]);
    // (N1 03.txt, an interview: three of its four subheads of clauses stayed text)
    const headings = (r: Awaited<ReturnType<typeof importFiles>>) => r.articles[0].body.content.filter((p) => p.type === 'heading').map((p) => (p.content ?? []).map((t) => ('text' in t ? t.text : '')).join(''));
    const interview = await importFiles([file('03.txt', ['主题：实现住房城乡建设高质量发展良好开局', '记者：本报记者　丁怡婷', '', '习近平总书记指出，城市工作要把创造优良人居环境作为中心目标。', '', '抓产业、抓市场、抓现场、抓“出海”，推动建筑业提质升级', '', '记者：建筑业如何转型升级？', '', '倪虹：我们将抓产业。', '', '高质量推进城市更新，将统筹实施好一系列民生工程、发展工程、安全工程', '', '记者：城市更新怎么推进？', '', '倪虹：我们将统筹实施。', '', '提案人：民建中央', '', '案由：托育服务供给不足。'])]);
    expect(headings(interview)).toEqual(['抓产业、抓市场、抓现场、抓“出海”，推动建筑业提质升级', '高质量推进城市更新，将统筹实施好一系列民生工程、发展工程、安全工程']);
  });

  it('review of field test 42: a caption wrapped on 提供 runs on; a subhead of two parts over someone speaking stays one; one paragraph missing its full stop is no subhead; a place the text goes on about is no writer; a dotted 栏目 or place is no writer; a 记者手记 heading its titles is their 栏目; a quotation\'s speaker is no 副题', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const stories = (r: Awaited<ReturnType<typeof importFiles>>) => r.articles.map((a) => [a.kicker, a.headline, a.deck, a.byline]);
    const captioned = await importFiles([file('page.txt', ['政务服务“一网通办”跑出加速度', '本报讯（记者 李四）今年以来，我市深入推进政务服务改革，群众办事更加便捷。', '[图片]', '志愿者在社区为老人免费提供', '理发、测血压等服务。', '本报通讯员 王五 摄', '市政务服务中心负责人表示，下一步将继续推动更多事项“掌上办”。'])]);
    expect(captioned.imageLinks.map((l) => l.caption)).toEqual(['志愿者在社区为老人免费提供理发、测血压等服务。本报通讯员 王五 摄']);
    expect(captioned.articles).toHaveLength(1);
    const spoken = await importFiles([file('page.txt', ['乡村振兴的“三变”故事', '本报讯（记者 李四）近年来，某某村走出了一条产业兴旺、生态宜居的振兴之路。', '产业兴：小木耳撑起致富伞', '王大爷说：“以前种玉米挣不了几个钱，现在种木耳，一亩地能收入两万多元。”', '去年，全村木耳种植面积达到500亩，带动200多户村民增收。', '环境美：垃圾堆变成小花园', '李大姐说：“现在村里干净了，住着舒心。”', '今年以来，村里拆除违建30多处，新建小游园5个。'])]);
    expect(spoken.articles.map((a) => a.body.content.filter((p) => p.type === 'heading').length)).toEqual([2]);
    const slip = await importFiles([file('a.txt', ['主题：老旧小区改造跑出“加速度”', '作者：本报记者　王浩', '', '今年以来，我市加快推进老旧小区改造，已完成改造小区120个。', '', '截至目前，全市老旧小区改造已累计完成投资12.6亿元，惠及居民3万余户', '', '走进刚刚完成改造的幸福里小区，道路平整，绿树成荫。'])]);
    expect(slip.articles[0].body.content.filter((p) => p.type === 'heading')).toEqual([]);
    const text = ['　　奇峰三千，秀水八百。张家界的山，一座比一座奇。', '　　每年来张家界旅游的游客量逐年攀升。', '　　当地人说，这是山水给的饭碗。'];
    expect(stories(await importFiles([file('page.txt', ['行走中国', '郁金香', ...text.map((t) => t.replace(/张家界/g, '郁金香'))])]))).toEqual([['', '郁金香', '', '']]);
    const md = async (lines: string[]) => stories(await importFiles([file('a.md', lines)]));
    expect(await md(['行走中国', '张家界', '', text[0].trim()])).toEqual([['', '行走中国张家界', '', '']]);
    expect(await md(['# 千年古茶林焕发新生机', '', '云南·普洱', '', '走进景迈山，千年古茶林郁郁葱葱。'])).toEqual([['', '千年古茶林焕发新生机', '', '']]);
    expect(await md(['# 千年古茶林焕发新生机', '', '**民生一线·职业教育观察**', '', '走进景迈山，千年古茶林郁郁葱葱。'])).toEqual([['', '千年古茶林焕发新生机', '', '']]);
    const notes = await importFiles([file('b.md', ['# 让老旧小区焕发新活力', '', '本报记者　王浩', '', '老旧小区改造是民生工程。', '', '## 记者手记', '', '改到群众心坎上', '', '本报记者　王浩', '', '改造改到了群众心坎上。'])]);
    expect(stories(notes)).toEqual([['', '让老旧小区焕发新活力', '', '本报记者 王浩'], ['', '改到群众心坎上', '', '本报记者 王浩']]);
    expect(notes.columnLinks.map((l) => l.columnName)).toEqual(['记者手记']);
    expect(await md(['“我们村的路，修到了家门口”', '——村民王大爷', '', '近年来，某某村的路越修越好。'])).toEqual([['', '“我们村的路，修到了家门口”——村民王大爷', '', '']]);
  });

  it('field test 43: a dialogue\'s list of speakers and its part head stay its text; a 栏目 over a Markdown kicker; a bold dotted 栏目; a line over a one-story file\'s titles is its 栏目, no banner; a letterspaced 版名; a two-part subhead wrapped; a picture whose caption names the titles under it is theirs', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const stories = (r: Awaited<ReturnType<typeof importFiles>>) => r.articles.map((a) => [a.kicker, a.headline, a.byline]);
    const columns = (r: Awaited<ReturnType<typeof importFiles>>) => r.articles.map((a) => r.columnLinks.find((l) => l.articleId === a.id)?.columnName ?? '');
    const headings = (r: Awaited<ReturnType<typeof importFiles>>) => r.articles[0].body.content.filter((p) => p.type === 'heading').map((p) => (p.content ?? []).map((t) => ('text' in t ? t.text : '')).join(''));
    // (N1 03.txt, 人民日报 2026-02-02: the 【对话人】 list opened a story headlined 李亚飞（…主任）, the part head 投什么 another; 本期统筹 was text)
    const dialogue = await importFiles([file('03.txt', ['引题：与三地发展改革委有关负责人对话——', '主题：推动投资止跌回稳', '栏目：经济新方位·对话·奋进2026', '记者：本报记者　崔　佳　郭晓龙', '', '投资是经济社会发展的重要引擎。', '', '——编　者', '', '【对话人】', '', '李亚飞（黑龙江省哈尔滨市人民政府副秘书长、市发展和改革委员会主任）', '', '王　洋（湖北省武汉市发展和改革委员会主任）', '', '投什么', '', '立足资源禀赋，找准把稳投资方向', '', '问：您所在城市有哪些特色优势产业？', '', '李亚飞：哈尔滨是东北老工业基地的代表性城市。', '', '本期统筹：祁嘉润'])]);
    expect(stories(dialogue)).toEqual([['与三地发展改革委有关负责人对话——', '推动投资止跌回稳', '本报记者 崔佳 郭晓龙']]);
    expect(plainText(dialogue.articles[0].body)).toContain('李亚飞（黑龙江省哈尔滨市人民政府副秘书长、市发展和改革委员会主任）');
    expect(headings(dialogue)).toEqual(['【对话人】', '投什么', '立足资源禀赋，找准把稳投资方向']);
    // (N1 08.md: 【民生一线】 over a ### 引题 over the heading made a story of its own, with no title)
    const kicked = await importFiles([file('08.md', ['【民生一线】', '', '### 宁夏银川连续6年发布“十心”实事——', '', '# 呵护百姓“小确幸”　做实民生“大文章”', '', '本报记者　焦思雨', '', '冬日的宁夏银川，寒风凛冽。'])]);
    expect(stories(kicked)).toEqual([['宁夏银川连续6年发布“十心”实事——', '呵护百姓“小确幸”　做实民生“大文章”', '本报记者 焦思雨']]);
    expect(columns(kicked)).toEqual(['民生一线']);
    // (N1 02.md: a bold dotted 栏目 was the 引题; N1 04.md: 祁嘉润 under the heading was the first paragraph)
    const bold = await importFiles([file('02.md', ['**读者点题·共同关注**', '', '# 阅读这件事，为啥要立法', '', '本报记者　李卓尔', '', '2月1日，《全民阅读促进条例》开始施行。'])]);
    expect([stories(bold), columns(bold)]).toEqual([[['', '阅读这件事，为啥要立法', '本报记者 李卓尔']], ['读者点题·共同关注']]);
    const writer = await importFiles([file('04.md', ['【编辑手记】', '', '# 付出最大努力　争取最好结果', '', '祁嘉润', '', '中国经济年报发布后，仔细研究数据。'])]);
    expect(stories(writer)).toEqual([['', '付出最大努力　争取最好结果', '祁嘉润']]);
    // (N1 07.txt: the line over its 引题 was the page's banner)
    const series = await importFiles([file('07.txt', ['我在重大工程一线', '建设团队持续攻关西部陆海新通道骨干工程施工难题——', '聚力攻坚，让平陆运河尽快通江达海', '本报记者　张云河', '', '今年1月，广西平陆运河的马道枢纽主体混凝土浇筑完成。'])]);
    expect([series.page.banners, columns(series)]).toEqual([[], ['我在重大工程一线']]);
    // (P1, 第18版 产经: 18 产 经 was a story; a two-part subhead ran into the text; the picture over the third story's titles was the second's)
    const para = (t: string): string[] => ['　　' + t.slice(0, 22), t.slice(22)];
    const page = await importFiles([file('page.txt', ['18 产 经', '人民日报 2026年5月6日 星期三', '', '产经视野', '因地制宜发展特色产业', '本报记者 郑洋洋', ...para('锻锤起落铿锵，山西定襄风电法兰锻压成型，远销40多个国家和地区。'), '因地制宜、做强优势——', '立足实际培育新质生产力，走出一条传统产业转型的务', '实之路', ...para('记者走进定襄经济技术开发区，机器轰鸣声响彻耳畔，火花飞溅。'), '', '有感而发', '以高质量发展实效检验学习教育成效', '王云杉', ...para('4月28日召开的中共中央政治局会议，对学习教育作出部署。'), '', '[图片]', '中船七二五所旗下双瑞环境自主研发的全', '球最大船用风力旋筒助推系统。', '陈晓光摄', '探访全球第一', '全球最大船用风力旋筒助推系统正式发布——', '给船舶装上“绿色翅膀”', '本报记者 刘温馨', ...para('近日，由中船集团第七二五研究所旗下双瑞环境研发的系统正式发布。')])]);
    expect(page.page.header).toMatchObject({ pageNumber: '18', section: '产经', paperName: '人民日报', date: '2026-05-06' });
    expect(stories(page).map((s) => s[1])).toEqual(['因地制宜发展特色产业', '以高质量发展实效检验学习教育成效', '给船舶装上“绿色翅膀”']);
    expect(headings(page)).toEqual(['因地制宜、做强优势——', '立足实际培育新质生产力，走出一条传统产业转型的务实之路']);
    expect(page.imageLinks.map((l) => l.articleId)).toEqual([page.articles[2].id]);
  });

  it('review of field test 43: a name with years or a work\'s kind in brackets is a title; two places set apart by a dot are an 引题; a line under a 引题\'s dash is the headline; a letterspaced headline at a page\'s head is no page line; a sentence wrapped on a dash is text; a picture named by the subhead under it stays with its story', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const stories = (r: Awaited<ReturnType<typeof importFiles>>) => r.articles.map((a) => [a.kicker, a.headline, a.byline]);
    const text = ['', '钱学森是享誉海内外的杰出科学家，被誉为“中国航天之父”。', '', '他领导了我国火箭、导弹和航天器的研制工作。'];
    expect(stories(await importFiles([file('a.txt', ['钱学森（1911—2009）', '本报记者　李　娜', ...text])]))).toEqual([['', '钱学森（1911—2009）', '本报记者 李娜']]);
    expect(stories(await importFiles([file('b.txt', ['田野（油画作品）', '本报记者　李　娜', ...text])]))).toEqual([['', '田野（油画作品）', '本报记者 李娜']]);
    const place = await importFiles([file('c.md', ['**云南·普洱**', '', '# 古茶园里采新茶', '', '本报记者　杨文明', '', '清明前后，云南普洱景迈山的古茶园迎来春茶采摘季。'])]);
    expect([stories(place), place.columnLinks]).toEqual([[['云南·普洱', '古茶园里采新茶', '本报记者 杨文明']], []]);
    expect(stories(await importFiles([file('d.txt', ['中国航天人的逐梦故事——', '凌云志', '', '本报记者　余建斌', ...text])]))).toEqual([['中国航天人的逐梦故事——', '凌云志', '本报记者 余建斌']]);
    const spaced = await importFiles([file('e.txt', ['30 年 坚 守 一 片 林', '本报记者 张 云', '　　清晨六点，护林员老李已经走在了巡山的路上。', '30年来，他走坏了上百双胶鞋，守护着这片万亩林', '场，从未发生过一起火灾。', '　　“林子就是我的家。”老李说，只要还走得动，', '他就要一直守下去。'])]);
    expect([spaced.page.header, stories(spaced)[0][1].replace(/\s/g, '')]).toEqual([{}, '30年坚守一片林']);
    const headings = (r: Awaited<ReturnType<typeof importFiles>>) => r.articles.flatMap((a) => a.body.content.filter((p) => p.type === 'heading'));
    const dropped = await importFiles([file('f.txt', ['第7版 社会', '人民日报 2026年4月8日 星期三', '', '山村修起致富路', '本报记者 王 浩', '　　清晨，记者来到了大山深处的石门村。', '村支书说，这几年乡亲们大家心往一处想——', '劲往一处使，日子越过越红火，乡亲们都过上', '了好日子', '　　路修通后，村里的猕猴桃卖到了全国各', '地，去年全村人均收入突破两万元。', '　　如今，越来越多的年轻人回到村里创业，', '小山村焕发出新的生机。'])]);
    expect(headings(dropped)).toEqual([]);
    const mid = await importFiles([file('g.txt', ['第6版 经济', '人民日报 2026年3月12日 星期四', '', '平陆运河建设跑出加速度', '本报记者 张云河', '　　今年1月，广西平陆运河的马道枢纽、企', '石枢纽、青年枢纽船闸主体混凝土浇筑完成。', '[图片]', '平陆运河马道枢纽船闸施工现场。', '韦耀尹摄', '马道枢纽船闸浇筑完成', '　　在马道枢纽施工现场，塔吊林立，机器轰', '鸣。项目负责人李再明介绍了进展。', '', '产经观察', '以科技创新引领产业升级', '本报评论员', '　　科技创新是发展新质生产力的核心要素。', '各地要立足资源禀赋，推动传统产业转型升级。'])]);
    expect(mid.imageLinks.map((l) => l.articleId)).toEqual([mid.articles[0].id]);
  });

  it('field test 44: a line leading with a dash into a list under it is text, not a subhead; an illustrator\'s credit alone under a placeholder is the picture\'s, not the text\'s', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const headings = (r: Awaited<ReturnType<typeof importFiles>>) => r.articles[0].body.content.filter((p) => p.type === 'heading').map((p) => plainText({ type: 'doc', content: [p] }));
    const paragraphs = (r: Awaited<ReturnType<typeof importFiles>>) => plainText(r.articles[0].body).split('\n');
    // (N2 01: the lead-in was the story's first subhead, its text from 看排名 on)
    const listed = await importFiles([file('01.txt', ['栏目：活力中国调研行', '主题：北京加强基础研究蹚新路', '记者：本报记者　邓晓霞　王昊男　孟思奇', '', '开局之年访北京，基础研究领域亮点纷呈——', '', '看排名，连续9年居《自然指数—科研城市》全球榜首；', '', '摸家底，在京全国重点实验室达145家、占全国28.2%；', '', '…………', '', '重塑科研范式，加快人工智能赋能科学研究', '', '近年来，北京持续加大基础研究投入。', '', '改革体制机制，充分激发创新创造活力', '', '在6月12日举行的座谈会上，专家们畅所欲言。'])]);
    expect(headings(listed)).toEqual(['重塑科研范式，加快人工智能赋能科学研究', '改革体制机制，充分激发创新创造活力']);
    expect(paragraphs(listed).slice(0, 2)).toEqual(['开局之年访北京，基础研究领域亮点纷呈——', '看排名，连续9年居《自然指数—科研城市》全球榜首；']);
    // a dash leading into a section's text, not a list, stays the subhead it was (field test 32)
    const section = await importFiles([file('02.txt', ['主题：重庆传统产业焕新', '记者：本报记者　王明', '', '重庆是老工业基地，传统产业比重较高。', '', '升级传统产业，老树发新枝——', '', '重庆国际复合材料公司的车间里，机器轰鸣。', '', '培育新兴产业，新苗成大树——', '', '两江新区的实验室里，科研人员正在调试设备。'])]);
    expect(headings(section)).toEqual(['升级传统产业，老树发新枝——', '培育新兴产业，新苗成大树——']);
    // (review) such heads in parallel stay subheads, a list the first paragraph of one; a lone lead-in further down is text
    const parallel = await importFiles([file('03.txt', ['主题：重庆传统产业焕新', '记者：本报记者　王明', '', '重庆是老工业基地，传统产业比重较高。', '', '升级传统产业，老树发新枝——', '', '重庆国际复合材料公司的车间里，机器轰鸣。', '', '培育新兴产业，新苗成大树——', '', '一是聚焦智能网联新能源汽车，打造万亿级产业集群；', '', '二是聚焦先进材料，推动产业向高端迈进。'])]);
    expect(headings(parallel)).toEqual(['升级传统产业，老树发新枝——', '培育新兴产业，新苗成大树——']);
    const lone = await importFiles([file('04.txt', ['主题：夏季用电安全要注意', '记者：本报记者　赵　敏', '', '入夏以来，全市用电负荷持续攀升，电气火灾风险增加。', '', '专家提醒——', '', '不要私拉乱接电线，不要超负荷用电；', '', '外出时应关闭不必要的电器电源。'])]);
    expect([headings(lone), paragraphs(lone)[1]]).toEqual([[], '专家提醒——']);
    // (review) an item set in and run on past a column break after its dash stays one paragraph
    const broken = await importFiles([file('page.txt', ['经 济 6', '2026年6月3日 星期三 人民日报', '', '重庆传统产业焕新', '本报记者 王 明', '　　重庆是老工业基地，传统产业比重较高。', '今年以来，重庆多方发力推动产业升级。', '　　一是聚焦“卡脖子”难题——', '', '集中攻关一批关键核心技术，力争年内取', '得突破；', '　　二是聚焦新一代电子信息制造业，补链强', '链延链。'])]);
    expect(paragraphs(broken)[1]).toBe('一是聚焦“卡脖子”难题——集中攻关一批关键核心技术，力争年内取得突破；');
    // (P1: 曹 一绘 under the placeholder ran into the story's last paragraph)
    const drawn = await importFiles([file('page.txt', ['政 治 10', '2026年6月3日 星期三 人民日报', '', '找出问题合同，守好村民“钱袋子”', '本报记者 王云娜', '　　靠近广州南站，公路四通八达，冷链物流、五金等', '产业兴旺。', '　　“我们将持续深化农村集体‘三资’监督。”广州市纪', '委监委驻市农业农村局纪检监察组组长王贵平说。', '（图片）', '曹 一绘', '', '执纪者说', '透过合同表象 严查“三资”乱象', '夏瑶瑶', '　　农村集体“三资”是群众的“家底”。'])]);
    expect(paragraphs(drawn).at(-1)).toBe('“我们将持续深化农村集体‘三资’监督。”广州市纪委监委驻市农业农村局纪检监察组组长王贵平说。');
    expect(drawn.imageLinks.map((l) => [l.articleId, l.caption])).toEqual([[drawn.articles[0].id, '曹 一绘']]);
    // (review) a word ending in 绘 is no illustrator: a title over a byline under a placeholder, a subhead under a caption
    const head = ['政 治 10', '2026年6月3日 星期三 人民日报', '', '古村换新颜', '本报记者 李 娟', '　　走进江西婺源篁岭村，白墙黛瓦间游人如', '织，村民们忙着晒秋。'];
    const titled = await importFiles([file('page.txt', [...head, '（图片）', '指尖彩绘', '本报记者 王 强', '　　在山东潍坊杨家埠，年画传承人正在为木', '版年画手工上色，一笔一画尽显匠心。'])]);
    expect(titled.articles.map((a) => [a.headline, a.byline])).toEqual([['古村换新颜', '本报记者 李娟'], ['指尖彩绘', '本报记者 王强']]);
    const sub = await importFiles([file('page.txt', [...head, '[图片]', '篁岭村民居外墙上的晒秋图。', '巧手彩绘', '　　这些墙画出自村里的“农民画家”之手。'])]);
    expect(headings(sub)).toEqual(['巧手彩绘']);
  });

  it('field test 45: a label alone in 【】 is a section of a story its labels lead; a 栏目 in 【】 may name a 字号; a bold line over a ### 引题 over the # heading is the 栏目; and what the review of them kept as it was', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const headings = (r: Awaited<ReturnType<typeof importFiles>>, k = 0) => r.articles[k].body.content.filter((p) => p.type === 'heading').map((p) => plainText({ type: 'doc', content: [p] }));
    // (review: a paragraph's last line of long clauses whose stop OCR dropped, after a full line, stays in its story; a
    // subhead of two 13-character clauses so placed, P1's 转化型抢劫中致不法分子死亡，依法认定正当防卫, is still run in: see the closing note)
    const dropped = await importFiles([file('page.txt', ['江城日报  2026年4月8日 星期三  第3版 综合新闻', '', '农村公路建设提速', '　　本报讯（记者 周平）今年以来，我市加快推进“', '四好农村路”建设，农村交通条件持续改善。', '　　据介绍，全市一季度新建改建农村公路86公里，完成', '投资2.3亿元，惠及沿线群众5万余人，好评如潮。', '各相关部门要进一步压实责任，确保措施落地见效', '　　下一步，市交通运输局将持续加大投入，推动城乡', '交通一体化发展。'])]);
    expect(dropped.articles.map((a) => a.headline)).toEqual(['农村公路建设提速']);
    // (P2: 【点评】 opened a story of its own, headlined 【点评】)
    const comment = await importFiles([file('page.txt', ['人民日报    2025年11月4日 星期二       评 论       5', '', '新知', '金属“降维”与观念突围', '吴月辉', '　　【现象】中国科学院物理研究所科研团队实现', '二维金属制备。', '【点评】', '　　生活中所见的各种金属，都是三维块体材料。', '　　这一突破说明，原始创新在神州大地持续涌现。', '', '纵横', '“大企帮小店”的协同之智', '郭元鹏', '　　清晨6点，浙江湖州市的一家早餐店已经开门。'])]);
    expect(comment.articles.map((a) => a.headline)).toEqual(['金属“降维”与观念突围', '“大企帮小店”的协同之智']);
    expect(headings(comment)).toEqual(['【点评】']);
    // (review) a notice's label is its own item, not a section of the story above
    const notice = await importFiles([file('page.txt', ['江城日报  2026年4月8日 星期三  第2版 综合新闻', '', '城区新增3处口袋公园', '　　本报讯（记者 张丽）近日，城区新建的3处口袋', '公园陆续向市民开放。', '　　公园内设置了健身器材、儿童游乐设施和休闲座椅，', '方便周边居民就近休闲。', '【更正】', '　　本报4月7日第2版《全市重点项目集中开工》一', '文中，“总投资362亿元”应为“总投资326亿元”。特此更正。'])]);
    expect(notice.articles.length).toBe(2);
    const md = (lines: string[]) => importFiles([file('01.md', [...lines, '', '本报记者　苏　滨', '', '距离比赛结束不到2分钟，队长丁登标带球内切。'])]);
    const column = (r: Awaited<ReturnType<typeof importFiles>>) => [r.columnLinks.map((l) => l.columnName), r.articles[0].kicker, r.articles[0].headline];
    expect(column(await md(['【在现场·“村字号”文体活动观察】', '', '# “村超”比赛火　群众热情高']))).toEqual([['在现场·“村字号”文体活动观察'], '', '“村超”比赛火　群众热情高']);
    expect(column(await md(['**推进文化自信自强**', '', '### 贵州推动屯堡文化保护、传承与利用', '', '# 六百年屯堡　续古韵新章']))).toEqual([['推进文化自信自强'], '贵州推动屯堡文化保护、传承与利用', '六百年屯堡　续古韵新章']);
    // (a part's number, an issue's or a date in 【】 is still no 栏目; nor a page line set bold over ### over #: review)
    for (const top of ['【上】', '【2025年第3期】', '【11月4日】']) expect(column(await md([top, '', '# “村超”比赛火　群众热情高']))[0], top).toEqual([]);
    expect(column(await md(['**第3版**', '', '### 贵州推动屯堡文化保护、传承与利用', '', '# 六百年屯堡　续古韵新章']))[0]).toEqual([]);
    // (review) mid-file too: a ### 引题 right over the next story's # heading is that story's, and so is a 【】 栏目 over it; a
    // bold line there stays the text of the story above (it may close it: **相关报道见第三版**)
    const first = ['# 春耕时节农机忙', '', '本报记者　孙　磊', '', '连日来，我市各地抢抓农时，春耕生产全面展开。', ''];
    const second = ['', '### 宁夏银川推进老旧小区改造——', '', '# 呵护百姓“家门口”的幸福', '', '本报记者　马　龙', '', '初冬时节，银川市兴庆区的老旧小区改造现场，工人们正在加紧施工。'];
    const two = async (over: string) => {
      const r = await importFiles([file('day.md', [...first, over, ...second])]);
      return r.articles.map((a) => [r.columnLinks.find((l) => l.articleId === a.id)?.columnName ?? '', a.kicker, a.headline, plainText(a.body).split('\n').at(-1)]);
    };
    expect(await two('【民生一线】')).toEqual([['', '', '春耕时节农机忙', '连日来，我市各地抢抓农时，春耕生产全面展开。'], ['民生一线', '宁夏银川推进老旧小区改造——', '呵护百姓“家门口”的幸福', '初冬时节，银川市兴庆区的老旧小区改造现场，工人们正在加紧施工。']]);
    expect(await two('**相关报道见第三版**')).toEqual([['', '', '春耕时节农机忙', '相关报道见第三版'], ['', '宁夏银川推进老旧小区改造——', '呵护百姓“家门口”的幸福', '初冬时节，银川市兴庆区的老旧小区改造现场，工人们正在加紧施工。']]);
  });

  it('field test 47: a dashed 引题 over a quotation for its 主题 is the story\'s titles; a short label between the byline and the text is the story\'s; a name under a title is the writer\'s when the text closes with a note on its writer', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const page = (lines: string[]) => importFiles([file('page.txt', ['人 民 日 报　　2025年6月25日　星期三　　第13版　社会', '', ...lines])]);
    const titles = (r: Awaited<ReturnType<typeof importFiles>>) => r.articles.map((a) => [r.columnLinks.find((l) => l.articleId === a.id)?.columnName ?? '', a.kicker, a.headline, a.byline, plainText(a.body).slice(0, 8)]);
    // (the 引题 and the quotation ran together into the text of a story with no headline, its text a second story's)
    const quoted = ['中国援外医生张军桥救人牺牲，用生命书写大爱无疆——', '“能帮助别人，他的眼里充满了光”', '本报记者 黄炜鑫 肖家鑫', '　　“为人民服务没有国界。作为一名走出来', '的中国医生，我很为我的祖国骄傲。”这是他', '生前发布的最后一条朋友圈。', '　　当地时间6月15日下午，一名当地民众在海', '边溺水，张军桥不顾自身安危，奋力营救。'];
    expect(titles(await page(quoted))).toEqual([['', '中国援外医生张军桥救人牺牲，用生命书写大爱无疆——', '“能帮助别人，他的眼里充满了光”', '本报记者 黄炜鑫 肖家鑫', '“为人民服务没有']]);
    // (over a picture too)
    const pictured = ['浙江舟山庙后村创业者徐蒙磊——', '“整个村子好了，大家都能受益”', '[图片]', '图为徐蒙磊在村里介绍农业无人机。 缪珊珊摄', '本报记者 刘军国', ...quoted.slice(3)];
    expect(titles(await page(pictured))[0].slice(1, 4)).toEqual(['浙江舟山庙后村创业者徐蒙磊——', '“整个村子好了，大家都能受益”', '本报记者 刘军国']);
    // (but a sentence leading into what someone said is text: the quotation ends a sentence)
    const said = ['沙坡头区一座古窑重燃窑火', '　　开炉那一刻，姚思杰低呼一声，又补了一句——', '“成了，这一窑都成了。”', '　　茶盏上一道金丝铁线裂纹在釉面舒展开来。'];
    expect((await page(said)).articles.map((a) => a.headline)).toEqual(['沙坡头区一座古窑重燃窑火']);
    // (城事 headed a story of its own taking the text, the story above left its titles alone: it heads the story's text, as 开栏的话 does)
    const column = await page(['年轻的城市与古老的黄河相视', '沙坡头  千年古瓷窑火新', '本报记者 秦瑞杰', '城事', '', '一簇橙红窑火在铁皮炉膛中跳跃，宁夏中卫市沙坡头区', '品卫文创园负责人姚思杰半蹲在窑口，屏息凝神。', '', '黄河如带，在腾格里沙漠的臂弯里折出一道金色的长', '弧，将沙坡头区揽入怀中。']);
    expect(titles(column)).toEqual([['', '年轻的城市与古老的黄河相视', '沙坡头 千年古瓷窑火新', '本报记者 秦瑞杰', '城事\n一簇橙红窑']]);
    expect(column.articles[0].body.content.filter((p) => p.type === 'heading').map((p) => plainText({ type: 'doc', content: [p] }))).toEqual(['城事']);
    // (海来阿木 was the headline and the title over it the kicker)
    const essay = (last: string) => page(['努力做有“根”的音乐', '海来阿木', '这两年，我在春晚演唱的歌曲里加入了民族音乐', '元素，不少观众反馈喜欢。民族的就是世界的。', '', '我出生于四川凉山的一个彝族家庭，小时候，父亲', '闲暇时会在院坝里拨月琴、吹口弦。', '', last]);
    expect(titles(await essay('（作者为四川省成都市文联副主席、音乐人）'))).toEqual([['', '', '努力做有“根”的音乐', '海来阿木', '这两年，我在春晚']]);
    // (with no note on its writer, four characters alone under a title stay a title: what they are is not said)
    expect((await essay('音乐让传统长出了时代的翅膀。')).articles[0].byline).toBe('');
    // (review: nor do a title's words under a note, 初心, 行走日记)
    for (const words of ['初心', '行走日记']) {
      const r = await page(['一位老党员的六十年坚守', words, '这两年，我在村里走访了许多老党员，听他们讲', '入党时的故事。', '', '（作者为中国人民大学教授）']);
      expect(r.articles[0].byline, words).toBe('');
    }
    // (review: a sentence of two lines leading into what someone said, blank lines round it, stays one paragraph)
    const speech = await page(['种植户的新打算', '', '本报讯（记者 王明）今年茶园面积扩大了一倍。', '', '在采访中，记者听到种植户说得最多的一句话是——', '“只要肯干，日子就有奔头！”', '', '茶农收入显著提高。']);
    expect(plainText(speech.articles[0].body).split('\n')).toEqual(['今年茶园面积扩大了一倍。', '在采访中，记者听到种植户说得最多的一句话是——“只要肯干，日子就有奔头！”', '茶农收入显著提高。']);
  });

  it('field tests 48–49: an essay after a note on what the one above is, its title over its writer\'s name alone, is a story of its own; a dashed 引题 of long clauses over its 主题 and a byline is the story\'s titles, not its text', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const page = (lines: string[]) => importFiles([file('page.txt', ['第 9 版  理 论      2025年7月15日 星期二      人民日报', '', ...lines])]);
    const titles = (r: Awaited<ReturnType<typeof importFiles>>) => r.articles.map((a) => [a.kicker, a.headline, a.byline]);
    // (a 理论 page: the second and third essays ran into the first as its subheads and text)
    const essays = await page(['弘扬社会主义法治精神的重大意义', '李林', '　　文化是法治建设的重要支撑。社会主义法治文', '化是社会主义法治的“灵魂”。', '　　法治的根基在于人民内心的拥护，法治的伟力', '在于人民真诚的信仰。', '　　（作者为中国社会科学院特约研究员）', '　　（本文由人民论坛杂志社组稿，人民日报社理', '论部编辑）', '', '', '浮躁情绪是不良作风', '吴永孝', '　　反对形式主义要着重解决工作不实问题，督促', '领导干部树立正确政绩观，克服浮躁情绪。', '　　力戒浮躁之气，要倡导求实之风。', '', '', '遵循规律  优化内容  加强交流', '以讲好中国故事参与全球文明对话', '钟悠天', '　　多样文明是世界的本色。文明的繁盛、人类的', '进步，都离不开文明交流互鉴。']);
    expect(titles(essays)).toEqual([['', '弘扬社会主义法治精神的重大意义', '李林'], ['', '浮躁情绪是不良作风', '吴永孝'], ['遵循规律 优化内容 加强交流', '以讲好中国故事参与全球文明对话', '钟悠天']]);
    expect(plainText(essays.articles[0].body).split('\n').at(-1)).toBe('（本文由人民论坛杂志社组稿，人民日报社理论部编辑）');
    // (review: after one blank line a name under a subhead is whom the section is about, and 本文为… under the titles is a 副题)
    const roundup = await page(['他们是新时代最可爱的人', '本报记者 李晓燕', '　　日前，2024年度“最美基层干部”揭', '晓。他们扎根基层、心系群众。', '', '扎根大山的“燃灯校长”', '张秀梅', '　　四十余年来，她扎根边疆教育一线，帮助', '两千多名大山里的女孩走出大山。']);
    expect(titles(roundup)).toEqual([['', '他们是新时代最可爱的人', '本报记者 李晓燕']]);
    const speech = await page(['共同构建更加紧密的中非命运共同体', '（本文为作者在中非合作论坛上的致辞节选）', '王海涛', '　　中非友谊源远流长，历久弥坚。中非合作', '论坛成立以来，双方合作成果丰硕。']);
    expect(speech.articles.map((a) => [a.headline, a.deck, a.byline])).toEqual([['共同构建更加紧密的中非命运共同体', '（本文为作者在中非合作论坛上的致辞节选）', '王海涛']]);
    // (the 引题 of 37 characters with a comma was the story's first paragraph, its 主题 the headline, and a subhead under
    // it, 起因——, opened a story of its own taking the text)
    const dashed = await page(['从个案监督到类案规范，四川广安在一起行政复议案件中解决群众急难愁盼问题——', '为一部电梯，“红头文件”改了', '本报记者 张璁', '', '最近，四川广安的锦屏花园小区里，又有一栋居民楼顺利加装了电梯。', '', '起因——', '期盼已久的电梯安装，卡在了审批上', '', '去年初，该小区居民提出的一份增设电梯的申请，在审批环节卡了壳。']);
    expect(titles(dashed)).toEqual([['从个案监督到类案规范，四川广安在一起行政复议案件中解决群众急难愁盼问题——', '为一部电梯，“红头文件”改了', '本报记者 张璁']]);
    // (a headline of 37 characters with a comma, over its dateline: the story ran into the one above)
    const dated = await page(['老年食堂暖意浓', '　　浙江省绍兴市柯桥区王坛镇地处会稽山腹地，', '老年人多，吃饭成了难题。', '', '', '“家国情，每个人心中的乡”主题感读暨《乡愈》第二次印刷出版座谈会举办', '　　本报北京6月11日电  （陈娟）6月11日，座谈', '会在北京大学举办。与会嘉宾分享了阅读体会。']);
    expect(dated.articles.map((a) => [a.headline, a.lead])).toEqual([['老年食堂暖意浓', ''], ['“家国情，每个人心中的乡”主题感读暨《乡愈》第二次印刷出版座谈会举办', '本报北京6月11日电（陈娟）']]);
  });

  it('field test 50: an indented first line under a story\'s titles and pictures is its text, a subhead of two indented lines is not run into the text, a dashed 引题 over an exclaimed 主题 and a byline is the story\'s titles, and a labelled package\'s signed parts are its sections', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const page = (lines: string[]) => importFiles([file('page.txt', ['人 民 日 报   2025年7月9日  星期三   第06版  要 闻', '', ...lines])]);
    // (“鼓浪屿好小哥”是谁？ headed a story of its own taking the text, the titled story left with its pictures alone)
    const asked = await page(['福建厦门鼓浪屿有一支由快递员组成的青年服务队——', '“让自己成为一道光，照亮身边的人”', '本报记者 施钰', '[图片]', '肖梅滨（左）在为薛阿伯送饭。 受访者供图', '[图片]', '夏广彪在码头搬运快递。 魏鹏飞摄', '　　“鼓浪屿好小哥”是谁？', '　　寄送快递时，他会出现，在车辆难以通行的', '小岛上，用双脚踏遍30多条大路和300多条小巷。', '　　服务队队长、70后肖梅滨成立送餐小队', '　　“不方便找别人的事儿，可以找我们”', '　　手推板车的滚轮压过石板路，发出一连串有', '节奏的声响。']);
    expect(asked.articles.map((a) => a.headline)).toEqual(['“让自己成为一道光，照亮身边的人”']);
    // (the subhead's two lines, ending in no mark, were joined to the text under them as a column broken mid-sentence)
    expect(plainText(asked.articles[0].body).split('\n')).toEqual(['“鼓浪屿好小哥”是谁？', '寄送快递时，他会出现，在车辆难以通行的小岛上，用双脚踏遍30多条大路和300多条小巷。', '服务队队长、70后肖梅滨成立送餐小队', '“不方便找别人的事儿，可以找我们”', '手推板车的滚轮压过石板路，发出一连串有节奏的声响。']);
    expect(asked.images.length).toBe(2);
    // (the 引题 and the exclaimed 主题 were the text of a story with no headline; a cartoon's credit, 洪  琥绘, headed a story)
    const exclaimed = await page(['浙江湖州针对“屏幕中的形式主义”开展专项整治——', '向公务活动中过度使用视频说“不”！', '本报记者 窦瀚洋', '', '[图片]', '洪  琥绘', '', '“接下来在上海有个城市旅游推介会，打算', '配一个文旅宣传片……”前不久，浙江省湖', '州市南浔区文旅发展集团就公务视频制作事', '项，向相关部门进行报批咨询。', '', '对照标准，相关部门按照三类视频的制作费', '用要求，对项目报批进行了严格把关。']);
    expect(exclaimed.articles.map((a) => [a.kicker, a.headline, a.byline, plainText(a.body).slice(0, 6)])).toEqual([['浙江湖州针对“屏幕中的形式主义”开展专项整治——', '向公务活动中过度使用视频说“不”！', '本报记者 窦瀚洋', '“接下来在上']]);
    expect(exclaimed.imageLinks.map((l) => l.caption)).toEqual(['洪 琥绘']);
    // (a copy desk's package: its labelled 主题 and lead-in, then three reports each titled and signed, read as four stories)
    const pack = await importFiles([file('02.txt', ['主题：市场环境好  消费活力足', '', '市场环境好不好，配套支持政策是否完善，直接影响消费者的消费意愿。', '', '有了“放心消费地图”，消费维权更便捷', '', '本报记者  李  蕊', '', '“我在小区附近报了舞蹈课，花了600多元。”', '', '今年以来，青岛市市场监管局积极拓展消费维权服务站覆盖面。', '', '快速响应，“靶向治理”化解消费纠纷', '', '本报记者  林丽鹂', '', '“没想到问题这么快就解决了！”市民说。'])]);
    expect(pack.articles.map((a) => [a.headline, a.byline])).toEqual([['市场环境好 消费活力足', '']]);
    const parts = pack.articles[0].body.content.filter((p) => p.type === 'heading').map((p) => plainText({ type: 'doc', content: [p] }));
    expect(parts).toEqual(['有了“放心消费地图”，消费维权更便捷', '快速响应，“靶向治理”化解消费纠纷']);
    expect(plainText(pack.articles[0].body).split('\n')).toContain('本报记者　李　蕊');
    // (a 评论's 提要, clauses ending in no mark, its last line short: it ended there, no column cut it; it ran into the text)
    const summary = await page(['把“紧日子”过出“大智慧”', '曲哲涵', '', '善用制度优势凝聚共识，依托技术手段打破藩篱，在合', '作协同中挖掘存量潜能，正是应对挑战、激活发展动能', '的破局之道', '', '2025年1月，财政部依托预算管理一体化系统，建立全', '国资产调剂共享平台。', '', '当前，财政收支紧平衡已成常态，党政机关带头过紧', '日子。']);
    expect(plainText(summary.articles[0].body).split('\n').slice(0, 2)).toEqual(['善用制度优势凝聚共识，依托技术手段打破藩篱，在合作协同中挖掘存量潜能，正是应对挑战、激活发展动能的破局之道', '2025年1月，财政部依托预算管理一体化系统，建立全国资产调剂共享平台。']);
    // (a 提要 wrapped at 19 characters, three lines of clauses, was three title lines, and the writer over it a subhead)
    const wrapped = await page(['安居乐业路  越走越亮堂', '叶赛', '', '要真正让群众安居乐业，找到获得感和幸福', '感，建好“民生工程”的同时，还要建好', '“民心工程”', '', '傍晚，江西鹰潭贵溪市文坊镇花桥水利枢纽', '移民安置区的文化休闲广场上，广场舞的音', '乐声与孩子们的欢笑声交织。']);
    expect(wrapped.articles.map((a) => [a.headline, a.byline, plainText(a.body).split('\n')[0]])).toEqual([['安居乐业路 越走越亮堂', '叶赛', '要真正让群众安居乐业，找到获得感和幸福感，建好“民生工程”的同时，还要建好“民心工程”']]);
    // review: a 图片新闻 of a title and a credited caption is done, the indented title under it the next story's
    const picture = await page(['小城夏夜', '[图片]', '7月8日晚，市民在江西省南昌市八一广场纳凉。 张　伟摄', '　　乡村书屋里的读书声', '　　暑假以来，江西省吉安市永丰县的乡村书', '屋热闹起来。孩子们在这里读绘本、写作业。', '　　“书屋离家近，天天都想来。”五年级学生', '小李说。']);
    expect(picture.articles.map((a) => a.headline)).toEqual(['小城夏夜', '乡村书屋里的读书声']);
    // review: under a story's text, a line leading into someone's words and what he said over a byline are the story's end
    const said = await page(['致富路上笑声多', '', '合作社今年猕猴桃喜获丰收，亩产超过2000', '斤，社员人均增收8000元。', '', '说起今后的打算，合作社理事长张大山说——', '明年要把猕猴桃卖到全国各地去！', '本报记者 李　明', '', '[图片]', '7月6日，游客在湖北省武汉市东湖赏荷。 范昊天摄']);
    expect(said.articles[0].headline).toBe('致富路上笑声多');
    expect(plainText(said.articles[0].body)).toContain('明年要把猕猴桃卖到全国各地去！');
    // review: a labelled news item over one signed story is two stories; an editor's note keeps its labelled parts
    const two = await importFiles([file('01.txt', ['主题：我国首条跨海高铁开通运营', '', '7月8日，我国首条跨海高铁正式开通运营，福州至厦门最快55分钟可达。', '', '社区食堂开进家门口', '', '本报记者  李  蕊', '', '“在这里吃饭，比在家做还省心。”居民张大爷说。'])]);
    expect(two.articles.map((a) => a.headline)).toEqual(['我国首条跨海高铁开通运营', '社区食堂开进家门口']);
    const noted = await importFiles([file('02.txt', ['主题：从三家景区看“中国游”如何圈粉', '', '随着240小时过境免签政策实施，越来越多外国游客来华旅游。', '', '——编　者', '', '引题：上海青浦区朱家角古镇——', '主题：在江南水乡　寻文化之美', '本报记者　曹玲娟', '', '坐上手摇船，河道窄窄、水波荡漾。', '', '引题：陕西西安长安十二时辰主题街区——', '主题：入唐风景区　获沉浸体验', '本报记者　张丹华', '', '“每一秒都像在穿越时空。”来自英国的游客说。'])]);
    expect(noted.articles.map((a) => a.headline)).toEqual(['从三家景区看“中国游”如何圈粉']);
    // review: a surname past the commonest names an illustrator, not a three-character word under a title (行走天下⏎岳阳行)
    expect((await page(['行走天下', '岳阳行', '　　初夏时节，记者来到湖南岳阳，登岳阳楼、', '览洞庭湖，感受千年古城的新气象。', '　　岳阳楼下，游人如织。'])).articles.map((a) => [a.headline, a.byline])).toEqual([['岳阳行', '']]);
  });

  it('field test 51: on a page that sets its paragraphs in, a title line after two blank lines and a story\'s end opens the next story; 本报电（记者…） is a dateline', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const page = (lines: string[]) => importFiles([file('page.txt', ['2025年11月25日 星期二　人民日报　第6版 要闻', '', ...lines])]);
    // (河北曲阳 and its text ran into the story above, whose subheads made it read as one more)
    const parted = await page(['立足特色资源  做强富民产业', '本报记者 于洋', '　　湾里村地处渭北旱塬，过去村民靠天吃饭。', '　　小柿子撑起大产业', '　　如今，村里的柿饼远销海内外，成为富民的', '主导产业之一。', '　　湾里村的转变，是乡村产业振兴的生动实践。', '', '', '河北曲阳  匠心传承  非遗焕彩', '　　10月16日，在第十届中国国际版权博览会上，河北省', '保定市曲阳县的项目入选地方版权故事国际传播立项项目。', '　　传承非遗，守护历史瑰宝', '　　曲阳石雕始于汉、兴于唐，至今已有两千多年历史。']);
    expect(parted.articles.map((a) => a.headline)).toEqual(['立足特色资源 做强富民产业', '河北曲阳 匠心传承 非遗焕彩']);
    // (a dateline with no place or date: its title ran into the story above as a subhead)
    const dated = await page(['服务送到“家门口”', '本报记者 邓剑洋', '', '“我们将始终与西藏经济社会发展同频共振。”', '', '', '农业农村部部署国家乡村振兴示范县创建工作', '', '本报电  （记者郁静娴）近日，农业农村部印发《国家乡村振兴示范县创建工作方案》。', '', '方案明确，到2030年创建300个左右示范县。']);
    expect(dated.articles.map((a) => [a.headline, a.lead])).toEqual([['服务送到“家门口”', ''], ['农业农村部部署国家乡村振兴示范县创建工作', '本报电（记者郁静娴）']]);
  });

  it('field test 52: a header spacing its date and page number; a story ending （据新华社…电） ends; 新华社发 credits a caption; a 栏目 tail with a space; an opening quote pushed down', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const one = async (lines: string[]) => importFiles([file('page.txt', lines)]);
    const titles = (r: Awaited<ReturnType<typeof one>>) => r.articles.map((a) => [r.columnLinks.find((l) => l.articleId === a.id)?.columnName ?? '', a.kicker, a.headline, a.byline]);
    // (the header was read as the first story's headline, that story's title and writer as its subheads)
    const spaced = await one(['人民日报   2025 年 7 月 22 日   星期二   第 07 版   要闻', '', '', '从“迎客来”到“留客住”（编辑手记）', '卢涛', '', '夏避暑、冬避寒、春秋赏美景；泡温泉、', '做体检、体验中医药……康养旅居正成为', '文旅市场新时尚。', '', '各地纷纷推出康养旅居产品。']);
    expect(spaced.page.header).toMatchObject({ date: '2025-07-22', pageNumber: '7', section: '要闻' });
    expect(titles(spaced)).toEqual([['编辑手记', '', '从“迎客来”到“留客住”', '卢涛']]);
    // (the next story's titles and byline ran into the text above, its first paragraph read as its headline)
    const xinhua = await one(['人民日报   2025年7月22日   星期二   第07版   要闻', '', '', '包森：千里击强虏  剑吼长城东（铭记历史 缅怀先烈·抗日英雄）', '新华社记者 李浩', '', '[图片]', '包森像（资料照片）。 新华社发', '', '包森，原名赵宝森，又名赵寒，1911年7', '月生于陕西省蒲城县一个贫苦农民家庭。', '', '1932年加入中国共产党。他从青少年时期', '就积极参加反帝反封建活动。', '', '1937年，包森随八路军挺进冀东。', '', '1942年2月，包森在战斗中牺牲，年仅31岁。', '', '“家国担当”是包森用生命写就的家训。', '', '物换星移，精神不改。', '', '“那片跃动的红色，恰似英烈精神的薪火', '相传。”赵珂说。', '', '（据新华社西安7月18日电）', '', '', '宁夏吴忠仪表有限责任公司——', '小小阀门创新多（促进民营经济高质量发展）', '本报记者 焦思雨', '', '小小阀门，有多少品类？', '', '球阀、蝶阀、调节阀、轴流阀……走进位', '于宁夏回族自治区吴忠市的吴忠仪表有限', '责任公司智能车间，形态各异的阀门令人', '目不暇接。近年来，吴忠仪表加快推进数', '字化车间建设，建起了智能组装线等。', '“我们已实现全流程数字化管理。”常占东', '说。']);
    expect(titles(xinhua)).toEqual([
      ['铭记历史 缅怀先烈·抗日英雄', '', '包森：千里击强虏 剑吼长城东', '新华社记者 李浩'],
      ['促进民营经济高质量发展', '宁夏吴忠仪表有限责任公司——', '小小阀门创新多', '本报记者 焦思雨'],
    ]);
    expect(xinhua.imageLinks.map((l) => l.caption)).toEqual(['包森像（资料照片）。 新华社发']);
    expect(plainText(xinhua.articles[0].body).split('\n').at(-1)).toBe('（据新华社西安7月18日电）');
    // (a line one short of the wrap over an opening quote is wrapped so: the quote may not end a line)
    expect(plainText(xinhua.articles[1].body).split('\n').at(-1)).toMatch(/^球阀.*建起了智能组装线等。“我们已实现全流程数字化管理。”常占东说。$/u);
  });

  it('a paragraph a dash leads into the next, a blank line between them, stays apart (field test 50 P3, 52 N2: run into one as a column break)', async () => {
    const file = (lines: string[]) => ({ name: '01.txt', bytes: new TextEncoder().encode(lines.join('\n')) });
    const r = await importFiles([file(['主题：高原营长的进击之路', '记者：李龙伊', '', '夏日时节，海拔近3000米的某高原训练场上，一场红蓝对抗演练打响——', '', '两支步兵分队指挥无人机升空侦察，装甲车辆迅速机动。', '', '演练结束后，营长张灿灿组织复盘。'])]);
    expect(plainText(r.articles[0].body).split('\n')).toEqual(['夏日时节，海拔近3000米的某高原训练场上，一场红蓝对抗演练打响——', '两支步兵分队指挥无人机升空侦察，装甲车辆迅速机动。', '演练结束后，营长张灿灿组织复盘。']);
  });

  it('review of field test 52: a bare page number beside a 版名; a line running 人民网发 on into the next; a part or a division, a speaker or a place in brackets; a kicker with a part; a profile under one blank line; a paragraph one short over an opening quote where nothing else marks paragraphs', async () => {
    const one = async (lines: string[]) => importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(lines.join('\n')) }]);
    const titles = (r: Awaited<ReturnType<typeof one>>) => r.articles.map((a) => [r.columnLinks.find((l) => l.articleId === a.id)?.columnName ?? '', a.kicker, a.headline, a.byline]);
    // (the spaces closed up in a header ran A3 into 日照新闻: the header was lost)
    const bare = await one(['日照日报  2025年7月22日  星期二  A3  日照新闻', '', '', '万平口海滨迎来避暑客流高峰', '本报记者 刘海涛', '', '入伏以来，万平口海滨风景区日均接', '待游客超过八万人次。']);
    expect(bare.page.header).toMatchObject({ date: '2025-07-22', pageNumber: 'A3', section: '日照新闻' });
    // (a line ending 。人民网发 under a bare placeholder ran the story's text into a caption)
    const faqi = await one(['人民日报  2025年03月04日星期二  第06版  要闻', '', '两会热词里的民生期待', '本报记者 王洲', '[图片]', '全国两会召开在即，社会各界高度关注。', '日前，人民网两会调查结果揭晓。人民网发', '起的网上调查显示，社会保障、教育公', '平、住房保障等话题位居网民关注前列。']);
    expect(plainText(faqi.articles[0].body)).toContain('人民网发起的网上调查显示');
    expect(faqi.imageLinks.map((l) => l.caption ?? '')).toEqual(['']);
    const brackets = await one(['中国体育报  2025年07月22日星期二  第03版  综合', '', '全国青少年跳水锦标赛落幕（少年组）', '本报记者 李新华', '2025年全国青少年跳水锦标赛日前在', '广东省肇庆市落幕。', '', '“让每一滴水都发挥最大效益”（全国人大代表 李红梅）', '本报记者 孙 龙', '作为来自西北干旱地区的代表，李红', '梅今年带来了关于推广高效节水灌溉', '的建议。', '', '高质量发展调研行（山东篇）', '老工业基地跑出转型加速度', '本报记者 李蕊', '在山东省淄博市的一家化工企业，中', '控室的大屏上实时跳动着生产数据。']);
    expect(titles(brackets)).toEqual([
      ['', '', '全国青少年跳水锦标赛落幕（少年组）', '本报记者 李新华'],
      ['', '', '“让每一滴水都发挥最大效益”（全国人大代表 李红梅）', '本报记者 孙龙'],
      ['', '高质量发展调研行（山东篇）', '老工业基地跑出转型加速度', '本报记者 李蕊'],
    ]);
    // (a profile's title with the honour it names, the one profiled under it, after one blank line: a section, not a story)
    const profiles = await one(['人民日报   2025 年 4 月 30 日   星期三   第 06 版   社会', '', '', '他们用汗水书写精彩人生', '本报记者 李昌禹', '', '在今年的全国劳动模范和先进工作者', '表彰大会上，一批来自生产一线的劳', '动者受到表彰。', '', '焊花飞溅中的坚守（全国劳动模范）', '王建军', '', '走进车间，焊花飞溅，这位老焊工正', '带着徒弟练习仰焊。', '', '“干一行就要钻一行。”他说。', '', '如今，他最大的心愿是多带徒弟。']);
    expect(profiles.articles.map((a) => a.headline)).toEqual(['他们用汗水书写精彩人生']);
    // (no indent, no blank line: a paragraph ending one short over one opening with a quote ends there)
    const unmarked = await one(['人民日报  2025年07月22日星期二  第06版  经济', '', '小县城里的直播基地', '本报记者 王 浩', '在山东省曹县的一家电商直播基地，', '十几个直播间同时开播，主播们正在', '向网友推介汉服、木制品等特色产品。', '基地负责人介绍，基地去年直播销售', '额突破十亿元，带动周边两千多人就', '业，成为当地县域经济新增长点。', '“以前在外地打工，一年到头见不着', '孩子，现在在家门口当主播。”主播', '刘倩说。']);
    expect(plainText(unmarked.articles[0].body).split('\n').at(-1)).toBe('“以前在外地打工，一年到头见不着孩子，现在在家门口当主播。”主播刘倩说。');
  });

  const field52 = ['rmrb-20250722-p11', 'rmrb-20250722-p07', 'rmrb-20250610-p11', 'rmrb-20250610-p05', 'rmrb-20251120-p09'].map((name) => ({ name, ...(JSON.parse(readFileSync(join(root, 'tests/fixtures/import/ocr-pages', `${name}.expected.json`), 'utf8')) as { what: string; stories: Record<string, string>[] }) }));
  it.each(field52)('field tests 52 to 54, $name: $what', async ({ name, stories }) => {
    expect(await ocrPage(`${name}.txt`)).toEqual(stories.map((s) => [s.kicker, s.headline, s.deck, s.byline, s.column]));
  });

  it('field test 53: a page setting its paragraphs in with half-width spaces reads them so; a wrapped subhead and a speaker\'s colon end their paragraphs over one set in', async () => {
    const bodies = async (name: string) => (await importFiles([{ name, bytes: readFileSync(join(root, 'tests/fixtures/import/ocr-pages', name)) }])).articles.map((a) => plainText(a.body).split('\n'));
    const p11 = await bodies('rmrb-20250610-p11.txt');
    expect(p11.map((b) => b.length)).toEqual([36, 3, 8]);
    expect(p11[0].filter((p) => /^(一座书院|一堂大课|一个地标|肖永明|周秋光)/u.test(p))).toEqual(['一座书院——弦歌不绝赓续千年文脉', '肖永明（湖南大学岳麓书院院长、博士生导师）：', '一堂大课——革命旧址成为“红色教室”', '一个地标——文旅融合激发时代活力', '周秋光（湖南省湖湘文化研究会会长、湖南师范大学历史文化学院教授）：']);
  });

  it('review of field test 53: a place under a 栏目-tailed title is no writer; a column cut after a closing quote, its continuation set in, runs on; subheads centred with more spaces than the page sets paragraphs in stay subheads', async () => {
    const one = async (lines: string[]) => importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(lines.join('\n')) }]);
    // (那曲 was read as the writer of a 一线见闻)
    const place = await one(['人民日报  2025年6月14日  星期六  第07版  社会', '', '高原上的“菜篮子”（一线见闻）', '那曲', '　　海拔4500米以上，过去种不', '出蔬菜。如今，当地建起了智能温室，', '西红柿、黄瓜、生菜一应俱全。', '　　合作社负责人说，温室蔬菜不仅', '供应本地市场，还让牧民多了一份收', '入。']);
    expect(place.articles[0].byline).toBe('');
    // (推动“高效办成一件事”⏎⏎　　改革向纵深发展 was split at the column's foot)
    const cut = await one(['人民日报  2025年6月11日  星期三  第06版  要闻', '', '营商环境持续优化', '本报记者  刘  峰', '　　近年来，各地深入推进“放管', '服”改革，营商环境持续优化。', '　　今年以来，市里出台20条措施，', '推动“高效办成一件事”', '', '　　改革向纵深发展，企业开办时', '间压缩至1个工作日。', '　　一家外贸企业负责人说，现在', '办事基本不用跑腿。']);
    expect(plainText(cut.articles[0].body).split('\n')[1]).toBe('今年以来，市里出台20条措施，推动“高效办成一件事”改革向纵深发展，企业开办时间压缩至1个工作日。');
    // (three spaces centring a subhead on a page setting its paragraphs in with two: the subheads were read as paragraphs)
    const centred = await one(['人民日报  2025年6月10日  星期二  第11版  文化', '', '一江碧水向东流', '本报记者  程  远', '  今年以来，湖北宜昌持', '续推进长江岸线生态修复，', '昔日的砂石码头变成了滨江', '绿道。', '  清晨，市民沿着绿道跑', '步、骑行，江面上不时有江', '豚跃出水面。', '   绿道连起滨江', '  “小时候江边全是灰，', '现在空气好了，风景也美了。”', '市民张先生说。', '  当地累计腾退岸线20', '多公里，新增绿地面积30', '0多万平方米。', '   江豚回来了', '  下一步，宜昌将继续推', '进沿江化工企业关改搬转，', '让一江碧水浩荡东流。', '  岸线变绿了，产业也在', '升级。一批新能源、新材料', '企业在宜昌落户，为城市发', '展注入新动能。', '  江边的老码头如今成了', '网红打卡地，周末游客络绎', '不绝。', '   老码头变新景', '  一位在码头工作了三十', '年的老船工说，过去江边到', '处是砂堆，现在天天来散步。', '  宜昌还建立了长江岸线', '保护长效机制，实行河湖长', '制，守护好一江清水。', '  市民们说，这样的江景，', '看多少遍都不腻。']);
    const headings = centred.articles[0].body.content.filter((p) => p.type === 'heading').map((p) => plainText({ type: 'doc', content: [p] }));
    expect(headings).toEqual(['绿道连起滨江', '江豚回来了', '老码头变新景']);
    expect(plainText(centred.articles[0].body)).toContain('风景也美了。”市民张先生说。');
  });

  it('field test 54, a page that marks no paragraph: a subhead wrapped at the measure is one subhead between its paragraphs', async () => {
    const p09 = (await importFiles([{ name: 'p09.txt', bytes: readFileSync(join(root, 'tests/fixtures/import/ocr-pages', 'rmrb-20251120-p09.txt')) }])).articles[0];
    const headings = p09.body.content.filter((p) => p.type === 'heading').map((p) => plainText({ type: 'doc', content: [p] }));
    expect(headings).toEqual(['全球治理倡议为改革完善全球治理提供了时代方案', '全球治理倡议展现了新时代中国外交胸怀天下的格局担当', '全球治理倡议贯穿着马克思主义的立场观点方法']);
    expect(plainText(p09.body).split('\n').find((p) => p.includes('高度契合'))).toMatch(/高度契合。$/u);
  });

  it('field test 54: a party committee alone under a title is its writer, a subhead on party committees is none; on a page with no blank line, a title over one writer\'s name alone stays a subhead with the name under it', async () => {
    const page = (lines: string[]) => importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(['人民日报  2025年11月20日  星期四  第9版  理论', ...lines].join('\n')) }]);
    const signed = await page(['把握全球治理的正确方向', '国家发展改革委党组', '全球治理体系正处在深刻变革之中，我', '们要坚定维护多边主义。']);
    expect(signed.articles[0]).toMatchObject({ headline: '把握全球治理的正确方向', byline: '国家发展改革委党组' });
    const essay = ['习近平总书记强调，要压实管党治党', '政治责任。这是新时代党的建设的重', '要要求。', '压实各级党委', '各级党委要把从严治党责任扛在肩上，', '坚持以上率下，层层传导压力。', '王洪树', '同志在调研中说，责任落实是关键。', '我们要把这项工作抓实抓细抓到位。'];
    const one = await page(['把握全面从严治党的正确方向', '何华云', ...essay]);
    expect(one.articles.map((a) => [a.headline, a.byline])).toEqual([['把握全面从严治党的正确方向', '何华云']]);
    expect(plainText(one.articles[0].body)).not.toContain('压实各级党委各级');
  });

  it('review of field test 54: a wrapped line ending in a 党组, a list of party committees, two names a profile is about, a headline over its writer or over a dateline, a series\' label under a meeting\'s title (no 栏目), a question 副题 under its headline: each as before the rules', async () => {
    const page = async (lines: string[]) => (await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(lines.join('\n')) }])).articles;
    const titles = (a: Article) => [a.kicker, a.headline, a.deck, a.byline];
    const wrapped = await page(["人民日报  2025年11月20日  星期四  第2版  要闻", "生态环境部召开党组扩大会议", "本报北京11月19日电  （记者寇江泽）", "11月18日，生态环境部召开党组扩大会", "议，传达学习党的二十届四中全会精神，", "研究部署贯彻落实举措。会议指出，全", "会精神的落实有赖于生态环境部党组", "切实扛起政治责任，把思想和行动统一", "到党中央决策部署上来。", "会议强调，要持续深入打好蓝天、碧", "水、净土保卫战，加快发展方式绿色", "转型，以高品质生态环境支撑高质量", "发展。", "会议要求，各司局、各派出机构要结", "合实际抓好贯彻落实，确保全会精神", "在生态环境领域落地生根。"]);
    expect(wrapped.map(titles)).toEqual([['', '生态环境部召开党组扩大会议', '', '']]);
    expect(plainText(wrapped[0].body)).toContain('有赖于生态环境部党组切实扛起政治责任');
    const list = await page(["人民日报  2025年11月20日  星期四  第4版  要闻", "全国先进基层党组织拟表彰对象公示", "本报北京11月19日电  为隆重表彰先进，", "激励广大党员干部担当作为，经各地区各", "部门推荐，现将部分拟表彰的全国先进基", "层党组织名单予以公示。名单如下。", "中国人民银行上海总部党委", "国家税务总局深圳市税务局党委", "中国农业发展银行党委", "北京大学第一医院党委", "中国第一汽车集团公司党委", "浙江大学医学院党委", "公示期为5个工作日。如对公示对象有异", "议，可通过来信、来电等方式向中央组织", "部反映。"]);
    expect(list.map((a) => a.byline)).toEqual(['']);
    const profile = await page(["人民日报  2025年11月20日  星期四  第6版  教育", "扎根乡村的“最美教师”", "本报记者  吴  丹", "在贵州黔东南的大山深处，一批乡村", "教师坚守讲台，用爱心和责任托起山", "里孩子的希望。近日，记者走近其中", "几位，记录他们的故事。", "夫妻同守一所村小", "杨光明  吴秀兰", "杨光明、吴秀兰夫妇在雷山县一所村", "小任教已经二十年。学校只有他们两", "名老师，却承担着六个年级的全部课", "程。", "为了让孩子们吃上热乎饭，吴秀兰每", "天清晨五点就起床给学生做早餐。", "一个人的音乐课堂", "潘  云", "潘云是学校里唯一的音乐老师。她自", "费购买了电子琴和手鼓，带着孩子们", "组建了一支苗歌合唱队，还登上了县", "里的舞台。"]);
    expect(profile.map(titles)).toEqual([['', '扎根乡村的“最美教师”', '', '本报记者 吴丹']]);
    const meeting = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode((["人民日报  2025年11月20日  星期四  第4版  要闻", "省委常委会召开扩大会议", "深入学习贯彻党的二十届四中全会精神", "王建国主持并讲话", "本报杭州11月19日电  （记者窦皓）浙江", "省委常委会19日召开扩大会议，传达学习", "党的二十届四中全会精神，研究部署全省", "贯彻落实工作。", "会议指出，党的二十届四中全会是在我国", "进入全面建设社会主义现代化国家新征程", "关键时期召开的一次重要会议。全省各级", "党组织要把学习贯彻全会精神作为当前和", "今后一个时期的首要政治任务。"]).join('\n')) }]);
    // (a banner, a 引题 and a headline at both commits, a 组版 would say the meeting's 主题 and a 副题: the label under a title is no 栏目)
    expect(meeting.columnLinks).toEqual([]);
    expect(meeting.articles[0].kicker).toBe('深入学习贯彻党的二十届四中全会精神');
    const asked = await page(["人民日报  2025年11月20日  星期四  第14版  生态", "", "生态环境法典施行", "法典有哪些亮点，将如何影响百姓生活？", "本报记者  寇江泽", "", "11月1日起，生态环境法典正式施行。这是继", "民法典之后我国第二部以“法典”命名的法律，", "标志着我国生态环境法治建设迈上新台阶。", "生态环境法典共分为总则、污染防治、生态保", "护、绿色低碳发展、法律责任和附则等编，系", "统整合了现行生态环境领域的多部法律。", "专家表示，法典的施行将为美丽中国建设提供", "更加有力的法治保障，也将让群众切实感受到", "生态环境质量的持续改善。"]);
    expect(asked.map(titles)).toEqual([['', '生态环境法典施行', '法典有哪些亮点，将如何影响百姓生活？', '本报记者 寇江泽']]);
    const kicked = await page(["人民日报  2025年11月20日  星期四  第4版  要闻", "社区食堂开到家门口", "本报记者  王  浩", "今年以来，多地推进社区食堂建设，", "为老年人提供价廉物美的助餐服务，", "受到居民普遍欢迎。", "民政部有关负责人表示，将继续推动", "老年助餐服务扩面提质，让老年人吃", "得放心、吃得舒心。", "新质生产力加快培育新动能持续壮大", "工业经济稳中向好", "本报北京11月19日电  （记者刘志强）", "国家统计局19日发布数据，前三季度", "全国规模以上工业增加值同比增长百", "分之六，装备制造业和高技术制造业", "增势良好。", "国家统计局新闻发言人表示，工业生", "产稳中向好，新动能持续壮大，为全", "年经济平稳运行提供了有力支撑。"]);
    expect(kicked.map(titles)[1]).toEqual(['新质生产力加快培育新动能持续壮大', '工业经济稳中向好', '', '']);
    const signed = await page(["人民日报  2025年11月20日  星期四  第9版  理论", "思想纵横", "以钉钉子精神抓落实", "何建军", "抓落实是党的政治路线、思想路线、", "群众路线的根本要求。各级领导干部", "要树立正确政绩观，一张蓝图绘到底，", "一任接着一任干。", "要坚持实事求是，从实际出发谋划事", "业和工作，努力创造经得起实践和历", "史检验的业绩。", "以高水平对外开放促进深层次改革", "赵明远", "开放是中国式现代化的鲜明标识。要", "稳步扩大规则、规制、管理、标准等", "制度型开放，建设更高水平开放型经", "济新体制。", "要推动贸易和投资自由化便利化，营", "造市场化、法治化、国际化一流营商", "环境。"]);
    expect(signed.map((a) => a.headline)).not.toContain('以高水平对外开放促进深层次改革赵明远');
  });

  it('field test 52, a page that marks no paragraph: a line of short clauses alone between a sentence\'s end and a full line is a subhead; a line one short over an opening quote runs on', async () => {
    const bodies = async (name: string) => (await importFiles([{ name, bytes: readFileSync(join(root, 'tests/fixtures/import/ocr-pages', name)) }])).articles.map((a) => plainText(a.body).split('\n'));
    const p11 = await bodies('rmrb-20250722-p11.txt');
    expect(p11.map((b) => b.length)).toEqual([15, 3, 20]);
    expect(p11[2].filter((p) => /^(深入一线|凝聚共识|求真务实)/u.test(p))).toEqual(['深入一线，倾听企业诉求', '凝聚共识，营造良好环境', '求真务实，助力科学决策']);
    const p07 = await bodies('rmrb-20250722-p07.txt');
    expect(p07[2].find((p) => p.startsWith('近年来，吴忠仪表加快推进'))).toMatch(/加工中心等。“我们已实现‘下单即排产/u);
  });

  it('a Markdown title block typed as the first paragraph, a line a title, is read as the lines of a plain-text manuscript are (it ran into the first paragraph, or into one headline)', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const body = ['', '凌晨时分，新疆乌鲁木齐的雪场里，造雪机轰鸣。', '', '黄文勇和同事们一夜未眠。'];
    const titles = async (lines: string[]) => (await importFiles([file('a.md', [...lines, ...body])])).articles.map((a) => [a.kicker, a.headline, a.deck, a.byline, plainText(a.body).split('\n')[0]]);
    expect(await titles(['新疆乌鲁木齐造雪师黄文勇——', '“游客多，每晚都要及时补雪”', '本报记者　尚嵘峥'])).toEqual([['新疆乌鲁木齐造雪师黄文勇——', '“游客多，每晚都要及时补雪”', '', '本报记者 尚嵘峥', '凌晨时分，新疆乌鲁木齐的雪场里，造雪机轰鸣。']]);
    expect(await titles(['把太阳能电站“搬上天”', '段宝岩'])).toEqual([['', '把太阳能电站“搬上天”', '', '段宝岩', '凌晨时分，新疆乌鲁木齐的雪场里，造雪机轰鸣。']]);
    expect(await titles(['强国复兴有我　童心筑梦未来', '——“我和祖国一起成长”主题演出活动侧记'])).toEqual([['', '强国复兴有我　童心筑梦未来', '——“我和祖国一起成长”主题演出活动侧记', '', '凌晨时分，新疆乌鲁木齐的雪场里，造雪机轰鸣。']]);
    // (a first paragraph wrapped by hand stays one paragraph: it has its full stops)
    const wrapped = await importFiles([file('b.md', ['# 造雪师的一夜', '', '凌晨时分，新疆乌鲁木齐的雪场里，', '造雪机轰鸣。黄文勇和同事们', '一夜未眠。'])]);
    expect(plainText(wrapped.articles[0].body)).toBe('凌晨时分，新疆乌鲁木齐的雪场里，造雪机轰鸣。黄文勇和同事们一夜未眠。');
    const opening = await importFiles([file('c.md', ['凌晨时分，新疆乌鲁木齐的雪场里，', '造雪机轰鸣。黄文勇和同事们', '一夜未眠。', '', '天亮时，雪道已经铺好。'])]);
    expect(plainText(opening.articles[0].body).split('\n')[0]).toBe('凌晨时分，新疆乌鲁木齐的雪场里，造雪机轰鸣。黄文勇和同事们一夜未眠。');
  });

  it('review of field test 38: a 【】 line over decks alone is the headline; a subhead before a jump line stays one; a box label ending a story is no heading; a note to the desk or a date over a heading is no title', async () => {
    const file = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });
    const body = ['　　本报讯（记者王明）近日，记者来到南关街道。这里茶园连片，游客络绎不绝。', '　　当地村民说，日子越过越好。'];
    const titles = async (name: string, lines: string[]) => (await importFiles([file(name, lines)])).articles.map((a) => [a.kicker, a.headline, a.deck]);
    expect(await titles('a.txt', ['【北京，一座城市的温度】', '——南关街道打造就业服务站纪实', ...body])).toEqual([['', '【北京，一座城市的温度】', '——南关街道打造就业服务站纪实']]);
    expect(await titles('b.txt', ['【一座城市的温度】', '——南关街道打造就业服务站纪实', ...body])).toEqual([['', '【一座城市的温度】', '——南关街道打造就业服务站纪实']]);
    expect(await titles('c.txt', ['【提示：今冬明春，注意防寒保暖】', '南关街道打造就业服务站', ...body])).toEqual([['【提示：今冬明春，注意防寒保暖】', '南关街道打造就业服务站', '']]);
    const headings = (r: Awaited<ReturnType<typeof importFiles>>) => r.articles[0].body.content.filter((p) => p.type === 'heading').map((p) => (p.content ?? []).map((t) => ('text' in t ? t.text : '')).join(''));
    const jumped = await importFiles([file('d.txt', ['新昌茶园迎来采摘季', body[0], '茶园面积扩大', '　　今年茶园面积扩大了一倍，茶农收入显著提高。', '下一步打算', '　　（下转第三版）'])]);
    expect(headings(jumped)).toEqual(['茶园面积扩大', '下一步打算']);
    const boxed = await importFiles([file('e.md', ['# 这些劳务新品牌，你知道吗？', '', '本报记者 王明', '', '近日，记者来到长春市。这里的汽修师傅供不应求。', '', '延伸阅读'])]);
    expect(headings(boxed)).toEqual([]);
    const noted = await importFiles([file('f.md', ['栏目：经济观察', '', '字数：约1500字', '', '# 留住“烟火气”', '', '本报记者 王明', '', '近日，记者来到长春市。'])]);
    expect(noted.articles.map((a) => a.kicker)).not.toContain('字数：约1500字');
    const dated = await importFiles([file('g.md', ['第3版', '', '要闻', '', '# 这些劳务新品牌，你知道吗？', '', '近日，记者来到长春市。'])]);
    expect(dated.page.banners).toEqual([]);
  });

  it('a quotation signed under it with a dash (——浙江杭州顺丰小哥肖晨, ——摘自…) is a line of text of its own: no subhead, never run into the next paragraph, no unfinished last paragraph (field day G)', async () => {
    const paragraphs = (r: Awaited<ReturnType<typeof importFiles>>) => r.articles[0].body.content.map((p) => ({ type: p.type, text: (p.content ?? []).map((t) => ('text' in t ? t.text : '')).join('') }));
    const sign = (t: string) => ({ type: 'paragraph', text: t });
    // a copy-desk manuscript, a line a paragraph
    const desk = await importFiles([{ name: '01.txt', bytes: new TextEncoder().encode(['主题：小哥心里话', '', '我们的工作方便了市民，值得被尊重。', '', '——河北秦皇岛美团小哥徐鸿蛟', '', '我在陕西西安读大学，毕业后回老家做了快递员。', '', '——甘肃陇南顺丰快递员曾霞'].join('\n')) }]);
    expect(paragraphs(desk)).toEqual([sign('我们的工作方便了市民，值得被尊重。'), sign('——河北秦皇岛美团小哥徐鸿蛟'), sign('我在陕西西安读大学，毕业后回老家做了快递员。'), sign('——甘肃陇南顺丰快递员曾霞')]);
    expect((desk.report as ImportReport).guesses.map((g) => g.kind)).not.toContain('unterminated-paragraph');
    // an OCR'd page, hard-wrapped: the paragraph after a signature opens with no indent the importer could see
    const ocr = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(['城市里的小哥', '本报记者 杨彦', '　　我在陕西西安读大学，毕业后', '回老家做了快递员。', '——甘肃陇南顺丰快递员曾霞', '去年3月，城西银泰城广场这家小', '哥驿站建成后，我们有了歇脚的地方。', '——摘自《小哥心里话》'].join('\n')) }]);
    expect(paragraphs(ocr)).toEqual([sign('我在陕西西安读大学，毕业后回老家做了快递员。'), sign('——甘肃陇南顺丰快递员曾霞'), sign('去年3月，城西银泰城广场这家小哥驿站建成后，我们有了歇脚的地方。'), sign('——摘自《小哥心里话》')]);
    // a dash line under a paragraph that stops mid-sentence, or as long as a line of text, is no signature
    expect(signsQuotation('——甘肃陇南顺丰快递员曾霞', '许多人问我，为什么不留在大城市')).toBe(false);
    expect(signsQuotation('——这是小哥们在城市里闯关时最常遇到的难题之一也是最难解决的', '我们有了歇脚的地方。')).toBe(false);
    expect(signsQuotation('——甘肃陇南顺丰快递员曾霞', '我们有了歇脚的地方。')).toBe(true);
  });

  it('one story with a blank line between every two paragraphs keeps its one subhead near its end; a name alone under an unfinished paragraph stays text (field test 23)', async () => {
    const paras = ['记者近日走访了城西的几家社区食堂。', '食堂每天供应午餐和晚餐,老人凭卡就餐可享受优惠。', '一位老人说,饭菜可口,价格实惠,离家也近。', '社区负责人介绍,食堂的食材都从本地农场直接采购。', '今年,全区还将新建社区食堂二十家。', '下一步怎么走', '5月23日,区里召开推进会,部署下一步工作。', '会上,各街道交流了食堂运营的经验'];
    const one = await importFiles([{ name: 'a.txt', bytes: new TextEncoder().encode(['# 社区食堂暖人心', ...paras].join('\n\n')) }]);
    expect(one.articles).toHaveLength(1);
    expect(plainText(one.articles[0].body)).toContain('下一步怎么走');
    const unsigned = await importFiles([{ name: 'a.txt', bytes: new TextEncoder().encode(['# 社区食堂暖人心', ...paras, '陈向阳'].join('\n\n')) }]);
    expect(unsigned.articles[0].byline ?? '').toBe('');
  });

  it('a placeholder line right under a text line (no blank line between, as OCR gives it) is the placeholder, not text', async () => {
    const text = '# 标题\n\n近日，二期项目14栋楼全部封顶。\n[图片]\n\n该项目位于伊滨区。\n';
    const r = await importFiles([{ name: 'a.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.imageLinks).toEqual([{ imageId: r.images[0].id, articleId: r.articles[0].id, caption: '' }]);
    expect(plainText(r.articles[0].body)).not.toContain('图片');
  });
});

describe('line roles', () => {
  it('a bracket a line leaves open runs on into the next line: (梁静 摄影⏎报道） is no title, never printed as a headline (field test 17)', async () => {
    const text = ['简讯', '今日镇江讯 为了进一步普及消', '防安全知识,增强师生消防安', '全意识,掌握在火场中迅速逃生、', '自救、互救的基本技能。近日，中', '山路小学大禹山校区全校师生开', '展了消防演练活动。(梁静 摄影', '报道）', '本报通讯员 秦雪 报道 近日，', '在日照高新区高新社区举办的新', '春庙会活动上,志愿者向居民展', '示剪纸艺术。'].join('\n');
    const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.articles.map((a) => a.headline)).not.toContain('报道）');
    expect(r.articles.flatMap((a) => plainText(a.body).split('\n')).some((p) => p.endsWith('（梁静摄影报道）'))).toBe(true);
  });

  it('a credit with a slash (姬广武/文, 文/姬广武) under the titles is the byline, the ——副题 above it the deck (field test 17: both were subheads, the story headless)', async () => {
    const text = ['救死扶伤的陇上天使', '——“6·26”医疗队在甘肃', '姬广武/文', '2012年1月11日晚,“感动甘肃·2011', '十大陇人骄子”颁奖晚会在甘肃大剧院', '隆重举行,“6·26”甘肃医疗队荣膺', '“感动甘肃·2011十大陇人骄子”称号。'].join('\n');
    const [a] = (await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode(text) }])).articles;
    expect([a.headline, a.deck, a.byline]).toEqual(['救死扶伤的陇上天使', '——“6·26”医疗队在甘肃', '姬广武/文']);
    expect(bylineLine('文/姬广武')).toBe('文/姬广武');
  });

  it('bylines after a marker (□ 陈海波) and with the place filed from (記者袁鴻祥/基隆報導) stand alone, not glued to the headline', async () => {
    expect(bylineLine('□ 陈海波')).toBe('□ 陈海波');
    expect(bylineLine('■ 文/李明')).toBe('■ 文/李明');
    expect(bylineLine('記者袁鴻祥/基隆報導')).toBe('記者袁鴻祥/基隆報導');
    expect(bylineLine('□ 这是一句很长的正文，不是署名')).toBeUndefined();
    const r = await importFiles([{ name: 'marked.txt', bytes: new TextEncoder().encode('那些年，我的青春和晚报紧紧相连\n□ 陈海波\n\n三十载春秋流转，三十载笔墨传情。\n') }]);
    expect(r.articles[0]).toMatchObject({ headline: '那些年，我的青春和晚报紧紧相连', byline: '□ 陈海波' });
  });

  it('Traditional forms: a jump line (下轉A11版) and a picture placeholder (〔圖〕)', () => {
    expect(jumpAtStart('（下轉A11版）')).toMatchObject({ direction: 'to', text: '（下轉A11版）' });
    expect(imagePlaceholder('〔圖〕')).toEqual({ caption: '' });
    expect(imagePlaceholder('【圖片：王五 攝】')).toEqual({ caption: '王五 攝' });
  });

  it('credits', () => {
    expect(parseCredits('校对:王岚 组版:晓南')).toEqual({ fields: { proofreader: '王岚', layoutEditor: '晓南' }, labels: ['校对', '组版'] });
    expect(parseCredits('责任编辑：张三')?.fields).toEqual({ editor: '张三' });
    expect(parseCredits('校对工作很重要，要认真。')).toBeUndefined();
    // names spaced out, labels with no colon, another paper's labels, Traditional characters and colon
    expect(parseCredits('责任编辑:许 静 校对:韩 冰 组版:马 骏')?.fields).toEqual({ editor: '许静', proofreader: '韩冰', layoutEditor: '马骏' });
    expect(parseCredits('本版编辑 张三 美编 陈晨 校对 吴敏')?.fields).toEqual({ editor: '张三', layoutEditor: '陈晨', proofreader: '吴敏' });
    expect(parseCredits('責任編輯﹕王小明 校對﹕李大同')?.fields).toEqual({ editor: '王小明', proofreader: '李大同' });
    expect(parseCredits('编辑 张三 李四')?.fields).toEqual({ editor: '张三、李四' });
    expect(parseCredits('编辑部主任张三说')).toBeUndefined();
    expect(parseCredits('本报记者 张三 编辑 李四')).toBeUndefined();
  });

  it('bylines', () => {
    expect(bylineLine('洛报融媒记者 李三旺 通讯员 董洁')).toBe('洛报融媒记者 李三旺 通讯员 董洁');
    expect(bylineLine('张铁生 文/图')).toBe('张铁生 文/图');
    expect(bylineLine('聚焦乡村振兴促共享')).toBeUndefined();
    expect(bylineLine('记者')).toBeUndefined();
    expect(trailingByline('的社会 环境。 (郭洁琼 宋婉青)')).toEqual({ byline: '(郭洁琼 宋婉青)', length: 10 });
    expect(trailingByline('形势持续稳定。 张铁生 文/图')).toEqual({ byline: '张铁生 文/图', length: 8 });
    expect(trailingByline('政策宣讲。(如图)')).toBeUndefined();
    // a writer's name alone after the last stop: set apart by a space, or of three characters
    expect(trailingByline('提出合理化建议。 邵建均')).toEqual({ byline: '邵建均', length: 4 });
    expect(trailingByline('提出合理化建议。邵建均')).toEqual({ byline: '邵建均', length: 3 });
    expect(trailingByline('提出合理化建议。 王岚')).toEqual({ byline: '王岚', length: 3 });
    expect(trailingByline('项目成效显著。周边')).toBeUndefined();
  });

  it('leads, decks and split names', () => {
    expect(leadAtStart('本报讯 (洛报融媒记者 李雅君)昨日,市委')).toMatchObject({ agency: '本报讯', inner: '洛报融媒记者 李雅君', length: 16 });
    expect(leadAtStart('新华社北京1月15日电 记者')).toMatchObject({ agency: '新华社北京1月15日电' });
    expect(deckLine('-访市生态环境局党组书记')?.text).toBe('——访市生态环境局党组书记');
    expect(deckLine('访涧西区委书记')?.text).toBe('——访涧西区委书记');
    expect(rejoinSplitNames(['通讯员', '张宇', '欢', '李劲鸣']).tokens).toEqual(['通讯员', '张宇欢', '李劲鸣']);
    // a three-character name followed by a one-character token is left alone (it cannot be one name of five)
    expect(rejoinSplitNames(['李劲鸣', '欢']).tokens).toEqual(['李劲鸣', '欢']);
  });
});

describe('punctuation normalization (GB/T 15834)', () => {
  const norm = (s: string): { text: string; log: ChangeLog } => {
    const log = new ChangeLog('t');
    return { text: normalizePunctuationText(s, log), log };
  };

  it('half-width marks between Chinese characters become full-width', () => {
    expect(norm('施工,综保区;研发?好!').text).toBe('施工，综保区；研发？好！');
    // small form variants, as Traditional-Chinese text and some OCR set them
    expect(norm('區里﹐人文﹑特色﹔博覽會﹕登場﹖好﹗').text).toBe('區里，人文、特色；博覽會：登場？好！');
    expect(norm('校对:王岚').text).toBe('校对：王岚');
    expect(norm('公司(集团)成立').text).toBe('公司（集团）成立');
  });

  it('straight quotes pair into “…”, ‘…’', () => {
    expect(norm('坚持"项目为王",不断扩大').text).toBe('坚持“项目为王”，不断扩大');
    expect(norm("他说'好'。").text).toBe('他说‘好’。');
  });

  it('a straight quote paired with a curly one (OCR mixes them) is that pair\'s other half (field test 15: 开展"营商环境优化年” became ”营商…)', () => {
    expect(norm('作为推进高质量发展的"头号工程”,持续开展"营商环境优化年”等活动').text).toBe('作为推进高质量发展的“头号工程”，持续开展“营商环境优化年”等活动');
    expect(norm('营商环境,"优"无止境,“化"无尽时。').text).toBe('营商环境，“优”无止境，“化”无尽时。');
    expect(norm('“我们的简报传递社区正能量。"《福报》的编辑黄居凯介绍。社区组织志愿者送"福”上门。').text).toBe('“我们的简报传递社区正能量。”《福报》的编辑黄居凯介绍。社区组织志愿者送“福”上门。');
  });

  it('"..." becomes "……" and "--" becomes "——" in Chinese text', () => {
    expect(norm('已建至二层...当下').text).toBe('已建至二层……当下');
    expect(norm('创新成果--上榜').text).toBe('创新成果——上榜');
  });

  it('leaves Latin text, URLs and numbers alone', () => {
    for (const s of ['Hello, world! "Quoted" (aside) -- yes...', '圆周率约为3.14', '会议12:30开始', '共1,000元', '网址 https://example.com/a,b?c=1 见', "it's don't"]) {
      const { text } = norm(s);
      const keep = s.match(/3\.14|12:30|1,000|https:\/\/example\.com\/a,b\?c=1|Hello, world! "Quoted" \(aside\) -- yes\.\.\.|it's don't/)![0];
      expect(text, s).toContain(keep);
    }
  });

  it('counts every change and keeps a few examples', () => {
    const { log } = norm('一,二,三,四,五');
    const e = log.list().find((x) => x.from === ',')!;
    expect(e.count).toBe(4);
    expect(e.examples).toHaveLength(3);
    expect(e.examples[0]).toBe('一,二,三, → 一，二,三,');
  });

  it('is on by default for text and can be turned off', async () => {
    const bytes = new TextEncoder().encode('# 标题\n\n他说:"好".\n');
    const on = await importFiles([{ name: 'a.txt', bytes }]);
    const off = await importFiles([{ name: 'a.txt', bytes }], { normalizePunctuation: false });
    expect(plainText(on.articles[0].body)).toBe('他说：“好”.');
    expect(plainText(off.articles[0].body)).toBe('他说:"好".');
    expect((off.report as ImportReport).normalizations.filter((n) => n.kind === 'punctuation')).toEqual([]);
  });
});
