import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { suggestChanges, transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { bodyUpdateProblem } from '../../src-core/collab/body-update';
import type { Article } from '../../src-core/model/document';
import { printableParagraphs, type RichDoc } from '../../src-core/model/richtext';
import { decideSuggestion } from '../../src-core/store/proof-doc';
import { articleDocFrom, readArticleBody } from '../../src-core/store/ydocs';
import { setFace } from '../../src-core/story/face';
import { storySchema } from '../../src-core/story/schema';

const TEXT = '今年完成投资三百亿元。';
const article = (body: RichDoc): Article => ({ id: 'a', kicker: '', headline: '标题', deck: '', byline: '', bylinePosition: 'end', lead: '', body, jumpFrom: '', jumpTo: '' });
const plain: RichDoc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: TEXT }] }] };
/** 投资 is at ProseMirror positions 5–7 of the one paragraph. */
const FROM = 1 + TEXT.indexOf('投资');
const TO = FROM + 2;

/** The printed runs of the first paragraph: text and face (family only). */
const printed = (body: RichDoc) => printableParagraphs(body)[0].spans.map((s) => [s.text, s.face?.family]);

function selected(body: RichDoc, plugins = [suggestChanges()]): EditorState {
  const state = EditorState.create({ schema: storySchema(), doc: PMNode.fromJSON(storySchema(), body), plugins });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, FROM, TO)));
}

describe('a run’s face through tracked changes and collaboration', () => {
  it('in 校对 mode setting a face is a suggestion: the page prints the old face until it is accepted, and rejecting leaves the text as it was', () => {
    const state = selected(plain);
    let next = state;
    let n = 0;
    setFace({ family: 'kai' }, state, (tr) => (next = state.apply(transformToSuggestionTransaction(tr, state, () => `s${++n}`))));
    const body = next.doc.toJSON() as RichDoc;
    const inline = body.content[0].content!.map((i) => ('text' in i ? [i.text, (i.marks ?? []).map((m) => m.type).sort().join('+')] : []));
    expect(inline).toEqual([
      ['今年完成', ''],
      ['投资', 'deletion'],
      ['投资', 'face+insertion'],
      ['三百亿元。', ''],
    ]);
    expect(printed(body)).toEqual([[TEXT, undefined]]);
    const ids = body.content[0].content!.flatMap((i) => ('marks' in i ? (i.marks ?? []).flatMap((m) => (m.type === 'insertion' || m.type === 'deletion' ? [String(m.attrs?.id)] : [])) : []));
    const accepted = articleDocFrom(article(body));
    for (const id of new Set(ids)) expect(decideSuggestion(accepted, id, 'accept', '晓南')).toBe(true);
    expect(printed(readArticleBody(accepted))).toEqual([['今年完成', undefined], ['投资', 'kai'], ['三百亿元。', undefined]]);
    const rejected = articleDocFrom(article(body));
    for (const id of new Set(ids)) expect(decideSuggestion(rejected, id, 'reject', '晓南')).toBe(true);
    expect(readArticleBody(rejected).content).toEqual(plain.content);
  });

  it('reaches another desk as a Yjs update of the article document, which the server’s body check lets through', () => {
    const here = articleDocFrom(article(plain));
    const there = new Y.Doc();
    Y.applyUpdate(there, Y.encodeStateAsUpdate(here));
    const vector = Y.encodeStateVector(there);
    // As the story editor does: its ProseMirror document mapped into the Yjs fragment.
    const fragment = here.getXmlFragment('body');
    const state = selected({ type: 'doc', content: yXmlFragmentToProseMirrorRootNode(fragment, storySchema()).toJSON().content }, []);
    setFace({ family: 'hei', weight: 'bold' }, state, (tr) => updateYFragment(here, fragment, state.apply(tr).doc, { mapping: new Map(), isOMark: new Map() }));
    const update = Y.encodeStateAsUpdate(here, vector);
    expect(bodyUpdateProblem(there, update)).toBeUndefined();
    Y.applyUpdate(there, update);
    expect(readArticleBody(there).content[0].content).toEqual([
      { type: 'text', text: '今年完成' },
      { type: 'text', text: '投资', marks: [{ type: 'face', attrs: { family: 'hei', weight: 'bold' } }] },
      { type: 'text', text: '三百亿元。' },
    ]);
  });

  it('a peer’s face mark with a bad weight is refused by the server’s body check', () => {
    const here = articleDocFrom(article(plain));
    const there = new Y.Doc();
    Y.applyUpdate(there, Y.encodeStateAsUpdate(here));
    const vector = Y.encodeStateVector(here);
    ((here.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, { face: { family: 'kai', weight: 'heavy' } });
    expect(bodyUpdateProblem(there, Y.encodeStateAsUpdate(here, vector))?.path).toMatch(/marks\[0\]\.attrs\.weight$/);
  });
});
