/**
 * The edition overview's rows (整期总览: 版次, 版名, status, overset, preflight, duplicate numbers) and
 * a page edited in the app written back into its edition (the other pages' data untouched, a chain
 * part's paragraphs spliced into its article, the jump lines still derived).
 */
import { describe, expect, it } from 'vitest';
import { parseEdition, serializeEdition, validateEdition } from '../../src-core/edition/edition-file';
import type { EditionDocument } from '../../src-core/edition/edition';
import { editionOverview, pageStatus } from '../../src-core/edition/overview';
import { pageDocument } from '../../src-core/edition/page-doc';
import { renumberPage } from '../../src-core/edition/renumber';
import { writePage } from '../../src-core/edition/page-write';
import { defaultPage } from '../../src-core/model/defaults';
import type { AdBlock, Article, ArticleBlock } from '../../src-core/model/document';
import { gridGeometry } from '../../src-core/model/grid';
import { docFromParagraphs, plainText } from '../../src-core/model/richtext';
import { fontProvider } from '../../src-main/fonts/provider';

const fonts = fontProvider().registry();
const article = (id: string, paragraphs: string[]): Article => ({
  id, kicker: '', headline: `${id}标题`, deck: '', byline: '', bylinePosition: 'top', lead: '', body: docFromParagraphs(paragraphs), jumpFrom: '', jumpTo: '',
});
const block = (id: string, articleId: string, rows = 20): ArticleBlock => ({ id, kind: 'article', articleId, col: 0, span: 4, row: 0, rows });

/** Three pages; story s runs from page 1 (paragraphs 0–1) to page 3 (2–3); page 2's block holds 2 lines of a long story. */
function edition(): EditionDocument {
  const page = (n: number) => ({ ...defaultPage('tabloid'), header: { ...defaultPage('tabloid').header, pageNumber: String(n).padStart(2, '0') } });
  return {
    formatVersion: 2,
    edition: { paper: '洛阳日报', date: '2026-12-03', format: 'tabloid', jumpStyle: 'ordinal' },
    articles: [article('s', ['一段甲。', '二段乙。', '三段丙。', '四段丁。']), article('t', ['长稿件。'.repeat(400)])],
    images: [],
    pages: [
      { number: 1, name: '要闻', section: 'A', page: page(1), articles: ['s'], images: [], blocks: [block('b1', 's')] },
      { number: 2, name: '综合', section: 'A', page: page(2), articles: ['t'], images: [], blocks: [block('b2', 't', 2)] },
      { number: 3, name: '经济', section: 'A', page: page(3), articles: ['s'], images: [], blocks: [block('b3', 's')] },
    ],
    chains: [{ article: 's', parts: [{ block: 'b1', from: 0 }, { block: 'b3', from: 2 }] }],
  };
}

const round = (name: string, finished: boolean) => ({ name, startedBy: '李', startedAt: '2026-12-03T10:00:00Z', ...(finished ? { finishedBy: '李', finishedAt: '2026-12-03T11:00:00Z' } : {}) });

describe('page status', () => {
  it('follows the rounds and the sign-off, and a damaged proof field reads as make-up', () => {
    expect(pageStatus(undefined)).toBe('组版中');
    expect(pageStatus('garbage')).toBe('组版中');
    expect(pageStatus({ rounds: [], signoff: { log: [] } })).toBe('组版中');
    expect(pageStatus({ rounds: [round('一校', false)] })).toBe('一校');
    expect(pageStatus({ rounds: [round('一校', true), round('二校', false)] })).toBe('二校');
    expect(pageStatus({ rounds: [round('一校', true), round('二校', true), round('三校', false)] })).toBe('三校');
    expect(pageStatus({ rounds: [1, 2, 3, 4].map((n) => round(`${n}校`, n < 4)) })).toBe('三校');
    expect(pageStatus({ rounds: [round('一校', true)] })).toBe('待签');
    expect(pageStatus({ rounds: [round('一校', true)], signoff: { signedBy: '张', log: [] } })).toBe('已签');
  });
});

describe('edition overview', () => {
  it('one row per page in number order with its name, status, overset and preflight counts', () => {
    const ed = edition();
    ed.pages[2].proof = { rounds: [round('一校', true), round('二校', false)], signoff: { log: [] }, articles: {} };
    const rows = editionOverview(ed, { fonts });
    expect(rows.map((r) => [r.index, r.number, r.name, r.status, r.duplicate])).toEqual([
      [0, 1, '要闻', '组版中', false],
      [1, 2, '综合', '组版中', false],
      [2, 3, '经济', '二校', false],
    ]);
    // page 2's block is 2 lines deep for 1600 characters: overset, which preflight calls an error
    expect(rows[1].overset).toBe(1);
    expect(rows[1].errors).toBeGreaterThanOrEqual(1);
    expect(rows[0].overset).toBe(0);
    expect(rows[0].errors).toBe(0);
    expect(rows[2].document.articles[0].jumpFrom).toBe('（上接第1版）');
  });

  it('shows each page\'s news hole: the grid\'s column-lines less its ads\' cells (two ads sharing cells counted once)', () => {
    const ed = edition();
    const geo = gridGeometry(ed.pages[1].page);
    const ad = (id: string, col: number, row: number): AdBlock => ({ id, kind: 'ad', advertiser: id, col, span: 2, row, rows: 10, locked: true });
    ed.pages[1].blocks.push(ad('a1', 0, geo.rows - 10), ad('a2', 1, geo.rows - 10));
    const rows = editionOverview(ed, { fonts });
    const total = geo.columns * geo.rows;
    expect(rows[0].newsHole).toEqual({ free: total, total });
    // 2×10 and 2×10 overlapping in one column: 30 cells taken
    expect(rows[1].newsHole).toEqual({ free: total - 30, total });
  });

  it('flags pages sharing a number, which the app may open but print refuses', () => {
    const ed = edition();
    ed.pages[2].number = 2;
    const text = serializeEdition(ed);
    expect(parseEdition(text).ok).toBe(false);
    const opened = parseEdition(text, { duplicateNumbers: 'allow' });
    expect(opened.ok).toBe(true);
    const rows = editionOverview(ed, { fonts });
    expect(rows.map((r) => [r.index, r.number, r.duplicate])).toEqual([[0, 1, false], [1, 2, true], [2, 2, true]]);
  });
});

describe('the overview after an edit', () => {
  /** The row indexes whose page was laid out again (its layout a new object) since `before`. */
  const relaid = (before: ReturnType<typeof editionOverview>, after: ReturnType<typeof editionOverview>): number[] =>
    after.filter((r) => before.find((b) => b.index === r.index)?.layout !== r.layout).map((r) => r.index);
  const oneCharacter = (doc: ReturnType<typeof pageDocument>) => {
    const a = doc.articles[0];
    const first = plainText(a.body).split('\n');
    return { ...doc, articles: [{ ...a, body: docFromParagraphs([first[0].replace(/。$/, '！'), ...first.slice(1)]) }, ...doc.articles.slice(1)] };
  };

  it('a one-character edit re-lays only its story\'s pages; the rows it keeps are what a fresh layout gives', () => {
    const ed = edition();
    const rows = editionOverview(ed, { fonts });
    const onPage2 = writePage(ed, 1, oneCharacter(pageDocument(ed, 1)));
    if (!onPage2.ok) throw new Error(onPage2.en);
    const after2 = editionOverview(onPage2.edition, { fonts }, rows);
    expect(relaid(rows, after2)).toEqual([1]);
    // the continued story: its part on page 1 edited, so page 3's part (and 上接 line) is laid out again too
    const onPage1 = writePage(onPage2.edition, 0, oneCharacter(pageDocument(onPage2.edition, 0)));
    if (!onPage1.ok) throw new Error(onPage1.en);
    const after1 = editionOverview(onPage1.edition, { fonts }, after2);
    expect(relaid(after2, after1)).toEqual([0, 2]);
    const fresh = editionOverview(onPage1.edition, { fonts });
    expect(after1.map((r) => JSON.stringify([r.document, r.layout, r.overset, r.errors, r.warnings]))).toEqual(fresh.map((r) => JSON.stringify([r.document, r.layout, r.overset, r.errors, r.warnings])));
  });

  it('renumbering a page re-lays the pages whose jump lines name it, and no other', () => {
    const ed = edition();
    const rows = editionOverview(ed, { fonts });
    const moved = renumberPage(ed, 3, 4);
    if (!moved.ok) throw new Error(moved.en);
    const after = editionOverview(moved.edition, { fonts }, rows);
    expect(relaid(rows, after)).toEqual([0, 2]);
    expect(after[0].document.articles[0].jumpTo).toBe('（下转第4版）');
  });
});

describe('writing a page back', () => {
  it('keeps the other pages byte for byte and takes the edited page', () => {
    const ed = edition();
    const doc = pageDocument(ed, 1);
    const edited = { ...doc, articles: [{ ...doc.articles[0], headline: '改过的标题' }], proof: { rounds: [round('一校', false)], signoff: { log: [] }, articles: {} } };
    const r = writePage(ed, 1, edited);
    if (!r.ok) throw new Error(r.en);
    expect(JSON.stringify(r.edition.pages[0])).toBe(JSON.stringify(ed.pages[0]));
    expect(JSON.stringify(r.edition.pages[2])).toBe(JSON.stringify(ed.pages[2]));
    expect(r.edition.articles.find((a) => a.id === 't')!.headline).toBe('改过的标题');
    expect(r.edition.articles.find((a) => a.id === 's')).toBe(ed.articles[0]);
    expect(pageStatus(r.edition.pages[1].proof)).toBe('一校');
    // the header's 版次 and 版名 stay the edition's; the file reads back as it was written
    expect(r.edition.pages[1].page.header).toEqual(ed.pages[1].page.header);
    expect(parseEdition(serializeEdition(r.edition)).ok).toBe(true);
  });

  it('splices a continued part\'s paragraphs into its article and moves the later cut points', () => {
    const ed = edition();
    // page 1 holds part 0 (paragraphs 0–1); the desk adds a paragraph to it
    const doc = pageDocument(ed, 0);
    const part = doc.articles[0];
    expect(part.jumpTo).toBe('（下转第3版）');
    const body = docFromParagraphs(['一段甲。', '新加段。', '二段乙。']);
    const r = writePage(ed, 0, { ...doc, articles: [{ ...part, body }] });
    if (!r.ok) throw new Error(r.en);
    expect(plainText(r.edition.articles[0].body)).toBe('一段甲。\n新加段。\n二段乙。\n三段丙。\n四段丁。');
    expect(r.edition.articles[0].jumpTo).toBe('');
    expect(r.edition.chains[0].parts.map((p) => p.from)).toEqual([0, 3]);
    expect(validateEdition(r.edition)).toEqual([]);
    // page 3 still shows only its part, its 上接 line derived from the page numbers
    const p3 = pageDocument(r.edition, 2);
    expect(plainText(p3.articles[0].body)).toBe('三段丙。\n四段丁。');
    expect(p3.articles[0].jumpFrom).toBe('（上接第1版）');
    expect(JSON.stringify(r.edition.pages[2])).toBe(JSON.stringify(ed.pages[2]));
  });

  it('refuses a part left without a paragraph and changes nothing', () => {
    const ed = edition();
    const before = serializeEdition(ed);
    const doc = pageDocument(ed, 2);
    const r = writePage(ed, 2, { ...doc, articles: [{ ...doc.articles[0], body: { type: 'doc', content: [] } }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.zh).toContain('至少一个段落');
      expect(r.en).toContain('at least one');
    }
    expect(serializeEdition(ed)).toBe(before);
  });
});
