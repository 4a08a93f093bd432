/**
 * Issue 19 item 5: banned and regulated expressions, traditional and variant characters mixed into
 * simplified text, and a paper's house lists (its own words, dismissed findings, its own banned list).
 */
import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { checkDocument, checkText } from '../../src-core/proof/checks';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { bannedEntries } from '../../src-core/proof/rules/banned.data';
import { NO_HOUSE_LISTS, applyHouseLists, parseHouseLists, type HouseLists } from '../../src-core/proof/rules/house-lists';

const found = (text: string, rule: string): [string, string | undefined][] =>
  checkText(text)
    .filter((f) => f.rule === rule)
    .map((f) => [text.slice(f.offset, f.offset + f.length), f.fix]);

describe('banned and regulated expressions', () => {
  it('flags an expression of the default list with its preferred form and source, as a warning that weighs nothing', () => {
    const [f] = checkText('代表团访问北朝鲜。').filter((x) => x.rule === 'banned-expression');
    expect([f.offset, f.length, f.fix, f.severity, f.weight]).toEqual([5, 3, '朝鲜', 'warning', 0]);
    expect(f.zh).toContain('新华社');
    expect(found('这款药药到病除。', 'banned-expression')).toEqual([['药到病除', undefined]]);
    expect(found('两岸三地的交流', 'banned-expression')).toEqual([['两岸三地', '海峡两岸和香港']]);
  });

  it('every default entry has a source, and none is listed twice', () => {
    const entries = bannedEntries();
    expect(entries.length).toBeGreaterThanOrEqual(30);
    for (const e of entries) expect(e.source, e.expression).toMatch(/新华社/);
    expect(new Set(entries.map((e) => e.expression)).size).toBe(entries.length);
  });
});

describe('simplified and traditional mixed', () => {
  it('flags traditional characters (error) and variant forms (warning) in simplified text, with the standard form', () => {
    expect(found('我们的國家', 'traditional-character')).toEqual([['國', '国']]);
    expect(found('会議在这里召开', 'traditional-character')).toEqual([['議', '议']]);
    expect(found('登上山峯远望', 'variant-character')).toEqual([['峯', '峰']]);
    const [t] = checkText('我们的國家').filter((f) => f.rule === 'traditional-character');
    expect([t.severity, t.weight]).toEqual(['error', 1]);
  });

  it('leaves a paragraph written wholly in traditional characters, and standard characters that look traditional, alone', () => {
    expect(checkText('這是國立臺灣大學。').filter((f) => f.rule === 'traditional-character')).toEqual([]);
    expect(found('乾坤朗朗，著名作家瞭望远方，覆盖全国', 'traditional-character')).toEqual([]);
  });
});

describe('house lists', () => {
  const doc = samplePage();
  const article = { ...doc.articles[1], body: docFromParagraphs(['他发表了一幅对联，截止目前已在北朝鲜展出。', '公司名叫按装科技，会议在國际厅召开。']) };
  const findings = checkDocument({ articles: [article] }).findings;
  const apply = (lists: Partial<HouseLists>) => applyHouseLists([article], findings, { ...NO_HOUSE_LISTS, ...lists }).map((f) => `${f.rule} ${f.excerpt.match(/【(.*)】/)![1]}`).sort();
  const ours = ['wrong-word', 'confusable-word', 'banned-expression', 'traditional-character'];
  const without = apply({}).filter((s) => ours.includes(s.split(' ')[0]));

  it('finds what the house lists then take away', () => {
    expect(without).toEqual(['banned-expression 北朝鲜', 'confusable-word 截止', 'traditional-character 國', 'wrong-word 一幅对联', 'wrong-word 按装'].sort());
  });

  it('a house word silences the word rules inside it; a dismissed finding (rule + text) stays dismissed', () => {
    const after = apply({ words: ['按装科技', '國际厅'], ignore: [{ rule: 'confusable-word', text: '截止' }] }).filter((s) => ours.includes(s.split(' ')[0]));
    expect(after).toEqual(['banned-expression 北朝鲜', 'wrong-word 一幅对联']);
  });

  it("adds the paper's own banned expressions, can turn the default list off, and its own entry replaces the default's", () => {
    const own = apply({ banned: [{ expression: '一幅对联', preferred: '一副对联' }, { expression: '北朝鲜', preferred: '朝鲜民主主义人民共和国' }], defaultBanned: true });
    expect(own.filter((s) => s.startsWith('banned-expression'))).toEqual(['banned-expression 一幅对联', 'banned-expression 北朝鲜']);
    const lists = { ...NO_HOUSE_LISTS, banned: [{ expression: '北朝鲜', preferred: '朝鲜民主主义人民共和国' }] };
    const fixes = applyHouseLists([article], findings, lists).filter((f) => f.rule === 'banned-expression').map((f) => f.fix);
    expect(fixes).toEqual(['朝鲜民主主义人民共和国']);
    expect(apply({ defaultBanned: false }).filter((s) => s.startsWith('banned-expression'))).toEqual([]);
  });

  it('reads a house-list file, and refuses a wrong one naming the file and the field, zh and en', () => {
    const ok = parseHouseLists(JSON.stringify({ words: ['按装科技'], ignore: [{ rule: 'wrong-word', text: '按装' }], banned: [{ expression: '老板', preferred: '负责人' }] }), 'house.json');
    expect(ok).toEqual({ ok: true, lists: { words: ['按装科技'], ignore: [{ rule: 'wrong-word', text: '按装' }], banned: [{ expression: '老板', preferred: '负责人' }], defaultBanned: true } });
    const bad = (text: string) => {
      const r = parseHouseLists(text, 'house.json');
      return r.ok ? 'ok' : `${r.zh} | ${r.en}`;
    };
    expect(bad('{"words": [')).toMatch(/^本报词表 house\.json：不是有效的 JSON.*\| house lists house\.json: not valid JSON/);
    expect(bad('{"word": []}')).toBe('本报词表 house.json：未知字段“word”（可用：words、ignore、banned、defaultBanned） | house lists house.json: unknown field "word" (known: words, ignore, banned, defaultBanned)');
    expect(bad('{"ignore": [{"rule": "wrong-word"}]}')).toMatch(/ignore 第 1 条格式不对.*ignore entry 1 is malformed/);
    expect(bad('{"words": "按装"}')).toMatch(/words 应为数组.*words must be an array/);
    expect(bad(`{"words": [${'"词",'.repeat(20_001)}"词"]}`)).toMatch(/条目过多.*too many entries/);
    expect(bad('[]')).toMatch(/应为一个对象/);
  });
});
