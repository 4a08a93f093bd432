/**
 * Issue 19 leftovers: a story chained across pages shows under part ids (s on its first page, s-续
 * where it resumes). A finding the 校对 dismissed in one part is dismissed in every part of the
 * story: on one page (续排), across the pages of an edition in the app's figures (editionRates), and
 * in `check EDITION.banmian`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { EditionDocument } from '../../src-core/edition/edition';
import { pageDocuments } from '../../src-core/edition/page-doc';
import { defaultPage } from '../../src-core/model/defaults';
import type { Article, ArticleBlock } from '../../src-core/model/document';
import type { DismissedFinding } from '../../src-core/model/proof';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { editionRates } from '../../src-core/proof/edition-rate';
import { checkPage } from '../../src-core/proof/page-check';
import { main } from '../../src-main/cli/index';
import { saveEditionFile } from '../../src-main/files/banmian-file';

const dir = mkdtempSync(join(tmpdir(), 'banmian-chain-dismiss-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const article = (id: string, paragraphs: string[]): Article => ({ id, kicker: '', headline: `${id}标题`, deck: '', byline: '', bylinePosition: 'top', lead: '', body: docFromParagraphs(paragraphs), jumpFrom: '', jumpTo: '' });
const block = (id: string, articleId: string): ArticleBlock => ({ id, kind: 'article', articleId, col: 0, span: 4, row: 0, rows: 20 });
const dismissal: DismissedFinding = { rule: 'wrong-word', text: '一股作气' };
const proofOf = (id: string) => ({ rounds: [], signoff: { log: [] }, articles: { [id]: { suggestions: [], threads: [], dismissed: [dismissal] } } });

/** Story s, 一股作气 in each part, runs from page 1 (paragraphs 0–1) to page 2 (2–3); the dismissal saved on page `on` under `id`. */
function edition(on?: { page: number; id: string }): EditionDocument {
  const ed: EditionDocument = {
    formatVersion: 2,
    edition: { paper: '洛阳日报', date: '2026-12-03', format: 'tabloid', jumpStyle: 'ordinal' },
    articles: [article('s', ['大家一股作气完成任务。', '二段乙。', '他们一股作气干到底。', '四段丁。'])],
    images: [],
    pages: [
      { number: 1, name: '要闻', section: 'A', page: defaultPage('tabloid'), articles: ['s'], images: [], blocks: [block('b1', 's')] },
      { number: 2, name: '经济', section: 'A', page: defaultPage('tabloid'), articles: ['s'], images: [], blocks: [block('b2', 's')] },
    ],
    chains: [{ article: 's', parts: [{ block: 'b1', from: 0 }, { block: 'b2', from: 2 }] }],
  };
  if (on) ed.pages[on.page - 1].proof = proofOf(on.id);
  return ed;
}

const rated = (ed: EditionDocument) =>
  editionRates(pageDocuments(ed).map(({ number, index, document }) => ({ number, doc: document, dismissed: new Map(Object.entries((ed.pages[index].proof as ReturnType<typeof proofOf> | undefined)?.articles ?? {}).map(([id, a]) => [id, a.dismissed])) })));

async function checkJson(file: string): Promise<{ findings: { rule: string; articleId: string }[]; errors: number }> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await main(['check', file, '--json']);
    return JSON.parse(lines.join('\n'));
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

describe('a dismissal of a chained story', () => {
  it('is read on its parts: the story names its parts s and s-续', () => {
    const docs = pageDocuments(edition());
    expect(docs.map((d) => d.document.articles.map((a) => a.id))).toEqual([['s'], ['s-续']]);
    // without a dismissal each part has its 别字
    expect(rated(edition()).pages.map((p) => p.rate.errors)).toEqual([1, 1]);
  });

  it('under the story id on one page drops the finding in its part on the same page (续排)', () => {
    const [first, rest] = [article('s', ['大家一股作气完成任务。']), { ...article('s', ['他们一股作气干到底。']), id: 's-续' }];
    const page = defaultPage('tabloid');
    expect(checkPage({ articles: [first, rest], page }, new Map([['s', [dismissal]]])).rate.errors).toBe(0);
    expect(checkPage({ articles: [first, rest], page }, new Map([['s-续', [dismissal]]])).rate.errors).toBe(0);
  });

  it('saved on one page of an edition applies to the parts on other pages, both ways (the app\'s figures)', () => {
    expect(rated(edition({ page: 1, id: 's' })).pages.map((p) => p.rate.errors)).toEqual([0, 0]);
    expect(rated(edition({ page: 2, id: 's-续' })).pages.map((p) => p.rate.errors)).toEqual([0, 0]);
  });

  it('saved on one page of an edition file applies to every part in `check`', async () => {
    for (const on of [{ page: 1, id: 's' }, { page: 2, id: 's-续' }]) {
      const file = join(dir, `on-${on.page}.banmian`);
      const saved = saveEditionFile(file, edition(on));
      if (!saved.ok) throw new Error(saved.en);
      const r = await checkJson(file);
      expect(r.findings.filter((f) => f.rule === 'wrong-word'), on.id).toEqual([]);
      expect(r.errors).toBe(0);
    }
  });

  it('does not reach another story whose id only begins the same', () => {
    const other = { ...article('s2', ['大家一股作气完成任务。']) };
    expect(checkPage({ articles: [other], page: defaultPage('tabloid') }, new Map([['s', [dismissal]]])).rate.errors).toBe(1);
  });
});
