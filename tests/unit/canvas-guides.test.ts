import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../src-core/model/defaults';
import { MAX_GUIDES } from '../../src-core/model/document';
import { parseDocument, serializeDocument } from '../../src-core/model/serialize';
import { validateDocument } from '../../src-core/model/validate';
import { layout } from '../../src-core/layout/layout';
import { Editor } from '../../src-renderer/editor/editor';
import { movedRect, snapOffset } from '../../src-renderer/editor/geometry';
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

describe('snapping a drag to guides and other blocks’ edges', () => {
  it('draws the nearest moving edge within reach onto its target, else leaves the drag alone', () => {
    // a block from 100 to 200; a guide at 253
    expect(snapOffset([100, 200], [253], 50, 6)).toBe(53);
    expect(snapOffset([100, 200], [253], 40, 6)).toBe(40);
    // two targets in reach: the one nearer the pointer wins
    expect(snapOffset([100, 200], [150, 303], 48, 6)).toBe(50);
    expect(snapOffset([100], [], 48, 6)).toBe(48);
  });

  it('targets are the guides (while shown) and the other blocks’ frames, not the moving ones', () => {
    const e = editor();
    e.beginDraw({ col: 0, span: 2, row: 0, rows: 10 });
    e.commitInteraction();
    const a = e.getState().selection!;
    e.beginDraw({ col: 3, span: 2, row: 0, rows: 10 });
    e.commitInteraction();
    const b = e.getState().selection!;
    e.setGuide('y', null, 400);
    const fb = e.getState().layout!.frames.find((f) => f.blockId === b)!;
    const t = e.snapTargets([a]);
    expect(t.y).toEqual([400, fb.y, fb.y + fb.height]);
    expect(t.x).toEqual([fb.x, fb.x + fb.width]);
    e.toggle('guides', false);
    expect(e.snapTargets([a, b])).toEqual({ x: [], y: [] });
  });

  it('a block dragged near a guide lands on the line nearest the guide', () => {
    const e = editor();
    const { geo } = e.getState();
    const guide = geo.top + 20 * geo.pitch + 5; // between lines 20 and 21, nearer 20
    e.setGuide('y', null, guide);
    // dragging a block whose top is on line 0 to 16.6 lines down: plain rounding says line 17,
    // the guide (within reach at this zoom) draws its top to line 20
    const dy = 16.6 * geo.pitch;
    const snapped = snapOffset([geo.top], e.snapTargets([]).y, dy, 60);
    expect(movedRect(geo, { col: 0, span: 2, row: 0, rows: 5 }, 0, dy).row).toBe(17);
    expect(movedRect(geo, { col: 0, span: 2, row: 0, rows: 5 }, 0, snapped).row).toBe(20);
  });
});
