import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../src-core/model/defaults';
import { MAX_GUIDES } from '../../src-core/model/document';
import { parseDocument, serializeDocument } from '../../src-core/model/serialize';
import { validateDocument } from '../../src-core/model/validate';
import { layout } from '../../src-core/layout/layout';
import { Editor } from '../../src-renderer/editor/editor';
import { fonts } from './support';

/** 参考线: dragged from the rulers, saved with the page (checked on open), never printed. */
const editor = () => new Editor(fonts, emptyDocument('broadsheet'), { path: null, title: 'guides' });

describe('ruler guides', () => {
  it('are added, moved and removed, one undo step each, and saved with the page', () => {
    const e = editor();
    e.setGuide('x', null, 300.123);
    e.setGuide('y', null, 500);
    e.setGuide('y', 0, 520);
    expect(e.getState().doc.page.guides).toEqual({ x: [300.12], y: [520] });
    const saved = parseDocument(serializeDocument(e.getState().doc));
    expect(saved.ok && saved.document.page.guides).toEqual({ x: [300.12], y: [520] });
    e.setGuide('x', 0, null);
    expect(e.getState().doc.page.guides).toEqual({ x: [], y: [520] });
    e.undo();
    e.undo();
    expect(e.getState().doc.page.guides).toEqual({ x: [300.12], y: [500] });
  });

  it('an older page has none and stays valid; the layout (what prints) is the same with or without them', () => {
    const doc = emptyDocument('broadsheet');
    expect(doc.page.guides).toBeUndefined();
    expect(validateDocument(doc)).toEqual({ ok: true });
    const withGuides = { ...doc, page: { ...doc.page, guides: { x: [100], y: [200, 300] } } };
    expect(validateDocument(withGuides)).toEqual({ ok: true });
    expect(layout(withGuides, { fonts }).items).toEqual(layout(doc, { fonts }).items);
  });

  it('a damaged guide list is refused naming the field', () => {
    const doc = emptyDocument('broadsheet');
    const bad = (guides: unknown) => {
      const r = validateDocument({ ...doc, page: { ...doc.page, guides } as never });
      return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.zh} / ${i.en}`);
    };
    expect(bad({ x: [1e9], y: [] })[0]).toMatch(/^page\.guides\.x\[0\]/);
    expect(bad({ x: 'left', y: [] })[0]).toMatch(/^page\.guides\.x/);
    expect(bad({ x: [], y: Array(MAX_GUIDES + 1).fill(10) })[0]).toMatch(/^page\.guides\.y: .*参考线超过 100 条.* \/ .*more than 100 guides/);
  });
});
