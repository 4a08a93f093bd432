import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { startRound } from '../../src-core/store/proof-doc';
import { fontProvider } from '../../src-main/fonts/provider';
import { Editor } from '../../src-renderer/editor/editor';

/** The unsaved mark (●): by the undo position and the proof state, not by a counter of changes. */
describe('unsaved changes', () => {
  const editor = new Editor(fontProvider().registry(), samplePage(), { path: null, title: 'luoyang-page.banmian' });

  it('a change makes the page unsaved; undoing back to the saved page makes it saved again', () => {
    expect(editor.dirty).toBe(false);
    editor.setHeader({ section: '要闻' });
    expect(editor.dirty).toBe(true);
    editor.undo();
    expect(editor.dirty).toBe(false);
    editor.redo();
    expect(editor.dirty).toBe(true);
  });

  it('after a save, the saved state is the new reference; typing on right after it is a step of its own', () => {
    editor.setArticleMeta('nanguan', { kicker: '南关街道：反' });
    editor.markSaved('a.banmian', 'a.banmian');
    expect(editor.dirty).toBe(false);
    // Within the store's capture window: without stopCapturing on save this would merge into the saved step.
    editor.setArticleMeta('nanguan', { kicker: '南关街道：反诈' });
    expect(editor.dirty).toBe(true);
    editor.undo();
    expect(editor.dirty).toBe(false);
    expect(editor.getState().doc.articles.find((a) => a.id === 'nanguan')!.kicker).toBe('南关街道：反');
    editor.undo();
    expect(editor.dirty).toBe(true);
    editor.redo();
    expect(editor.dirty).toBe(false);
  });

  it('changes that are not undoable (rounds, replies, sign-off) count until saved', () => {
    startRound(editor.pageStore.layoutDoc, '王岚');
    expect(editor.dirty).toBe(true);
    editor.markSaved('a.banmian', 'a.banmian');
    expect(editor.dirty).toBe(false);
  });

  it('a change made while the save was on its way keeps the page unsaved', () => {
    const revision = editor.getState().revision;
    editor.setHeader({ section: '经济' });
    editor.markSaved('a.banmian', 'a.banmian', revision);
    expect(editor.dirty).toBe(true);
  });
});
