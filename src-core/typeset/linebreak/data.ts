// Decodes the generated run-length table into lookup structures (once, at module load):
// a flat Uint8Array for the BMP and sorted run arrays for the astral planes.
import { LB_RUNS } from './data.generated';

export const BMP_PROPS = new Uint8Array(0x10000);
let astralStarts: Uint32Array;
let astralValues: Uint8Array;

(function decode(): void {
  const s = LB_RUNS;
  let i = 0;
  const next = (): number => {
    let n = 0;
    for (;;) {
      const c = s.charCodeAt(i++);
      if (c >= 0x50) n = (n << 5) | (c - 0x50);
      else return (n << 5) | (c - 0x30);
    }
  };
  const starts: number[] = [];
  const values: number[] = [];
  let cp = 0;
  while (i < s.length) {
    const len = next();
    const v = next();
    const end = cp + len;
    if (cp < 0x10000) BMP_PROPS.fill(v, cp, Math.min(end, 0x10000));
    if (end > 0x10000) {
      starts.push(Math.max(cp, 0x10000));
      values.push(v);
    }
    cp = end;
  }
  if (cp !== 0x110000) throw new Error('linebreak data: corrupt table');
  astralStarts = Uint32Array.from(starts);
  astralValues = Uint8Array.from(values);
})();

/** Property byte (class | EA_BIT | XP_CN_BIT) of a code point. */
export function propsOf(cp: number): number {
  if (cp < 0x10000) return BMP_PROPS[cp];
  if (cp > 0x10ffff) return BMP_PROPS[0xfffd];
  // binary search for the last run starting at or before cp
  let lo = 0;
  let hi = astralStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (astralStarts[mid] <= cp) lo = mid;
    else hi = mid - 1;
  }
  return astralValues[lo];
}
