/**
 * Issue 19 leftovers: a laid-out page's 差错率 counts the errors of the text it prints. An article in
 * the page's list with no block on it (未上版) is still checked and its findings listed, marked
 * unplaced, but its errors do not count against the printed page's area, in the app's figure
 * (checkDocument, checkPage) and in `check PAGE.banmian`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { samplePage } from '../../bench/pages';
import type { Block } from '../../src-core/model/document';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { serializeDocument } from '../../src-core/model/serialize';
import { checkDocument } from '../../src-core/proof/checks';
import { checkPage } from '../../src-core/proof/page-check';
import { main } from '../../src-main/cli/index';

const dir = mkdtempSync(join(tmpdir(), 'banmian-unplaced-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The clean sample page with one more article in its list, 一股作气 (1 error) in it, and no block for it. */
function pageWithUnplaced() {
  const doc = samplePage();
  const extra = { ...doc.articles[1], id: 'waiting', headline: '待用稿', body: docFromParagraphs(['大家一股作气完成了任务。']) };
  return { ...doc, articles: [...doc.articles, extra] };
}

describe('an unplaced article on a laid-out page', () => {
  it('is checked and listed as unplaced, but its error does not count in the page\'s 差错率', () => {
    const doc = pageWithUnplaced();
    const r = checkDocument(doc);
    const word = r.findings.find((f) => f.rule === 'wrong-word')!;
    expect(word).toMatchObject({ articleId: 'waiting', unplaced: true, severity: 'error' });
    expect(r.rate).toMatchObject({ errors: 0, basis: 'page-area' });
    expect(checkPage(doc, new Map()).rate.errors).toBe(0);
  });

  it('counts once it is placed', () => {
    const doc = pageWithUnplaced();
    const placed = { ...doc, blocks: doc.blocks.map((b): Block => (b.kind === 'article' && b.articleId === doc.articles[1].id ? { ...b, articleId: 'waiting' } : b)) };
    expect(checkDocument(placed).rate.errors).toBe(1);
  });

  it('in `check PAGE.banmian`: listed as 未上版, the page clean', async () => {
    const file = join(dir, 'unplaced.banmian');
    writeFileSync(file, serializeDocument(pageWithUnplaced()));
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await main(['check', file, '--json']);
      const r = JSON.parse(lines.join('\n')) as { errors: number; findings: { rule: string; articleId: string; unplaced?: boolean }[] };
      expect(r.findings.filter((f) => f.rule === 'wrong-word')).toEqual([expect.objectContaining({ articleId: 'waiting', unplaced: true })]);
      expect(r.errors).toBe(0);
      lines.length = 0;
      await main(['check', file]);
      expect(lines.join('\n')).toMatch(/未上版[^\n]*待用稿/);
      expect(lines.join('\n')).toMatch(/差错 0 个 ÷ 版面字数/);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  });
});
