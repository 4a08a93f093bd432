import type { FamilyLabel } from '../../src-core/fonts/registry';
import type { MarkedSpan } from '../../src-core/model/proof';
import type { SpanFace } from '../../src-core/model/richtext';
import { WEIGHT_LABELS } from '../../src-core/story/face';

/**
 * What the 校对 panel says of one open suggestion, from its marked spans: an insertion (增), a
 * deletion (删), a replacement (改「old」为「new」), or a face change. Tracked changes record setting
 * a face as the run deleted and the same text inserted in the new face; shown as a replacement it
 * would read 改「X」为「X」, so it is said as what it is: 「X」改用楷体.
 */
export type ChangeLine =
  | { shown: 'insertion' | 'deletion'; text: string }
  | { shown: 'replacement'; deleted: string; inserted: string }
  | { shown: 'face'; text: string; face: { zh: string; en: string } };

const sameFace = (a: SpanFace | undefined, b: SpanFace | undefined): boolean => a?.family === b?.family && a?.bold === b?.bold;

/** A face as the panel names it: the family's label and the weight a run sets; no face of its own is the style's. */
export function faceName(face: SpanFace | undefined, label: (family: string) => FamilyLabel): { zh: string; en: string } {
  if (!face) return { zh: '本样式字体', en: "the style's face" };
  const name = label(face.family);
  if (face.bold === undefined) return { zh: name.zh, en: name.en };
  const weight = WEIGHT_LABELS[face.bold ? 'bold' : 'regular'];
  return { zh: `${name.zh}（${weight.zh}）`, en: `${name.en} ${weight.en}` };
}

/** The line for one suggestion's spans (all of one id, comments left out). */
export function changeLine(spans: readonly MarkedSpan[], label: (family: string) => FamilyLabel): ChangeLine {
  const deletions = spans.filter((s) => s.kind === 'deletion');
  const insertions = spans.filter((s) => s.kind === 'insertion');
  const deleted = deletions.map((s) => s.text).join('');
  const inserted = insertions.map((s) => s.text).join('');
  if (!deleted || !inserted) return deleted ? { shown: 'deletion', text: deleted } : { shown: 'insertion', text: inserted };
  const face = insertions[0].face;
  const oneNewFace = insertions.every((s) => sameFace(s.face, face));
  const faceChanged = deletions.some((s) => !sameFace(s.face, face));
  if (deleted === inserted && oneNewFace && faceChanged) return { shown: 'face', text: inserted, face: faceName(face, label) };
  return { shown: 'replacement', deleted, inserted };
}
