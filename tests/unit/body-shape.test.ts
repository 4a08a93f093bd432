import { describe, expect, it } from 'vitest';
import { bodyShapeProblem, BODY_BLOCK_NODES, BODY_INLINE_NODES, BODY_MARKS } from '../../src-core/model/body-shape';
import { CUTTABLE_ATTR } from '../../src-core/model/richtext';
import { validateDocument } from '../../src-core/model/validate';
import { storySchema } from '../../src-core/story/schema';
import { samplePage } from '../../bench/pages';

const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const doc = (...content: unknown[]) => ({ type: 'doc', content });

describe('article body shape', () => {
  it('names the same nodes and marks as the story schema', () => {
    const schema = storySchema();
    expect(new Set(Object.keys(schema.nodes))).toEqual(new Set(['doc', ...BODY_BLOCK_NODES, ...BODY_INLINE_NODES]));
    expect(new Set(Object.keys(schema.marks))).toEqual(new Set(BODY_MARKS));
    for (const node of BODY_BLOCK_NODES) expect(Object.keys(schema.nodes[node].spec.attrs ?? {})).toContain(CUTTABLE_ATTR);
  });

  it('accepts bodies the editor writes', () => {
    expect(bodyShapeProblem(doc(para({ type: 'text', text: '正文', marks: [{ type: 'bold' }, { type: 'deletion', attrs: { id: 's1' } }] }), { type: 'heading', attrs: { level: 3 }, content: [] }, para()))).toBeUndefined();
  });

  it('refuses a paragraph inside a paragraph, unknown marks, empty text and floods, naming where', () => {
    expect(bodyShapeProblem(doc(para(para({ type: 'text', text: '嵌套' }))))?.path).toBe('content[0].content[0].type');
    expect(bodyShapeProblem(doc(para({ type: 'text', text: '字', marks: [{ type: 'script' }] })))?.path).toBe('content[0].content[0].marks[0].type');
    expect(bodyShapeProblem(doc(para({ type: 'text', text: '' })))?.path).toBe('content[0].content[0].text');
    expect(bodyShapeProblem(doc({ type: 'heading', attrs: { level: 9 } }))?.path).toBe('content[0].attrs.level');
    expect(bodyShapeProblem({ type: 'doc' })?.path).toBe('content');
    expect(bodyShapeProblem(doc(...Array.from({ length: 20_001 }, () => para())))?.en).toContain('20000');
    expect(bodyShapeProblem(null)?.zh).toContain('正文');
    // an attribute value that String() cannot turn into text
    expect(bodyShapeProblem(doc(para({ type: 'text', text: '字', marks: [{ type: 'deletion', attrs: { id: { toString: 1 } } }] })))?.path).toBe('content[0].content[0].marks[0].attrs');
  });

  it('makes a bad body a validation issue of the page, with field and value', () => {
    const page = samplePage();
    (page.articles[1].body.content[0] as unknown as { content: unknown[] }).content = [para({ type: 'text', text: '嵌套' })];
    const v = validateDocument(page);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.issues[0].path).toBe('articles[1].body.content[0].content[0].type');
      expect(v.issues[0].en).toContain('"paragraph"');
      expect(v.issues[0].zh).toContain('段落不能嵌套');
    }
  });
});
