import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { applyFix, checkDocument, checkText } from '../../src-core/proof/checks';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { RULE_NAMES } from '../../src-core/proof/rules';

const read = (path: string): string => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
const ours = new Set<string>(RULE_NAMES);
/** Findings of one rule, as [the text found, the fix]. */
const found = (text: string, rule: string): [string, string | undefined][] =>
  checkText(text)
    .filter((f) => f.rule === rule)
    .map((f) => [text.slice(f.offset, f.offset + f.length), f.fix]);
const fixed = (text: string, rule: string): string =>
  checkText(text)
    .filter((f) => f.rule === rule)
    .reverse()
    .reduce((t, f) => applyFix(t, f), text);

/** [rule, text that must be reported, text that must not]. */
const CASES: [string, string[], string[]][] = [
  ['repeated-punctuation', ['会议结束了。。', '一是规划，，二是建设', '北京、、上海', '太好了！！！！', '真的吗？？？？？'], ['太好了！！', '真的吗？？', '如火如荼。。。（省略号另有规则）', '他说：“走。”', '太好了！！！', '真的吗？？？', '真的吗？！']],
  ['adjacent-punctuation', ['任务完成，。', '北京、，上海', '共三项；。'], ['真的吗？！', '他说：“好。”', '是吗？”他问。']],
  ['rough-number-comma', ['来了三、四十人', '每天五、六个小时', '七、八岁的孩子', '还有十七、八公里', '三十七、八岁'], ['第十七、八章', '第三、四季度', '第五、六章', '一、二、三等奖', '三、五个人', '星期三、四']],
  ['approximate-twice', ['约500人左右', '大约3万元左右', '约三、四十人左右'], ['约500人', '500人左右', '约束左右两侧', '约三人、左右两侧']],
  ['confusable-word', ['截止2025年底', '截止目前，已完成', '要认真的落实', '必须扎实的推进', '做为一名党员', '以经完成', '2024年已来', '好象', '就象一座山一样', '启用年轻干部', '起用新航站楼', '新航站楼正式起用。', '正再加快建设', '他在次出现在赛场', '日子变的越来越好', '夜里显的格外安静', '这件事值的一提', '取的了显著成效', '孩子们懂的感恩', '我觉的非常好', '认真的落实各项措施', '会上强调，扎实的推进好工作'], ['截止日期', '截止到2025年底', '截至2025年底', '得到认真的落实', '离不开大家积极的参与', '多做为民实事', '以经济建设为中心', '已来到现场', '形象一样', '启用新航站楼', '起用年轻干部', '新平台起用新人', '大楼物业起用为经理', '存在次生灾害', '现在次要', '这就象征着和平一样', '更正再发布', '对其价值的肯定', '效果明显的很多', '选取的重大项目', '不断演变的更加复杂的局面', '认真的落实是关键', '，积极的参与让大家受益']],
  ['numeral-in-word', ['推进1带1路建设', '1定要注意', '来自4面8方'], ['第1定位', '共11些', '一带一路']],
  ['number-range', ['增长15～30%', '投资13-17万元', '9～16亿'], ['增长15%～30%', '13万～17万元', '第3-5页', 'A5-10%']],
  ['abbreviated-year', ['26年3月', '24年度计划'], ['建厂15年来', '26年3个月', '2026年3月']],
  ['halfwidth-punctuation', ['工作顺利完成.', '任务完成.下一步', '工期3~5天', '1998年~2000年'], ['版本1.2发布', 'www.example.com', 'Mr. Wang', '见 http://example.com/~user 页', 'x~y', '工期3～5天']],
  ['mismatched-pair', ['又读《红楼梦〉。', '他说：“大家都说‘好’。’', '见（附件〕', '他说：「好”。'], ['又读《红楼梦》。', '他说：“大家都说‘好’。”', '《论〈实践论〉》', '见（附件）']],
  ['mixed-numeral', ['增长百分之30', '二0二六年', '二○二五年', '二〇二O年'], ['增长百分之三十', '增长30%', '二〇二六年', '2026年', '百分之三十至40%']],
];

describe('issue 19 proofreading rules', () => {
  for (const [rule, hits, misses] of CASES) {
    for (const text of hits) it(`${rule} finds ${text}`, () => expect(found(text, rule)).not.toEqual([]));
    for (const text of misses) it(`${rule} leaves ${text} alone`, () => expect(found(text, rule)).toEqual([]));
  }

  it('fixes what is certain, exactly', () => {
    expect(fixed('会议结束了。。', 'repeated-punctuation')).toBe('会议结束了。');
    expect(fixed('太好了！！！！真的吗？？？？？', 'repeated-punctuation')).toBe('太好了！！！真的吗？？？');
    expect(fixed('来了三、四十人', 'rough-number-comma')).toBe('来了三四十人');
    expect(fixed('截止2025年底，要认真的落实。', 'confusable-word')).toBe('截至2025年底，要认真地落实。');
    expect(fixed('启用年轻干部，起用新航站楼', 'confusable-word')).toBe('起用年轻干部，启用新航站楼');
    expect(fixed('日子变的越来越好，取的了成效', 'confusable-word')).toBe('日子变得越来越好，取得了成效');
    expect(fixed('推进1带1路建设', 'numeral-in-word')).toBe('推进一带一路建设');
    expect(fixed('增长15～30%，投资13-17万元', 'number-range')).toBe('增长15%～30%，投资13万-17万元');
    expect(found('工作顺利完成.', 'halfwidth-punctuation')).toEqual([['.', '。']]);
    expect(found('工期3~5天', 'halfwidth-punctuation')).toEqual([['~', '～']]);
    // one wrong mark of a pair is one finding with its fix, not an unclosed 《 and an unopened 〉
    expect(fixed('又读《红楼梦〉，他说：“好’。', 'mismatched-pair')).toBe('又读《红楼梦》，他说：“好”。');
    expect(found('又读《红楼梦〉，他说：“好’。', 'unpaired-mark')).toEqual([]);
    expect(fixed('增长百分之30，二0二六年、二○二五年', 'mixed-numeral')).toBe('增长30%，二〇二六年、二〇二五年');
  });

  it('reports one way of grouping digits per page, the less used way', () => {
    const doc = samplePage();
    const a = { ...doc.articles[1], body: docFromParagraphs(['投资12,500万元，产值36,000万元。', '利税13800万元。']) };
    const fs = checkDocument({ articles: [a] }).findings.filter((f) => f.rule === 'mixed-digit-grouping');
    expect(fs.map((f) => [f.paragraph, f.excerpt])).toEqual([[1, '利税【13800】万元。']]);
    const same = { ...a, body: docFromParagraphs(['投资12,500万元。', '利税13,800万元，电话0379-63212345。']) };
    expect(checkDocument({ articles: [same] }).findings.filter((f) => f.rule === 'mixed-digit-grouping')).toEqual([]);
  });

  it('asks to confirm a name written two ways on a page, the rarer spelling, as a warning that weighs nothing', () => {
    const doc = samplePage();
    const a = { ...doc.articles[1], body: docFromParagraphs(['区委书记谢峰在接受专访时说，要抓项目。', '区委书记谢锋表示，将继续努力。', '区委书记谢峰指出，要抓落实。']) };
    const fs = checkDocument({ articles: [a] }).findings.filter((f) => f.rule === 'name-two-ways');
    expect(fs.map((f) => [f.paragraph, f.offset, f.length, f.severity, f.weight, f.zh])).toEqual([[1, 4, 2, 'warning', 0, '本版人名写法不一：“谢锋”与“谢峰”，请核对']]);
    // Names taken only between a title and a word that ends a name: 谢峰在 and 谢峰说 are one name.
    const b = { ...a, body: docFromParagraphs(['区委书记谢峰在接受专访时说。', '区委书记谢峰说，要抓落实。', '记者王刚、记者王钢报道。']) };
    expect(checkDocument({ articles: [b] }).findings.filter((f) => f.rule === 'name-two-ways').map((f) => [f.paragraph, f.offset])).toEqual([[2, 2], [2, 7]]);
  });

  it('raises no false alarm on the sample page or on clean 《人民日报》 copy', () => {
    const page = checkDocument(samplePage()).findings.filter((f) => ours.has(f.rule) || f.fix === '。');
    expect(page.map((f) => `${f.rule} ${f.excerpt}`)).toEqual([]);
    const lines = read('../fixtures/proof/clean/renmin-ribao-1998.txt').split('\n');
    expect(lines.join('').length).toBeGreaterThan(39_000);
    const news = lines.flatMap((l) => checkText(l).filter((f) => ours.has(f.rule) || f.fix === '。').map((f) => `${f.rule} ${f.excerpt}`));
    expect(news).toEqual([]);
  });
});
