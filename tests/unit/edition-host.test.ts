/**
 * The host's side of editions in the app: 打开 of an edition file answers the edition (pages sharing a
 * number allowed), a page file still a page; saveEdition writes atomically and refuses bad data,
 * leaving the file as it was.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openAny, serializeEdition } from '../../src-core/edition/edition-file';
import type { EditionDocument } from '../../src-core/edition/edition';
import { defaultPage } from '../../src-core/model/defaults';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { serializeDocument } from '../../src-core/model/serialize';
import { isOpenedEdition } from '../../src-core/host-api';
import { openPage, sandboxAccess, saveEdition, type HostEnv } from '../../src-main/host/page-files';

const dir = mkdtempSync(join(tmpdir(), 'banmian-edhost-'));
const env: HostEnv = { files: sandboxAccess(dir), autosaveSeconds: 30 };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function edition(): EditionDocument {
  const article = (id: string) => ({ id, kicker: '', headline: id, deck: '', byline: '', bylinePosition: 'top' as const, lead: '', body: docFromParagraphs(['正文。']), jumpFrom: '', jumpTo: '' });
  const page = (n: number, id: string) => ({ number: n, name: `版${n}`, section: '', page: defaultPage('tabloid'), articles: [id], images: [], blocks: [{ id: `b-${id}`, kind: 'article' as const, articleId: id, col: 0, span: 4, row: 0, rows: 10 }] });
  return { formatVersion: 2, edition: { paper: '洛阳日报', date: '2026-12-03', format: 'tabloid', jumpStyle: 'ordinal' }, articles: [article('a'), article('b')], images: [], pages: [page(1, 'a'), page(1, 'b')], chains: [] };
}

describe('editions through the host', () => {
  it('opens an edition file as the edition, shared page numbers and all; a page file as a page', async () => {
    writeFileSync(join(dir, 'day.banmian'), serializeEdition(edition()));
    const opened = await openPage(env, 'day.banmian');
    if (!opened.ok || !opened.value) throw new Error('not opened');
    expect(isOpenedEdition(opened.value)).toBe(true);
    expect('edition' in opened.value && opened.value.edition.pages.map((p) => p.number)).toEqual([1, 1]);
    writeFileSync(join(dir, 'page.banmian'), serializeDocument(defaultPageDoc()));
    const single = await openPage(env, 'page.banmian');
    expect(single.ok && single.value && 'document' in single.value && single.value.document.formatVersion).toBe(1);
  });

  it("opening an edition file parses its text once (an edition is megabytes), through the host's 打开 and openAny alike", async () => {
    const text = serializeEdition(edition());
    writeFileSync(join(dir, 'once.banmian'), text);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const opened = await openPage(env, 'once.banmian');
      expect(opened.ok && opened.value && isOpenedEdition(opened.value)).toBe(true);
      expect(parse.mock.calls.filter(([t]) => t === text)).toHaveLength(1);
      parse.mockClear();
      // (openAny refuses this edition's shared page number, as print does: after its one parse)
      expect(openAny(text)).toMatchObject({ ok: false, en: expect.stringContaining('pages[1].number') });
      expect(parse.mock.calls.filter(([t]) => t === text)).toHaveLength(1);
    } finally {
      parse.mockRestore();
    }
  });

  it('saveEdition writes the edition atomically; bad data is refused and the file left as it was', async () => {
    const path = join(dir, 'day.banmian');
    const ed = edition();
    ed.pages[1].name = '改名';
    const saved = await saveEdition(env, serializeEdition(ed), 'day.banmian');
    expect(saved.ok).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(serializeEdition(ed));
    const before = readFileSync(path, 'utf8');
    const broken = { ...ed, chains: [{ article: 'a', parts: [] }] };
    const refused = await saveEdition(env, JSON.stringify(broken), 'day.banmian');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.zh).toContain('整期数据无效，未保存');
      expect(refused.en).toContain('chains[0].parts');
    }
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

function defaultPageDoc() {
  return { formatVersion: 1 as const, page: defaultPage('tabloid'), articles: [], images: [], blocks: [] };
}
