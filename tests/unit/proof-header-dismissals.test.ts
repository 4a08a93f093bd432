/**
 * Issue 19, header findings dismissable: a finding in the 报头 (masthead) or 版头 (running head)
 * belongs to no article; 忽略 keeps its dismissal with the page (the layout document; the file's
 * `proof.header.dismissed`), and the 差错率 counts without it wherever the page's rate is counted:
 * the panel and the 校样 (checkPage), the edition overview (editionRates). Figures counted by hand.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { editionFromPage } from '../../src-core/edition/edition-file';
import { main } from '../../src-main/cli/index';
import { saveEditionFile } from '../../src-main/files/banmian-file';
import { samplePage } from '../../bench/pages';
import type { BanmianDocument, PageSettings } from '../../src-core/model/document';
import { parseDocument } from '../../src-core/model/serialize';
import { PAGE_HEADER_ID } from '../../src-core/model/proof';
import { editionRates } from '../../src-core/proof/edition-rate';
import { checkPage } from '../../src-core/proof/page-check';
import { dismissalsOf, pageStoreFromFile, readProofState, serializePage } from '../../src-core/store/persist';
import { headerDismissals } from '../../src-core/store/readers';

/** The sample page with 的的 in its masthead (1 × 2 = 2 counted errors) and nothing else wrong in its header. */
function page(): BanmianDocument {
  const doc = samplePage();
  const p: PageSettings = { ...doc.page, header: { ...doc.page.header, height: 40, paperName: '洛阳的的日报', section: '经济', pageNumber: '03', date: '2026-12-03' } };
  return { ...doc, page: p };
}
const masthead = { rule: 'doubled-character', text: '的的' };
const headerErrors = (doc: BanmianDocument, dismissed: Map<string, { rule: string; text: string }[]>) => checkPage(doc, dismissed).findings.filter((f) => f.articleId === PAGE_HEADER_ID && f.severity === 'error');

describe('a header finding is dismissed with the page', () => {
  it('the store keeps the dismissal in the page, the check and its 差错率 leave it out', () => {
    const doc = page();
    const before = checkPage(doc, new Map());
    expect(headerErrors(doc, new Map()).map((f) => [f.field, f.rule])).toEqual([['masthead', 'doubled-character']]);
    const { store } = pageStoreFromFile(doc);
    store.apply({ kind: 'dismissFinding', articleId: PAGE_HEADER_ID, finding: masthead });
    expect(headerDismissals(store.layoutDoc)).toEqual([masthead]);
    const dismissed = new Map([[PAGE_HEADER_ID, headerDismissals(store.layoutDoc)]]);
    expect(headerErrors(doc, dismissed)).toEqual([]);
    // the masthead's 的的 counted twice (a title's place): 2 errors fewer
    expect(checkPage(doc, dismissed).rate.errors).toBeCloseTo(before.rate.errors - 2, 9);
  });

  it('is saved as proof.header.dismissed and read back when the page is reopened', () => {
    const { store } = pageStoreFromFile(page());
    store.apply({ kind: 'dismissFinding', articleId: PAGE_HEADER_ID, finding: masthead });
    const text = serializePage(store);
    expect((JSON.parse(text) as { proof: { header: unknown } }).proof.header).toEqual({ dismissed: [masthead] });
    const parsed = parseDocument(text);
    if (!parsed.ok) throw new Error(parsed.en);
    const again = pageStoreFromFile(parsed.document);
    expect(again.dropped).toBe(0);
    expect(headerDismissals(again.store.layoutDoc)).toEqual([masthead]);
    expect(dismissalsOf(readProofState(JSON.parse(text).proof).state)).toEqual(new Map([[PAGE_HEADER_ID, [masthead]]]));
    // a damaged header entry is dropped and counted, like an article's
    expect(readProofState({ header: { dismissed: [masthead, { rule: 1 }] } })).toMatchObject({ dropped: 1, state: { header: { dismissed: [masthead] } } });
  });

  it('the edition overview counts each page with its own header’s dismissals only', () => {
    const doc = page();
    const saved = new Map([[PAGE_HEADER_ID, [masthead]]]);
    const rates = editionRates([
      { number: 1, doc, dismissed: saved },
      { number: 2, doc },
    ]);
    expect(rates.pages[0].rate.errors).toBeCloseTo(checkPage(doc, saved).rate.errors, 9);
    // page 2 prints the same masthead, undismissed there: its 的的 still counts
    expect(rates.pages[1].rate.errors).toBeCloseTo(checkPage(doc, new Map()).rate.errors, 9);
    expect(rates.pages[1].rate.errors - rates.pages[0].rate.errors).toBeCloseTo(2, 9);
  });
});

describe('check counts a page file\'s and an edition page\'s header dismissals as the app does', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-header-dismissals-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  async function errors(file: string): Promise<number[]> {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await main(['check', file, '--json']);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
    const r = JSON.parse(lines.join('\n')) as { findings: { articleId: string; severity: string }[] };
    return [r.findings.filter((f) => f.articleId.startsWith(PAGE_HEADER_ID) && f.severity === 'error').length];
  }

  it('a page file: the dismissed masthead finding is gone', async () => {
    const { store } = pageStoreFromFile(page());
    const plain = join(dir, 'plain.banmian');
    writeFileSync(plain, serializePage(store));
    expect(await errors(plain)).toEqual([1]);
    store.apply({ kind: 'dismissFinding', articleId: PAGE_HEADER_ID, finding: masthead });
    const dismissed = join(dir, 'dismissed.banmian');
    writeFileSync(dismissed, serializePage(store));
    expect(await errors(dismissed)).toEqual([0]);
  });

  it('an edition: page 2 (no articles) keeps its own, page 1 (undismissed) still reports its masthead', async () => {
    const ed = editionFromPage(page());
    const proof = { rounds: [], signoff: { log: [] }, articles: {}, header: { dismissed: [masthead] } };
    const file = join(dir, 'day.banmian');
    const saved = saveEditionFile(file, { ...ed, pages: [{ ...ed.pages[0], number: 1 }, { ...ed.pages[0], number: 2, name: '经济', articles: [], images: [], blocks: [], proof }] });
    if (!saved.ok) throw new Error(saved.en);
    expect(await errors(file)).toEqual([1]);
  });
});
