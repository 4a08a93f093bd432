/**
 * A save through the host (page or edition) refuses to overwrite a file another program changed on
 * disk since the app opened (or last saved) it: the error names the file in zh and en, the file on
 * disk keeps the other program's bytes, and saving under another name still works. Both hosts save
 * through src-main/host/page-files.ts, so the web host's sandbox stands for both here.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeEdition } from '../../src-core/edition/edition-file';
import type { EditionDocument } from '../../src-core/edition/edition';
import { defaultPage } from '../../src-core/model/defaults';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { serializeDocument } from '../../src-core/model/serialize';
import type { BanmianDocument } from '../../src-core/model/document';
import { openPage, sandboxAccess, saveEdition, savePage, type HostEnv } from '../../src-main/host/page-files';

const dir = mkdtempSync(join(tmpdir(), 'banmian-changed-'));
const env: HostEnv = { files: sandboxAccess(dir), autosaveSeconds: 30 };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const article = (id: string) => ({ id, kicker: '', headline: id, deck: '', byline: '', bylinePosition: 'top' as const, lead: '', body: docFromParagraphs(['正文。']), jumpFrom: '', jumpTo: '' });

function edition(): EditionDocument {
  const page = { number: 1, name: '要闻', section: '', page: defaultPage('tabloid'), articles: ['a'], images: [], blocks: [{ id: 'b-a', kind: 'article' as const, articleId: 'a', col: 0, span: 4, row: 0, rows: 10 }] };
  return { formatVersion: 2, edition: { paper: '洛阳日报', date: '2026-12-03', format: 'tabloid', jumpStyle: 'ordinal' }, articles: [article('a')], images: [], pages: [page], chains: [] };
}

function page(headline: string): BanmianDocument {
  return { formatVersion: 1, page: defaultPage('tabloid'), articles: [{ ...article('a'), headline }], images: [], blocks: [] };
}

describe('a save refuses a file changed on disk since it was opened', () => {
  it('edition: refused with the file named, the other program’s bytes kept; saved as another name', async () => {
    writeFileSync(join(dir, 'day.banmian'), serializeEdition(edition()));
    const opened = await openPage(env, 'day.banmian');
    expect(opened.ok).toBe(true);
    const mine = edition();
    mine.pages[0].name = '我的版名';
    // an unchanged file saves, and the save itself becomes what the next save compares with
    expect((await saveEdition(env, serializeEdition(mine), 'day.banmian')).ok).toBe(true);
    mine.pages[0].name = '再改';
    expect((await saveEdition(env, serializeEdition(mine), 'day.banmian')).ok).toBe(true);
    const theirs = edition();
    theirs.pages[0].name = '别人改的';
    writeFileSync(join(dir, 'day.banmian'), serializeEdition(theirs)); // another program, same length or not
    mine.pages[0].name = '第三次';
    const refused = await saveEdition(env, serializeEdition(mine), 'day.banmian');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.zh).toContain('day.banmian');
      expect(refused.zh).toContain('已被其他程序修改');
      expect(refused.en).toContain('day.banmian');
      expect(refused.en).toContain('changed on disk');
    }
    expect(readFileSync(join(dir, 'day.banmian'), 'utf8')).toBe(serializeEdition(theirs));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await saveEdition(env, serializeEdition(mine), 'day-2.banmian')).ok).toBe(true);
    expect(readFileSync(join(dir, 'day-2.banmian'), 'utf8')).toBe(serializeEdition(mine));
  });

  it('page: the same bytes rewritten by another program pass; other bytes of the same size are refused', async () => {
    const path = join(dir, 'page.banmian');
    writeFileSync(path, serializeDocument(page('甲')));
    expect((await openPage(env, 'page.banmian')).ok).toBe(true);
    writeFileSync(path, serializeDocument(page('甲'))); // touched, not changed
    expect((await savePage(env, serializeDocument(page('乙')), 'page.banmian')).ok).toBe(true);
    writeFileSync(path, serializeDocument(page('丙'))); // same length as the app's 乙
    const refused = await savePage(env, serializeDocument(page('丁')), 'page.banmian');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.en).toMatch(/page\.banmian.*changed on disk/);
    expect(readFileSync(path, 'utf8')).toBe(serializeDocument(page('丙')));
  });
});
