import { describe, expect, it } from 'vitest';
import type { EditionDocument } from '../../src-core/edition/edition';
import { serializeEdition } from '../../src-core/edition/edition-file';
import type { HostApi } from '../../src-core/host-api';
import { defaultPage } from '../../src-core/model/defaults';
import { docFromParagraphs } from '../../src-core/model/richtext';
import type { EditionResult } from '../../src-renderer/edition/edition-client';
import { EditionSession } from '../../src-renderer/edition/edition-session';
import { Editor } from '../../src-renderer/editor/editor';
import { emptyDocument } from '../../src-core/model/defaults';
import { parseEdition } from '../../src-core/edition/edition-file';
import { fonts } from './support';
import { editionPageId } from '../../src-core/edition/shared-edition';

const ed = (text: string): EditionDocument => ({
  formatVersion: 2,
  edition: { paper: '洛阳日报', date: '2026-12-03', format: 'tabloid', jumpStyle: 'ordinal' },
  articles: [{ id: 'a', kicker: '', headline: 'a', deck: '', byline: '', bylinePosition: 'top', lead: '', body: docFromParagraphs([text]), jumpFrom: '', jumpTo: '' }],
  images: [],
  pages: [{ number: 1, name: '要闻', section: '', page: defaultPage('tabloid'), articles: ['a'], images: [], blocks: [] }],
  chains: [],
});

const refuseMove = async (): Promise<EditionResult> => ({ ok: false, zh: '未用', en: 'unused' });

/** A host that records what it was asked to write. */
function host(): { api: HostApi; written: { text: string; path: string }[] } {
  const written: { text: string; path: string }[] = [];
  const api = { saveEdition: async (text: string, path: string) => (written.push({ text, path }), { ok: true, path }) } as unknown as HostApi;
  return { api, written };
}

describe('保存整期 from the server (EditionSession.saveFromServer)', () => {
  it("writes the server's edition to the file, not this desk's copy, and shows it", async () => {
    const session = new EditionSession();
    session.open({ edition: ed('本机旧稿。'), path: '/tmp/day.banmian', title: 'day' } as never);
    const h = host();
    const server: EditionResult = { ok: true, edition: serializeEdition(ed('服务器上另一台机器的修改。')) };
    await session.saveFromServer({ save: async () => server }, h.api);
    expect(h.written).toHaveLength(1);
    expect(h.written[0].path).toBe('/tmp/day.banmian');
    expect(h.written[0].text).toContain('服务器上另一台机器的修改。');
    expect(h.written[0].text).not.toContain('本机旧稿');
    expect(session.current()!.edition.articles[0].body).toEqual(docFromParagraphs(['服务器上另一台机器的修改。']));
    expect(session.current()!.notice).toMatchObject({ kind: 'info' });
  });

  it('writes nothing when the server refuses or answers with no valid edition, and says so', async () => {
    const session = new EditionSession();
    session.open({ edition: ed('本机稿。'), path: '/tmp/day.banmian', title: 'day' } as never);
    const h = host();
    await session.saveFromServer({ save: async () => ({ ok: false, zh: '服务器没有应答', en: 'The server did not answer' }) }, h.api);
    expect(session.current()!.notice).toMatchObject({ kind: 'error', en: 'Not saved: The server did not answer' });
    await session.saveFromServer({ save: async () => ({ ok: true, edition: '{"formatVersion":2}' }) }, h.api);
    expect(session.current()!.notice).toMatchObject({ kind: 'error', en: expect.stringContaining("Not saved: The server's edition is not valid") });
    expect(h.written).toEqual([]);
  });
});

/** Two pages: page 1 holds article a (another desk's), page 2 article b (this desk's). */
function twoPages(aText: string): EditionDocument {
  const one = ed(aText);
  const b = { ...one.articles[0], id: 'b', headline: 'b', body: docFromParagraphs(['二版本机稿。']) };
  return { ...one, articles: [...one.articles, b], pages: [...one.pages, { ...one.pages[0], number: 2, name: '综合', articles: ['b'] }] };
}

describe('保存 (Ctrl+S) of a page while the edition is on a server', () => {
  async function saveSecondPage(withServer: boolean): Promise<EditionDocument> {
    const session = new EditionSession();
    session.open({ edition: twoPages('一版本机旧稿。'), path: '/tmp/day.banmian', title: 'day' } as never);
    const editor = new Editor(fonts, emptyDocument('tabloid'), { path: null, title: 'x' });
    session.openPage(1, editor);
    // another desk changed page 1 on the server
    const onServer = twoPages('一版另一台机器的修改。');
    if (withServer) session.connectServer({ edition: () => onServer, save: async (): Promise<EditionResult> => ({ ok: true, edition: serializeEdition(onServer) }), movePart: refuseMove });
    const h = host();
    await session.save(editor, h.api);
    expect(h.written).toHaveLength(1);
    const r = parseEdition(h.written[0].text);
    if (!r.ok) throw new Error(r.en);
    return r.edition;
  }

  it("writes this page over the server's edition: the other desk's page 1 is in the file, not this desk's old copy", async () => {
    const saved = await saveSecondPage(true);
    expect(saved.articles.find((a) => a.id === 'a')!.body).toEqual(docFromParagraphs(['一版另一台机器的修改。']));
    expect(saved.articles.find((a) => a.id === 'b')!.body).toEqual(docFromParagraphs(['二版本机稿。']));
  });

  it('without a server, the page goes into this desk\'s own edition as before', async () => {
    const saved = await saveSecondPage(false);
    expect(saved.articles.find((a) => a.id === 'a')!.body).toEqual(docFromParagraphs(['一版本机旧稿。']));
  });
});

/** Page 1 holds part 1 of s (block b1), page 2 part 2 (b2), page 3 is empty. */
function chained(): EditionDocument {
  const one = ed('一段。');
  const s = { ...one.articles[0], id: 's', headline: 's标题', body: docFromParagraphs(['一段。', '二段。']) };
  const settings = (n: number) => ({ ...one.pages[0].page, header: { ...one.pages[0].page.header, pageNumber: String(n).padStart(2, '0') } });
  const page = (number: number, blocks: EditionDocument['pages'][number]['blocks']) => ({ ...one.pages[0], number, name: `${number}版`, page: settings(number), articles: blocks.length ? ['s'] : [], blocks });
  const b = (id: string) => ({ id, kind: 'article' as const, articleId: 's', col: 0, span: 4, row: 0, rows: 20 });
  return { ...one, articles: [s], pages: [page(1, [b('b1')]), page(2, [b('b2')]), page(3, [])], chains: [{ article: 's', parts: [{ block: 'b1', from: 0 }, { block: 'b2', from: 1 }] }] };
}

describe('移至第N版 while the edition is on a server', () => {
  function pageTwo() {
    const session = new EditionSession();
    const edition = chained();
    session.open({ edition, path: '/tmp/day.banmian', title: 'day' } as never);
    const editor = new Editor(fonts, emptyDocument('tabloid'), { path: null, title: 'x' });
    session.openPage(1, editor);
    const asked: [string, number][] = [];
    session.connectServer({ edition: () => edition, save: refuseMove, movePart: async (block, to) => (asked.push([block, to]), { ok: true }) });
    editor.select('b2');
    session.askMove(editor);
    return { session, editor, asked, h: host() };
  }

  it('asks the server to move the part when this page is the one on the server, and writes no file', async () => {
    const { session, editor, asked, h } = pageTwo();
    await session.movePart(editor, h.api, 3, editionPageId(chained(), 1)!);
    expect(asked).toEqual([['b2', 3]]);
    expect(h.written).toEqual([]);
    expect(editor.getState().notice).toMatchObject({ kind: 'info', zh: '《s标题》第2部分已从第2版移至第3版，转版行随之更新' });
  });

  it('refuses on a page that is on a server whose edition this desk does not watch, and writes no file', async () => {
    const { session, editor, h } = pageTwo();
    session.connectServer(null);
    await session.movePart(editor, h.api, 3, editionPageId(chained(), 1)!);
    expect(h.written).toEqual([]);
    expect(editor.getState().notice).toMatchObject({ kind: 'warning', en: expect.stringContaining('watch that server from the edition overview') });
  });

  it('refuses while this page is kept on this desk alone (not published, not joined): the server would move what the page still shows', async () => {
    const { session, editor, asked, h } = pageTwo();
    await session.movePart(editor, h.api, 3, null);
    expect(asked).toEqual([]);
    expect(editor.getState().notice).toMatchObject({ kind: 'warning', en: expect.stringContaining('publish it (or join it from the edition overview)') });
  });
});

describe('改版次 and 删版 while the edition is on a server', () => {
  it('are refused, saying why, and write nothing: the server knows the pages by their numbers', async () => {
    const session = new EditionSession();
    const edition = chained();
    session.open({ edition, path: '/tmp/day.banmian', title: 'day' } as never);
    const h = host();
    session.connectServer({ edition: () => edition, save: refuseMove, movePart: refuseMove });
    await session.renumber(2, 5, h.api);
    expect(session.current()!.notice).toMatchObject({ kind: 'error', en: expect.stringContaining('renumber pages only on an edition file that is not on a server') });
    session.deletePage(2, h.api);
    expect(session.current()!.notice).toMatchObject({ kind: 'error', en: expect.stringContaining('delete pages only on an edition file') });
    expect(session.current()!.confirm).toBeUndefined();
    expect(h.written).toEqual([]);
    // without the server, the same renumbering is written
    session.connectServer(null);
    await session.renumber(2, 5, h.api);
    expect(h.written).toHaveLength(1);
  });
});
