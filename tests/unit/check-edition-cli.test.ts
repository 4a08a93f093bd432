/**
 * `check EDITION.banmian` (issue 19 item 3, per edition): each page is checked as a page of its own
 * and prints its 差错率 over its own area; the edition's figure counts every page's errors over the
 * sum of their areas. Expected figures counted by hand.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { samplePage } from '../../bench/pages';
import { editionFromPage } from '../../src-core/edition/edition-file';
import type { EditionDocument } from '../../src-core/edition/edition';
import type { ArticleBlock } from '../../src-core/model/document';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { main } from '../../src-main/cli/index';
import { saveEditionFile } from '../../src-main/files/banmian-file';
import { pageStoreFromFile, serializePage } from '../../src-core/store/persist';
import { pageDocuments } from '../../src-core/edition/page-doc';
import { editionRates } from '../../src-core/proof/edition-rate';

const dir = mkdtempSync(join(tmpdir(), 'banmian-check-edition-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Page 1 the clean sample; page 2 (经济) one article with one 别字 (一股作气, 1 error). */
function edition(): EditionDocument {
  const ed = editionFromPage(samplePage());
  const first = ed.pages[0];
  const wrong = { ...ed.articles[1], id: 'p2-a', body: docFromParagraphs(['大家一股作气完成了任务。']) };
  const block = first.blocks.find((b): b is ArticleBlock => b.kind === 'article' && b.articleId === ed.articles[1].id)!;
  return {
    ...ed,
    articles: [...ed.articles, wrong],
    pages: [{ ...first, number: 1 }, { ...first, number: 2, name: '经济', articles: ['p2-a'], images: [], blocks: [{ ...block, id: 'p2-block', articleId: 'p2-a' }] }],
  };
}

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return { code: await main(['check', ...args]), out: lines.join('\n') };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

describe('check on an edition file', () => {
  const file = join(dir, 'day.banmian');
  const saved = saveEditionFile(file, edition());
  if (!saved.ok) throw new Error(saved.en);

  it("prints each page's 差错率 and the edition's", async () => {
    const before = readFileSync(file);
    const { code, out } = await run(file);
    expect(code).toBe(1);
    // The sample's area is 111 × 122 = 13,542 characters (error-rate.test.ts); page 2 has the same settings.
    expect(out).toMatch(/第1版[^\n]*：差错 0 个 ÷ 版面字数 13542 字，差错率万分之 0\.00，合格/);
    // 1 ÷ 13,542 × 10,000 = 0.738…
    expect(out).toMatch(/第2版 经济：差错 1 个 ÷ 版面字数 13542 字，差错率万分之 0\.74，合格/);
    // the edition: 1 ÷ 27,084 × 10,000 = 0.369…
    expect(out).toMatch(/差错 1 个 ÷ 版面字数 27084 字：差错率万分之 0\.37，合格/);
    expect(readFileSync(file)).toEqual(before);
  });

  it('counts as the app counts an edition (editionRates, the overview)', () => {
    const rates = editionRates(pageDocuments(edition()).map(({ number, document }) => ({ number, doc: document })));
    expect(rates.pages.map((p) => [p.number, p.rate.errors, p.rate.characters])).toEqual([
      [1, 0, 13_542],
      [2, 1, 13_542],
    ]);
    expect(rates.edition).toMatchObject({ errors: 1, characters: 27_084, pass: true });
    expect(rates.edition.per10k).toBeCloseTo(0.3692, 4);
  });

  it('--json lists the pages with their rates, the figures the app shows', async () => {
    const { out } = await run(file, '--json');
    const r = JSON.parse(out) as { rate: { errors: number; characters: number }; pages: { label: string; rate: { errors: number; characters: number } }[] };
    const app = editionRates(pageDocuments(edition()).map(({ number, document }) => ({ number, doc: document })));
    expect(r.pages.map((p) => p.rate)).toEqual(app.pages.map((p) => p.rate));
    expect(r.rate).toEqual(app.edition);
    expect(r.rate).toMatchObject({ errors: 1, characters: 27_084 });
    expect(r.pages.map((p) => [p.label.slice(0, 3), p.rate.errors, p.rate.characters])).toEqual([
      ['第1版', 0, 13_542],
      ['第2版', 1, 13_542],
    ]);
  });
});

describe('check on a page file that kept its dismissals and corrections', () => {
  it('leaves out what the 校对 dismissed and lists the saved corrections as 已自动改正', async () => {
    const doc = samplePage();
    const id = doc.articles[1].id;
    doc.articles[1] = { ...doc.articles[1], body: docFromParagraphs(['公司名叫按装科技，大家一股作气，今年“先民生后提升”。']) };
    const file = join(dir, 'kept.banmian');
    const { store } = pageStoreFromFile(doc);
    store.apply({ kind: 'dismissFinding', articleId: id, finding: { rule: 'wrong-word', text: '按装' } });
    store.apply({ kind: 'recordCorrections', articleId: id, corrections: [{ kind: 'quotes', from: '"', to: '“', articleId: id, field: 'body', text: '今年“先民生后提升”。', offset: 2 }] });
    writeFileSync(file, serializePage(store));
    const r = JSON.parse((await run(file, '--json')).out) as { errors: number; corrected: number; findings: { rule: string; severity: string; excerpt: string }[] };
    const words = r.findings.filter((f) => f.rule === 'wrong-word').map((f) => f.excerpt.match(/【(.*)】/)![1]);
    // 按装 dismissed; 一股作气 still found (1 error)
    expect(words).toEqual(['一股作气']);
    expect(r.errors).toBe(1);
    expect(r.corrected).toBe(1);
    expect(r.findings.filter((f) => f.severity === 'corrected').map((f) => f.excerpt)).toEqual([expect.stringContaining('【“】先民生')]);
  });
});

describe('consistency across the pages of an edition (issue 19 item 2)', () => {
  /** (not 2026: the 版头 prints the date, 2026年…, on every page.) Page 1: 2035年 and 书记谢峰 (twice); page 2: 二〇三五年 and 书记谢锋 (once); nothing two ways on one page. */
  function twoWays(): EditionDocument {
    const ed = edition();
    const [a1, a2] = [ed.articles[1], ed.articles.find((a) => a.id === 'p2-a')!];
    const one = { ...a1, headline: '城区更新', body: docFromParagraphs(['2035年全市投资增长。', '区委书记谢峰说，要抓项目。', '区委书记谢峰表示，要抓落实。']) };
    const two = { ...a2, headline: '经济观察', body: docFromParagraphs(['二〇三五年是关键一年。', '区委书记谢锋指出，要抓落实。']) };
    return { ...ed, articles: ed.articles.map((a) => (a.id === one.id ? one : a.id === two.id ? two : a)) };
  }

  it('finds a figure and a name written two ways on two pages, each finding naming both places', async () => {
    const file = join(dir, 'two-ways.banmian');
    const saved = saveEditionFile(file, twoWays());
    if (!saved.ok) throw new Error(saved.en);
    const r = JSON.parse((await run(file, '--json')).out) as { errors: number; findings: { rule: string; severity: string; excerpt: string; zh: string; articleId: string }[] };
    const pick = (rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => [f.articleId, f.excerpt.match(/【(.*)】/)![1]]);
    const [a1, a2] = [twoWays().articles[1].id, 'p2-a'];
    expect(pick('number-two-ways')).toEqual([
      [a1, '2035年'],
      [a2, '二〇三五年'],
    ]);
    // the rarer spelling (谢锋, once against twice) is the suspect one
    expect(pick('name-two-ways')).toEqual([[a2, '谢锋']]);
    const year = r.findings.find((f) => f.rule === 'number-two-ways' && f.articleId === a1)!;
    expect(year.zh).toContain('第1版 要闻《城区更新》作“2035年”');
    expect(year.zh).toContain('第2版 经济《经济观察》作“二〇三五年”');
    expect(r.findings.find((f) => f.rule === 'name-two-ways')!.zh).toContain('第1版 要闻《城区更新》作“谢峰”');
    // warnings: the rate counts the page's one 别字 only (一股作气 is gone with the new body), so nothing
    expect(r.findings.filter((f) => f.rule.includes('two-ways')).every((f) => f.severity === 'warning')).toBe(true);
  });

  it('leaves a pair on one page to the page rule (one finding a place)', async () => {
    const ed = twoWays();
    const file = join(dir, 'same-page.banmian');
    const a1 = ed.articles[1];
    const both = { ...ed, articles: ed.articles.map((a) => (a.id === a1.id ? { ...a, body: docFromParagraphs(['2035年全市投资增长。', '二〇三五年是关键一年。']) } : a)) };
    const saved = saveEditionFile(file, both);
    if (!saved.ok) throw new Error(saved.en);
    const r = JSON.parse((await run(file, '--json')).out) as { findings: { rule: string; excerpt: string; paragraph: number; articleId: string; zh: string }[] };
    const found = r.findings.filter((f) => f.rule === 'number-two-ways').map((f) => `${f.articleId}:${f.paragraph}:${f.excerpt.match(/【(.*)】/)![1]}`);
    expect(found.length).toBe(new Set(found).size);
    // page 1 has both ways: its two places are the page rule's; page 2's 二〇三五年 is named against page 1's 2035年
    expect(found).toEqual([`${a1.id}:0:2035年`, `${a1.id}:1:二〇三五年`, 'p2-a:0:二〇三五年']);
  });
});
