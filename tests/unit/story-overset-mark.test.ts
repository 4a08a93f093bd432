/**
 * The story editor's 溢排 mark starts at the character the page could not set: the layout's
 * `Overset.from` mapped into the editor's document, counted as the layout on screen counts it
 * (the print view leaves pending insertions out, the proof view sets them).
 */
import { describe, expect, it } from 'vitest';
import { layout } from '../../src-core/layout/layout';
import type { BanmianDocument } from '../../src-core/model/document';
import { printableParagraphs, proofParagraphs, type RichDoc } from '../../src-core/model/richtext';
import { storySchema } from '../../src-core/story/schema';
import { oversetPosition, oversetStart } from '../../src-renderer/story/overset-mark';
import { fontProvider } from '../../src-main/fonts/provider';
import { oversetPage } from '../fixtures/pdf/pages';

const fonts = fontProvider().registry();
const INSERTED = '【待定的插入文字，校对尚未接受】'.repeat(3);

/** The overset Wu Jinsong page with a pending insertion at the start of every paragraph. */
function withPendingInsertions(): BanmianDocument {
  const doc = oversetPage();
  const mark = { type: 'insertion', attrs: { id: 's1' } };
  doc.articles = doc.articles.map((a) => {
    if (a.id !== 'wu-jinsong') return a;
    const content = a.body.content.map((p) => ({ ...p, content: [{ type: 'text', text: INSERTED, marks: [mark] }, ...(p.content ?? [])] }));
    return { ...a, body: { ...a.body, content } as RichDoc };
  });
  return doc;
}

describe('the story editor’s overset mark', () => {
  for (const view of ['print', 'proof'] as const) {
    it(`starts at the first character the ${view} view could not set`, () => {
      const doc = withPendingInsertions();
      const article = doc.articles.find((a) => a.id === 'wu-jinsong')!;
      const pl = layout(doc, { fonts, ...(view === 'proof' ? { proof: { roundOf: () => 0 } } : {}) });
      const from = pl.overset.find((o) => o.articleId === 'wu-jinsong')!.from!;
      const start = oversetStart(from, article, !!pl.proofAnchors);
      const pm = storySchema().nodeFromJSON(article.body);
      const pos = oversetPosition(pm, start)!;
      // What the layout had at that place, from the paragraphs it set.
      const paragraphs = view === 'proof' ? proofParagraphs(article.body) : printableParagraphs(article.body);
      const text = paragraphs[from.paragraph].spans.map((s) => s.text).join('');
      const expected = text.slice(from.offset, from.offset + 6);
      expect(expected.length).toBe(6);
      expect(pm.textBetween(pos, pos + 6)).toBe(expected);
    });
  }

  it('marks the whole body when the overset starts in the lead or a top byline, none when in a closing byline', () => {
    const pm = storySchema().nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文' }] }] });
    expect(oversetPosition(pm, oversetStart({ field: 'lead', paragraph: 0, offset: 3 }, { bylinePosition: 'end' }, false))).toBe(1);
    expect(oversetPosition(pm, oversetStart({ field: 'byline', paragraph: 0, offset: 0 }, { bylinePosition: 'top' }, false))).toBe(1);
    expect(oversetPosition(pm, oversetStart({ field: 'byline', paragraph: 0, offset: 0 }, { bylinePosition: 'end' }, false))).toBeNull();
    expect(oversetPosition(pm, oversetStart(undefined, { bylinePosition: 'end' }, false))).toBeNull();
  });
});
