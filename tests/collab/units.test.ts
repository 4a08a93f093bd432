import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleDocName, layoutDocName, parseDocName } from '../../src-core/collab/names';
import { parseRole } from '../../src-core/collab/roles';
import { updateTouchesRoot } from '../../src-core/collab/touches';
import { syncStatusOf, syncUpdateOf } from '../../src-core/collab/wire';
import { signOff } from '../../src-core/store/proof-doc';
import { openDatabase, SqliteDriverError } from '../../src-main/server/sqlite-driver';
import { SqliteStore } from '../../src-main/server/sqlite-store';
import { UserDirectory, addUser, mayOpen, removeUser } from '../../src-main/server/users';
import { tempDir } from './support';
import { samplePage } from '../../bench/pages';
import { PageStore } from '../../src-core/store/page-store';
import { CollabSession } from '../../src-renderer/collab/session/session';
import { NodeWebSocket } from '../support/node-websocket';

const tmp = tempDir('banmian-units-');
afterAll(() => tmp.remove());

describe('document names', () => {
  it('accepts exactly the two shapes and round-trips them', () => {
    expect(parseDocName(layoutDocName('p1'))).toEqual({ pageId: 'p1', kind: 'layout' });
    expect(parseDocName(articleDocName('p1', 'xu-chaowen'))).toEqual({ pageId: 'p1', kind: 'article', articleId: 'xu-chaowen' });
    for (const bad of ['', 'banmian', 'banmian/p1', 'banmian/p1/layout/', 'banmian/../layout', 'banmian/p1/article', 'banmian/p1/article/a/b', 'other/p1/layout', 'banmian/p 1/layout', 'banmian/p1/Layout', `banmian/${'x'.repeat(65)}/layout`, 'banmian/p1/article/a.b'])
      expect(parseDocName(bad), bad).toBeUndefined();
    expect(() => articleDocName('p1', '../x')).toThrow();
  });

  it('carries article ids in any script (a continued part of an edition, 头条-续) under one key each, never a path', () => {
    for (const id of ['yaowen-续', '头条', 'a-续2', `${'稿'.repeat(62)}𠀀𠀀`]) {
      const name = articleDocName('p1', id);
      expect(name).toMatch(/^banmian\/p1\/article\/~[A-Za-z0-9_-]+$/);
      expect(parseDocName(name)).toEqual({ pageId: 'p1', kind: 'article', articleId: id });
    }
    const b64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    // a key that decodes to a path, to an ASCII id (which is its own key), to bad UTF-8, or with padding: refused
    for (const key of [`~${b64('../x')}`, `~${b64('a b')}`, `~${b64('xu-chaowen')}`, '~_w', `~${b64('头')}=`, '~', '~~'])
      expect(parseDocName(`banmian/p1/article/${key}`), key).toBeUndefined();
    expect(() => articleDocName('p1', '稿'.repeat(65))).toThrow();
    expect(() => articleDocName('p1', '头条 二')).toThrow();
    expect(() => articleDocName('p1', '头条😀')).toThrow();
  });

  it('a page whose article id names no document is not shared: the session says which, and throws nothing', () => {
    const doc = samplePage();
    const id = doc.articles[0].id;
    const renamed = { ...doc, articles: doc.articles.map((a) => (a.id === id ? { ...a, id: 'xu.chaowen' } : a)), blocks: doc.blocks.map((b) => ('articleId' in b && b.articleId === id ? { ...b, articleId: 'xu.chaowen' } : b)) };
    const session = new CollabSession({ url: 'ws://127.0.0.1:9', token: 'bm1.x.y', pageId: 'p1', user: { name: '王组版', role: '组版' }, docs: new PageStore(renamed), WebSocket: NodeWebSocket, reconnectDelay: 100 });
    try {
      expect(session.status().error).toMatchObject({ zh: expect.stringContaining('"xu.chaowen"'), en: expect.stringContaining('cannot be shared') });
    } finally {
      session.destroy();
    }
  });

  it('reads roles by their Chinese or English names', () => {
    expect(parseRole('校对')).toBe('校对');
    expect(parseRole('chief')).toBe('值班编辑');
    expect(parseRole('admin')).toBeUndefined();
  });
});

describe('which updates touch the sign-off', () => {
  function server(): Y.Doc {
    const doc = new Y.Doc();
    doc.getMap('blocks').set('b1', new Y.Map([['col', 1]]) as Y.Map<unknown>);
    signOff(doc, '钱值班', '值班编辑', '2024-01-01T00:00:00Z');
    return doc;
  }
  function clientOf(doc: Y.Doc): Y.Doc {
    const c = new Y.Doc();
    Y.applyUpdate(c, Y.encodeStateAsUpdate(doc));
    return c;
  }
  function updateFrom(doc: Y.Doc, change: (c: Y.Doc) => void): Uint8Array {
    const c = clientOf(doc);
    const sv = Y.encodeStateVector(c);
    change(c);
    return Y.encodeStateAsUpdate(c, sv);
  }

  it('sees a new key, an overwritten key and a deleted key', () => {
    const doc = server();
    expect(updateTouchesRoot(doc, updateFrom(doc, (c) => c.getMap('signoff').set('x', 1)), 'signoff')).toBe(true);
    expect(updateTouchesRoot(doc, updateFrom(doc, (c) => c.getMap('signoff').set('signedBy', '别人')), 'signoff')).toBe(true);
    expect(updateTouchesRoot(doc, updateFrom(doc, (c) => c.getMap('signoff').delete('signedBy')), 'signoff')).toBe(true);
    expect(updateTouchesRoot(new Y.Doc(), updateFrom(new Y.Doc(), (c) => c.getMap('signoff').set('signedBy', 'x')), 'signoff')).toBe(true);
  });

  it('lets everything else through', () => {
    const doc = server();
    expect(updateTouchesRoot(doc, updateFrom(doc, (c) => (c.getMap('blocks').get('b1') as Y.Map<unknown>).set('col', 3)), 'signoff')).toBe(false);
    expect(updateTouchesRoot(doc, updateFrom(doc, (c) => c.getMap('blocks').delete('b1')), 'signoff')).toBe(false);
    expect(updateTouchesRoot(doc, updateFrom(doc, (c) => c.getArray('articleOrder').push(['a'])), 'signoff')).toBe(false);
  });

  it('reads the update out of a sync message, and the server acknowledgement', () => {
    const update = new Uint8Array([1, 2, 3]);
    // [name "d"] [sync 0] [update 2] [len 3] 1 2 3
    expect(syncUpdateOf(new Uint8Array([1, 100, 0, 2, 3, 1, 2, 3]))).toEqual(update);
    expect(syncUpdateOf(new Uint8Array([1, 100, 0, 0, 0]))).toBeUndefined(); // step 1
    expect(syncUpdateOf(new Uint8Array([1, 100, 1, 0]))).toBeUndefined(); // awareness
    expect(syncStatusOf(new Uint8Array([1, 100, 8, 0]))).toBe(false);
    expect(syncStatusOf(new Uint8Array([1, 100, 8, 1]))).toBe(true);
    expect(() => syncUpdateOf(new Uint8Array([5, 1]))).toThrow(/truncated/);
  });
});

describe('the users file', () => {
  const file = `${tmp.dir}/users.json`;

  it('stores no token, only a salted hash, and recognises the token', () => {
    const { user, token } = addUser(file, '赵校对', '校对', ['p1']);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(token.split('.')[2]);
    const dir = new UserDirectory(file);
    expect(dir.authenticate(token)).toMatchObject({ name: '赵校对', role: '校对', pages: ['p1'] });
    expect(dir.authenticate(`${token}x`)).toBeUndefined();
    expect(dir.authenticate(token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).toBeUndefined();
    expect(dir.authenticate('')).toBeUndefined();
    expect(mayOpen(dir.authenticate(token)!, 'p1')).toBe(true);
    expect(mayOpen(dir.authenticate(token)!, 'p2')).toBe(false);
    // two users with the same name get different tokens and hashes
    const again = addUser(file, '赵校对', '校对');
    expect(again.token).not.toBe(token);
    expect(removeUser(file, user.id)).toBe(true);
    expect(new UserDirectory(file).authenticate(token)).toBeUndefined();
    expect(new UserDirectory(file).authenticate(again.token)).toBeDefined();
  });
});

describe('SQLite persistence', () => {
  it.skipIf(process.getBuiltinModule?.('node:sqlite'))('says in both languages when this Node has no node:sqlite', () => {
    let error: unknown;
    try {
      openDatabase(`${tmp.dir}/none.sqlite`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SqliteDriverError);
    expect((error as SqliteDriverError).zh).toContain('没有内置 SQLite');
    expect((error as SqliteDriverError).en).toContain('Node 22.13');
  });

  it('opens its database with node:sqlite', () => {
    const db = openDatabase(`${tmp.dir}/driver.sqlite`);
    expect(db.driver).toBe('node:sqlite');
    db.exec('CREATE TABLE t (x)');
    db.prepare('INSERT INTO t VALUES (?)').run(7);
    expect(db.prepare('SELECT x FROM t').get()).toEqual({ x: 7 });
    db.close();
    expect(db.isOpen).toBe(false);
  });

  it('loads what was appended, before and after folding the log', () => {
    const dir = `${tmp.dir}/db`;
    const store = new SqliteStore(dir);
    const a = new Y.Doc();
    a.on('update', (u: Uint8Array) => store.append('banmian/p/layout', u));
    a.getMap('page').set('k', 1);
    a.getArray('articleOrder').push(['x', 'y']);
    const load = (): Y.Doc => {
      const d = new Y.Doc();
      Y.applyUpdate(d, store.load('banmian/p/layout')!);
      return d;
    };
    expect(load().getArray('articleOrder').toArray()).toEqual(['x', 'y']);
    store.compact('banmian/p/layout', a);
    expect((store.db.prepare('SELECT count(*) n FROM updates').get() as { n: number }).n).toBe(0);
    a.getMap('page').set('k', 2);
    expect(load().getMap('page').get('k')).toBe(2);
    // folding with a document that lacks some logged changes (another instance's) keeps them
    const stale = new Y.Doc();
    store.compact('banmian/p/layout', stale);
    expect(load().getMap('page').get('k')).toBe(2);
    expect(store.load('banmian/none/layout')).toBeUndefined();
    store.close();
  });

  it('reads state and log in one snapshot while another instance folds the log', () => {
    const dir = `${tmp.dir}/shared`;
    const one = new SqliteStore(dir);
    const two = new SqliteStore(dir);
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => one.append('banmian/p/article/a', u));
    doc.getText('t').insert(0, '共享');
    // instance one folds its log exactly between instance two's two reads
    const inner = two as unknown as { stateStmt: { get(n: string): unknown } };
    const real = inner.stateStmt;
    inner.stateStmt = {
      get(n: string) {
        const r = real.get(n);
        one.compact('banmian/p/article/a', doc);
        return r;
      },
    };
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, two.load('banmian/p/article/a')!);
    expect(loaded.getText('t').toString()).toBe('共享');
    one.close();
    two.close();
  });
});

describe('a malformed article body on a desk (issue 14, item 3)', () => {
  it('is not laid out: a paragraph naming the problem stands in for it, and layout does not crash', async () => {
    const { PageStore } = await import('../../src-core/store/page-store');
    const { samplePage } = await import('../../bench/pages');
    const { layout } = await import('../../src-core/layout/layout');
    const { fontProvider } = await import('../../src-main/fonts/provider');
    const store = new PageStore(samplePage());
    const id = 'xu-chaowen';
    const doc = store.articleDoc(id)!;
    const before = Y.encodeStateAsUpdate(doc);
    const inner = new Y.XmlElement('paragraph');
    inner.insert(0, [new Y.XmlText('套')]);
    (doc.getXmlFragment('body').get(0) as Y.XmlElement).insert(0, [inner]);
    const body = store.snapshot().articles.find((a) => a.id === id)!.body;
    expect(body.content).toHaveLength(1);
    const shown = (body.content[0].content![0] as { text: string }).text;
    expect(shown).toContain('正文结构无效');
    expect(shown).toContain('content[0].content[0].type');
    expect(shown).toContain('The body is malformed');
    expect(() => layout(store.snapshot(), { fonts: fontProvider().registry() })).not.toThrow();
    // the document itself is left as it was (nothing lost): the old state plus the insertion
    expect(Y.encodeStateVector(doc)).not.toEqual(Y.encodeStateVector(new Y.Doc()));
    const replay = new Y.Doc();
    Y.applyUpdate(replay, before);
    expect(doc.getXmlFragment('body').length).toBe(replay.getXmlFragment('body').length);
  });
});

describe('request ids (issue 14, item 2)', () => {
  it('are 128 random bits, not derived from the desk', async () => {
    const { newRequestId } = await import('../../src-core/collab/protocol');
    const ids = new Set(Array.from({ length: 100 }, () => newRequestId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^r[0-9a-f]{32}$/);
  });
});
