import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { plainText } from '../../src-core/model/richtext';
import { PageStore } from '../../src-core/store/page-store';
import { findInStore, replaceMatches } from '../../src-renderer/find/find';

/** 查找/替换 on the Yjs documents of the page store. */
const all = (store: PageStore) => store.snapshot().articles.map((a) => `${a.kicker}|${a.headline}|${a.deck}|${plainText(a.body)}`).join('\n');

describe('find and replace across the page', () => {
  it('finds every occurrence in titles and bodies of all articles, with context', () => {
    const store = new PageStore(samplePage());
    const matches = findInStore(store, '洛阳', { matchCase: true });
    const expected = all(store).split('洛阳').length - 1;
    expect(matches.length).toBe(expected);
    expect(matches.length).toBeGreaterThan(5);
    expect(new Set(matches.map((m) => m.articleId)).size).toBeGreaterThan(2);
    expect(matches.some((m) => m.field === 'headline')).toBe(true);
    const body = matches.find((m) => m.field === 'body')!;
    const article = store.snapshot().articles.find((a) => a.id === body.articleId)!;
    const paragraph = plainText({ type: 'doc', content: [article.body.content[body.paragraph]] });
    expect(paragraph.slice(body.start, body.end)).toBe('洛阳');
    expect(body.before + body.text + body.after).toBe(paragraph.slice(Math.max(0, body.start - 8), body.end + 8));
  });

  it('matches Latin case-insensitively only when asked', () => {
    const store = new PageStore(samplePage());
    const exact = findInStore(store, 'ABC', { matchCase: true }).length;
    const loose = findInStore(store, 'abc', { matchCase: false }).length;
    expect(loose).toBeGreaterThanOrEqual(exact);
    expect(findInStore(store, '', { matchCase: false })).toEqual([]);
  });

  it('replaces all in one undo step across articles, and redo does it again', () => {
    const store = new PageStore(samplePage());
    const before = all(store);
    const matches = findInStore(store, '洛阳', { matchCase: true });
    const n = replaceMatches(store, matches, '河洛');
    expect(n).toBe(matches.length);
    expect(all(store)).toBe(before.split('洛阳').join('河洛'));
    expect(findInStore(store, '洛阳', { matchCase: true })).toEqual([]);
    expect(store.undo()).toBe(true);
    expect(all(store)).toBe(before);
    expect(store.canUndo()).toBe(false);
    expect(store.redo()).toBe(true);
    expect(all(store)).toBe(before.split('洛阳').join('河洛'));
  });

  it('replaces one occurrence, keeping the others and the bold of the replaced text', () => {
    const doc = samplePage();
    const a = doc.articles[1];
    a.body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '甲乙甲' }, { type: 'text', text: '甲丙', marks: [{ type: 'bold' }] }] }] };
    const store = new PageStore(doc);
    const matches = findInStore(store, '甲', { matchCase: true }).filter((m) => m.articleId === a.id && m.field === 'body');
    expect(matches.map((m) => m.start)).toEqual([0, 2, 3]);
    replaceMatches(store, [matches[2]], '丁丁');
    const body = store.article(a.id)!.body;
    expect(plainText(body)).toBe('甲乙甲丁丁丙');
    expect(body.content[0].content!.find((i) => i.type === 'text' && i.text.includes('丁'))).toMatchObject({ marks: [{ type: 'bold' }] });
    store.undo();
    expect(plainText(store.article(a.id)!.body)).toBe('甲乙甲甲丙');
  });
});
