import { describe, expect, it } from 'vitest';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { suggestChanges, transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import type { Article } from '../../src-core/model/document';
import type { RichDoc } from '../../src-core/model/richtext';
import { markedSpans } from '../../src-core/store/proof-doc';
import { articleDocFrom } from '../../src-core/store/ydocs';
import { setFace, type RunFace } from '../../src-core/story/face';
import { storySchema } from '../../src-core/story/schema';
import { fontProvider } from '../../src-main/fonts/provider';
import { changeLine, type ChangeLine } from '../../src-renderer/proof/change-line';

const TEXT = '今年完成投资三百亿元。';
const article = (body: RichDoc): Article => ({ id: 'a', kicker: '', headline: '标题', deck: '', byline: '', bylinePosition: 'end', lead: '', body, jumpFrom: '', jumpTo: '' });
const paragraph = (content: RichDoc['content'][number]['content']): RichDoc => ({ type: 'doc', content: [{ type: 'paragraph', content }] });
const plain = paragraph([{ type: 'text', text: TEXT }]);
/** 投资 in 楷 (a face mark on the run). */
const inKai = paragraph([{ type: 'text', text: '今年完成' }, { type: 'text', text: '投资', marks: [{ type: 'face', attrs: { family: 'kai', weight: null } }] }, { type: 'text', text: '三百亿元。' }]);
/** 投资 at ProseMirror positions 5–7 of the one paragraph. */
const FROM = 1 + TEXT.indexOf('投资');
const TO = FROM + 2;
const fonts = fontProvider().registry();
const label = (family: string) => fonts.familyLabel(family);

/** What the proof panel says of the one suggestion an edit of 投资 in 校对 mode makes. */
function lineAfter(body: RichDoc, edit: (state: EditorState, dispatch: (tr: EditorState['tr']) => void) => void): ChangeLine {
  const start = EditorState.create({ schema: storySchema(), doc: PMNode.fromJSON(storySchema(), body), plugins: [suggestChanges()] });
  const state = start.apply(start.tr.setSelection(TextSelection.create(start.doc, FROM, TO)));
  let next = state;
  let n = 0;
  edit(state, (tr) => (next = state.apply(transformToSuggestionTransaction(tr, state, () => `s${++n}`))));
  const spans = markedSpans(articleDocFrom(article(next.doc.toJSON() as RichDoc))).filter((s) => s.kind !== 'comment');
  expect(new Set(spans.map((s) => s.id)).size).toBe(1);
  return changeLine(spans, label);
}

const faceSet = (face: RunFace | null) => (state: EditorState, dispatch: (tr: EditorState['tr']) => void) => setFace(face, state, dispatch);

describe('the proof panel names the face a tracked face change sets', () => {
  it('setting 楷 on a run reads 「投资」改用楷体 (set in LXGW WenKai), not 改「投资」为「投资」', () => {
    expect(label('kai').zh).toBe('楷体');
    expect(lineAfter(plain, faceSet({ family: 'kai' }))).toEqual({ shown: 'face', text: '投资', face: { zh: '楷体', en: label('kai').en } });
  });

  it('names the weight a run sets, and the style’s face when the run’s own face is taken off', () => {
    expect(lineAfter(plain, faceSet({ family: 'hei', weight: 'bold' }))).toEqual({ shown: 'face', text: '投资', face: { zh: '黑体（粗）', en: `${label('hei').en} Bold` } });
    expect(lineAfter(inKai, faceSet(null))).toEqual({ shown: 'face', text: '投资', face: { zh: '本样式字体', en: "the style's face" } });
  });

  it('typing over the text is still a replacement, old and new', () => {
    expect(lineAfter(plain, (state, dispatch) => dispatch(state.tr.insertText('融资', FROM, TO)))).toEqual({ shown: 'replacement', deleted: '投资', inserted: '融资' });
  });
});
