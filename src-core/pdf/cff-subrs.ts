import { subrBias, type CffIndex } from './cff-read';

/**
 * Which subroutines a set of Type 2 charstrings calls (Adobe technical note #5177), found by walking
 * each charstring as an interpreter would, as far as the subroutine numbers and hint masks need:
 * numbers on the stack, stem hints counted (a hintmask's length depends on them), calls followed.
 * A call whose number is not a plain operand (computed by an arithmetic operator) makes the walk give
 * up, and the caller keeps every subroutine: wrong outlines are worse than a larger file.
 */
export interface SubrUse {
  global: Set<number>;
  /** Local subroutines used, per font DICT. */
  local: Map<number, Set<number>>;
  /** The walk could not tell: keep them all. */
  unknown: boolean;
}

/** Enough for any real glyph; bounds the time an adversarial font can take. */
const MAX_OPS_PER_GLYPH = 50_000;
const MAX_DEPTH = 10;

interface Walk {
  stack: number[];
  stems: number;
  ops: number;
  done: boolean;
}

export function subrsUsed(charStrings: readonly Uint8Array[], fdOf: readonly number[], gsubrs: CffIndex, lsubrs: (fd: number) => CffIndex | undefined): SubrUse {
  const use: SubrUse = { global: new Set(), local: new Map(), unknown: false };
  charStrings.forEach((cs, i) => {
    if (use.unknown) return;
    const fd = fdOf[i];
    const local = lsubrs(fd);
    let used = use.local.get(fd);
    if (!used) use.local.set(fd, (used = new Set()));
    const state: Walk = { stack: [], stems: 0, ops: 0, done: false };
    try {
      run(cs, state, 0, { gsubrs, local, gUsed: use.global, lUsed: used });
    } catch {
      use.unknown = true;
    }
  });
  return use;
}

interface Subrs {
  gsubrs: CffIndex;
  local: CffIndex | undefined;
  gUsed: Set<number>;
  lUsed: Set<number>;
}

// Long on purpose: one switch over the charstring bytes, each case a few lines (as the format lists them).
function run(cs: Uint8Array, st: Walk, depth: number, subrs: Subrs): void {
  if (depth > MAX_DEPTH) throw new Error('subroutines nested too deep');
  let p = 0;
  while (p < cs.length && !st.done) {
    if (++st.ops > MAX_OPS_PER_GLYPH) throw new Error('charstring too long');
    const v = cs[p];
    if (v >= 32) {
      if (v <= 246) { st.stack.push(v - 139); p += 1; }
      else if (v <= 250) { st.stack.push((v - 247) * 256 + cs[p + 1] + 108); p += 2; }
      else if (v <= 254) { st.stack.push(-(v - 251) * 256 - cs[p + 1] - 108); p += 2; }
      else { st.stack.push(((cs[p + 1] << 24) | (cs[p + 2] << 16) | (cs[p + 3] << 8) | cs[p + 4]) / 65536); p += 5; }
      continue;
    }
    if (v === 28) { st.stack.push(((cs[p + 1] << 24) | (cs[p + 2] << 16)) >> 16); p += 3; continue; }
    p += 1;
    switch (v) {
      case 1: case 3: case 18: case 23: // hstem vstem hstemhm vstemhm
        st.stems += st.stack.length >> 1;
        st.stack = [];
        break;
      case 19: case 20: // hintmask cntrmask: operands before it are an implied vstem
        st.stems += st.stack.length >> 1;
        st.stack = [];
        p += (st.stems + 7) >> 3;
        break;
      case 10: case 29: { // callsubr callgsubr
        const n = st.stack.pop();
        const index = v === 10 ? subrs.local : subrs.gsubrs;
        if (n === undefined || !Number.isInteger(n) || !index) throw new Error('subroutine number unknown');
        const k = n + subrBias(index.count);
        if (k < 0 || k >= index.count) throw new Error('subroutine number out of range');
        (v === 10 ? subrs.lUsed : subrs.gUsed).add(k);
        run(index.entry(k), st, depth + 1, subrs);
        break;
      }
      case 11: // return
        return;
      case 14: // endchar
        st.done = true;
        return;
      case 12: // two-byte operators: arithmetic ones would compute numbers this walk cannot follow
        p += 1;
        st.stack = [];
        break;
      default:
        st.stack = [];
    }
  }
}
