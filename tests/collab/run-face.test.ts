import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { suggestChanges, transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { samplePage } from '../../bench/pages';
import { layout } from '../../src-core/layout/layout';
import { printableParagraphs } from '../../src-core/model/richtext';
import { PageStore } from '../../src-core/store/page-store';
import { decideSuggestion, recordSuggestion } from '../../src-core/store/proof-doc';
import { readArticleBody } from '../../src-core/store/ydocs';
import { setFace } from '../../src-core/story/face';
import { storySchema } from '../../src-core/story/schema';
import { fontProvider } from '../../src-main/fonts/provider';
import { joinDesk, shareDesk, until, type SuitePerson, serverSuite } from './support';

/**
 * Issue 20 item 5 through a real server process: a run's face (the story editor's `face` mark)
 * set on one desk reaches the others, is kept by the server across a restart, and set by the 校对
 * as a tracked change it reaches the 组版 as a suggestion, which accepted leaves the run in that face.
 */

const suite = serverSuite('banmian-run-face-');
const ARTICLE = 'xu-chaowen';
const PARA = 2;

async function join(pageId: string, who: SuitePerson, name: string, role: '组版' | '校对') {
  const desk = joinDesk(suite.server.url, pageId, suite.tokens[who], name, role);
  suite.open.push(desk);
  await until(`${name} receives the page`, () => desk.docs.articleIds().length > 0 && desk.docs.articleIds().every((id) => desk.docs.articleDoc(id)));
  await desk.session.whenSynced();
  return desk.docs.articleDoc(ARTICLE)!;
}

async function twoDesks(pageId: string) {
  const store = new PageStore(samplePage());
  const desk = shareDesk(suite.server.url, pageId, suite.tokens.layout, '王组版', '组版', store);
  suite.open.push(desk);
  await desk.session.whenSynced();
  return { layoutDoc: store.articleDoc(ARTICLE)!, proofDoc: await join(pageId, 'proof', '赵校对', '校对') };
}

/** The article's runs that carry a face of their own: text and family. */
const facedRuns = (doc: Y.Doc) => printableParagraphs(readArticleBody(doc)).flatMap((p) => p.spans.filter((s) => s.face).map((s) => [s.text, s.face!.family]));

/** Sets `family` on characters 2–5 of the paragraph as the story editor does (ProseMirror, mapped into Yjs); `tracked`: as a 校对's suggestion. */
function setFaceOnDesk(doc: Y.Doc, family: string, tracked: boolean): void {
  const fragment = doc.getXmlFragment('body');
  const state0 = EditorState.create({ schema: storySchema(), doc: yXmlFragmentToProseMirrorRootNode(fragment, storySchema()), plugins: tracked ? [suggestChanges()] : [] });
  let from = 1;
  for (let i = 0; i < PARA; i++) from += state0.doc.child(i).nodeSize;
  const state = state0.apply(state0.tr.setSelection(TextSelection.create(state0.doc, from + 2, from + 6)));
  let n = 0;
  setFace({ family }, state, (tr) => {
    const next = state.apply(tracked ? transformToSuggestionTransaction(tr, state, () => `face-${++n}`) : tr);
    // As the proof session records them: each suggestion mark's id and kind, once.
    const marks = new Map<string, 'insertion' | 'deletion'>();
    next.doc.descendants((node) => {
      for (const m of node.marks) if (m.type.name === 'insertion' || m.type.name === 'deletion') marks.set(String(m.attrs.id), m.type.name);
    });
    doc.transact(() => {
      updateYFragment(doc, fragment, next.doc, { mapping: new Map(), isOMark: new Map() });
      for (const [id, kind] of marks) recordSuggestion(doc, { id, kind, author: '赵校对', role: '校对', round: '一校', at: new Date().toISOString() });
    });
  });
}

describe('a run’s face between desks (real server)', () => {
  it('set by the 组版 reaches the 校对, is drawn in that face there, and a desk joining after a server restart still has it', async () => {
    const pageId = 'run-face-direct';
    const { layoutDoc, proofDoc } = await twoDesks(pageId);
    setFaceOnDesk(layoutDoc, 'kai', false);
    const runs = facedRuns(layoutDoc);
    expect(runs).toHaveLength(1);
    expect(runs[0][1]).toBe('kai');
    await until('the 校对 has the face', () => JSON.stringify(facedRuns(proofDoc)) === JSON.stringify(runs));
    const doc = samplePage();
    const article = doc.articles.find((a) => a.id === ARTICLE)!;
    article.body = readArticleBody(proofDoc);
    const pl = layout(doc, { fonts: fontProvider().registry() });
    const drawn = pl.items.flatMap((i) => (i.kind === 'glyphs' && i.source?.owner === ARTICLE && i.face === 'kai-regular' ? [i.text] : [])).join('');
    expect(drawn).toBe(runs[0][0]);
    for (const d of suite.open.splice(0)) d.session.destroy();
    await suite.server.kill('SIGTERM');
    await suite.server.start();
    const later = await join(pageId, 'layout2', '李组版', '组版');
    expect(facedRuns(later)).toEqual(runs);
  });

  it('set by the 校对 in tracked changes reaches the 组版 as a suggestion; accepted, both desks have the run in that face', async () => {
    const { layoutDoc, proofDoc } = await twoDesks('run-face-tracked');
    setFaceOnDesk(proofDoc, 'kai', true);
    // Until it is accepted the printed text keeps its face: the new face is only on the suggested insertion.
    expect(facedRuns(proofDoc)).toEqual([]);
    const ids = () => [...new Set(readArticleBody(layoutDoc).content.flatMap((p) => (p.content ?? []).flatMap((t) => ('marks' in t ? (t.marks ?? []).filter((m) => m.type === 'insertion').map((m) => String(m.attrs?.id)) : []))))];
    await until('the 组版 has the suggestion', () => ids().length > 0);
    for (const id of ids()) expect(decideSuggestion(layoutDoc, id, 'accept', '王组版')).toBe(true);
    const runs = facedRuns(layoutDoc);
    expect(runs.map(([, family]) => family)).toEqual(['kai']);
    await until('the 校对 has the accepted face', () => JSON.stringify(facedRuns(proofDoc)) === JSON.stringify(runs));
  });
});
