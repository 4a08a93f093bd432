import { ptToMm, ptToZihao } from '../../src-core/model/units';

/** Lengths in the UI are millimetres; type sizes are 字号 with the point size beside them. */
export const mm = (pt: number, digits = 1): string => `${ptToMm(pt).toFixed(digits)} mm`;

export function sizeLabel(pt: number): string {
  const name = ptToZihao(pt);
  const p = Number.isInteger(pt) ? String(pt) : pt.toFixed(1);
  return name ? `${name}（${p} pt）` : `${p} pt`;
}

/** Han characters, letters and digits: what a newsroom counts as 字数. */
export function countChars(text: string): number {
  let n = 0;
  for (const ch of text) if (/[\p{L}\p{N}]/u.test(ch)) n++;
  return n;
}

export { FAMILY_LABELS } from '../../src-core/model/styles';
