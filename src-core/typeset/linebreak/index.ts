/**
 * Unicode 17 line breaking (UAX #14) with an optional Chinese (W3C clreq) tailoring.
 * Pure TypeScript; data comes from data.generated.ts (scripts/gen-linebreak-data.mjs).
 *
 * 'uax14' implements the default algorithm rule by rule (LB1–LB31), with LB1 resolving
 * AI/SG/XX -> AL, SA -> CM (Mn/Mc) or AL, CJ -> NS.
 *
 * 'clreq' = 'uax14' plus the following deviations (strict kinsoku for Chinese newspapers; see README.md).
 * On the official LineBreakTest (16,672 cases) 'uax14' passes all; 'clreq' differs on 464 cases, all
 * because of items 1-3 below: no break before — (223 cases), no break before NS after a space (237),
 * no break before "." in " .5" (2), and the quote remapping (Chinese “Best”奖 and German „…“ ‚…‘).
 *   1. U+201C “ and U+2018 ‘ are resolved to OP (instead of QU/Pi): never break after them (even
 *      across spaces, LB14); a break before them follows the OP rules (allowed after an ideograph
 *      or after ：, not after Latin letters/digits, LB30) — UAX #14's LB19a forbids a break
 *      before “ when the quoted text starts with a Latin letter (的÷“Best”).
 *   2. U+201D ” and U+2019 ’ are resolved to CL (instead of QU/Pf): never break before them (LB13);
 *      a break after them is allowed before an East Asian (F/W/H) character even when the quoted
 *      text ends with a Latin letter (“Hello”÷然). Before a non-East-Asian character there is no
 *      break (UAX #14's "QU × [^EastAsian]" is kept), so "don’t" and ”Jo stay whole.
 *   3. "No line start" (a break is never allowed before these, even after a space; mandatory
 *      breaks and ZW still win): 、。，．：；？！）］｝」』】〕〉》〗〙〛〞〟”’…‥・ー々〻ゝゞヽヾ〜
 *      small kana (ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰ–ㇿ ｧ–ｯ), ％‰‱℃℉°′″‴,
 *      fullwidth ，．：；？！），halfwidth , . : ; ? ! ) ] }, the dashes — ⸺ ⸻ (so —— is never
 *      split nor separated from the preceding text), ﹐﹑﹒ and the 间隔号 ·. CJ is NS in both modes (LB1).
 *   4. "No line end" (a break is never allowed after these): （［｛「『【〔〈《〖〘〚〝“‘ ｢,
 *      halfwidth ( [ {, and the 间隔号 ·.
 *   5. Everything else (numbers, Latin words, URLs, NU ÷ ID, ……) keeps the UAX #14 answer.
 */
import {
  AK, AL, AP, AS, B2, BA, BB, BK, CB, CL, CLASS_MASK, CLASS_ORDER, CLASS_COUNT, CM, CP, CR, EB, EM, EX,
  GL, H2, H3, HL, HY, ID, IN, IS, JL, JT, JV, LF, NL, NS, NU, OP, PO, PR, QU, QU_PF, QU_PI,
  RI, SP, SY, VF, VI, WJ, ZW, ZWJ,
} from './classes';
import { BMP_PROPS, propsOf } from './data';

export type LineBreakTailoring = 'uax14' | 'clreq';

/** result[i] values: */
export const BREAK_NONE = 0, BREAK_ALLOWED = 1, BREAK_MANDATORY = 2;

// ---- per-unit flags (a "unit" is a base character plus the CM/ZWJ absorbed by LB9)
const F_EA = 1; // East_Asian_Width F/W/H (of the base)
const F_XP = 2; // Extended_Pictographic && unassigned
const F_DOTTED = 4; // U+25CC DOTTED CIRCLE (LB28a)
const F_ZWJ_END = 8; // the unit ends with ZWJ (LB8a)
const F_NOSTART = 16; // clreq: no break before
const F_NOEND = 32; // clreq: no break after
const F_CLOSE_QUOTE = 64; // clreq: U+201D/U+2019 resolved to CL; no break after them before a non-East-Asian character
const F_HH = 128; // U+2010 HYPHEN (lb=BA, but acts like HY in LB20a and LB21a)

// ---- clreq tables (BMP only: every tailored character is in the BMP)
const CLREQ_PROPS = BMP_PROPS.slice();
const CLREQ_FLAGS = new Uint8Array(0x10000);
(function initClreq(): void {
  const setClass = (cp: number, cls: number): void => {
    CLREQ_PROPS[cp] = (CLREQ_PROPS[cp] & ~CLASS_MASK) | cls;
  };
  setClass(0x201c, OP);
  setClass(0x2018, OP);
  setClass(0x201d, CL);
  setClass(0x2019, CL);
  CLREQ_FLAGS[0x201d] |= F_CLOSE_QUOTE;
  CLREQ_FLAGS[0x2019] |= F_CLOSE_QUOTE;
  const noStart =
    '、。，．：；？！）］｝」』】〕〉》〗〙〛〞〟”’…‥・ー々〻ゝゞヽヾ〜' +
    'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶｧｨｩｪｫｬｭｮｯ' +
    '％‰‱℃℉°′″‴，．：；？！）,.:;?!)]}—⸺⸻﹐﹑﹒·';
  for (const ch of noStart) CLREQ_FLAGS[ch.charCodeAt(0)] |= F_NOSTART;
  for (let cp = 0x31f0; cp <= 0x31ff; cp++) CLREQ_FLAGS[cp] |= F_NOSTART; // small katakana ㇰ–ㇿ
  const noEnd = '（［｛「『【〔〈《〖〘〚〝“‘｢([{·';
  for (const ch of noEnd) CLREQ_FLAGS[ch.charCodeAt(0)] |= F_NOEND;
})();

// ---- reusable work buffers
let cap = 0;
let uCls = new Uint8Array(0);
let uFl = new Uint8Array(0);
let uPos = new Int32Array(0);
let uNum = new Uint8Array(0); // LB25 state: 1 = NU (SY|IS)*, 2 = NU (SY|IS)* (CL|CP)

function ensure(n: number): void {
  if (n <= cap) return;
  cap = Math.max(n, cap * 2, 256);
  uCls = new Uint8Array(cap);
  uFl = new Uint8Array(cap);
  uPos = new Int32Array(cap);
  uNum = new Uint8Array(cap);
}

/** Resolved (LB1) Line_Break class of a code point, e.g. 'ID', 'CL', 'OP'. */
export function lineBreakClass(codePoint: number): string {
  const c = propsOf(codePoint) & CLASS_MASK;
  return c === QU_PI || c === QU_PF ? 'QU' : CLASS_ORDER[c];
}

/**
 * Break opportunities of `text`. result[i] (1 <= i <= text.length) describes the position between
 * UTF-16 code units i-1 and i: 0 = no break, 1 = break allowed, 2 = mandatory break.
 * result[0] is 0; result[text.length] is 2 when text is non-empty; positions inside a surrogate
 * pair or inside a combining sequence are 0. `into`: zeroed, text.length + 1 long, written and
 * returned instead of an array of its own (the composer's scratch: one allocation fewer per paragraph).
 */
// Long on purpose: the per-code-unit loop of the breaker (hot: every paragraph), keeping its running state (last non-space class, regional-indicator run, numeric context) in locals.
export function breakOpportunities(text: string, tailoring: LineBreakTailoring = 'uax14', into?: Uint8Array): Uint8Array {
  const len = text.length;
  const res = into ?? new Uint8Array(len + 1);
  if (len === 0) return res;
  const clreq = tailoring === 'clreq';
  const table = clreq ? CLREQ_PROPS : BMP_PROPS;
  ensure(len + 1);
  const cls = uCls, fl = uFl, pos = uPos, num = uNum;

  // ---- pass 1: code points -> units (LB1 resolved in the table; LB9/LB10 here)
  let n = 0;
  let baseCls = BK; // class of the current unit's base character (BK..ZW cannot absorb marks)
  for (let i = 0; i < len; ) {
    let cp = text.charCodeAt(i);
    let p: number;
    let w = 1;
    let f = 0;
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < len) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        w = 2;
      }
    }
    if (w === 1) {
      p = table[cp];
      if (clreq) f = CLREQ_FLAGS[cp];
    } else p = propsOf(cp);
    let c = p & CLASS_MASK;
    if (c === CM || c === ZWJ) {
      if (n > 0 && baseCls > ZW) {
        // LB9: X (CM|ZWJ)* -> X
        if (c === ZWJ) fl[n - 1] |= F_ZWJ_END;
        else fl[n - 1] &= ~F_ZWJ_END;
        i += w;
        continue;
      }
      // LB10: unattached CM/ZWJ -> AL
      if (c === ZWJ) f |= F_ZWJ_END;
      c = AL;
    }
    cls[n] = c;
    fl[n] = (p >> 6) | f | (cp === 0x25cc ? F_DOTTED : cp === 0x2010 ? F_HH : 0);
    pos[n] = i;
    baseCls = c;
    n++;
    i += w;
  }

  // ---- pass 2: boundaries between units
  let lastNonSp = -1; // index of the last non-SP unit before the current boundary
  let riRun = 0; // number of consecutive RI units ending just before the boundary
  let prevNum = 0;
  for (let u = 1; u < n; u++) {
    const a = cls[u - 1];
    const b = cls[u];
    // update the look-behind state with unit u-1
    if (a !== SP) lastNonSp = u - 1;
    riRun = a === RI ? riRun + 1 : 0;
    const curNum =
      a === NU ? 1 : (a === SY || a === IS) && prevNum === 1 ? 1 : (a === CL || a === CP) && prevNum === 1 ? 2 : 0;
    num[u - 1] = curNum;
    prevNum = curNum;
    const fa = fl[u - 1];
    const fb = fl[u];
    if (((fa & F_NOEND) | (fb & F_NOSTART)) !== 0 && a > ZW) {
      // clreq kinsoku; only LB4-LB8 (which need a <= ZW or a === SP) could override it
      continue; // res is already 0
    }
    if (((fa | fb) & ~F_EA) === 0) {
      const q = FAST[(a << 6) | b];
      if (q !== FAST_NO) {
        res[pos[u]] = q;
        continue;
      }
    }
    res[pos[u]] = decide(u, n, a, b, fa, fb, lastNonSp, riRun, curNum);
  }
  res[len] = BREAK_MANDATORY; // LB3
  return res;
}

// ---- fast path: pairs whose answer depends only on the two classes (no context, no special flags)
const FAST_NO = 255;
const FAST = new Uint8Array(64 * 64).fill(FAST_NO);
(function initFast(): void {
  const ctxA = new Set([SP, QU_PI, QU_PF, QU, HY, VI, RI, PO, PR, AK, AS, CP]);
  const ctxB = new Set([QU_PI, QU_PF, QU, PO, PR, NU, OP, AK, AS]);
  ensure(2);
  for (let a = 0; a < CLASS_COUNT; a++) {
    if (ctxA.has(a)) continue;
    for (let b = 0; b < CLASS_COUNT; b++) {
      if (ctxB.has(b)) continue;
      uCls[0] = a;
      uCls[1] = b;
      uFl[0] = uFl[1] = 0;
      FAST[(a << 6) | b] = decide(1, 2, a, b, 0, 0, 0, 0, 0);
    }
  }
})();

function isAkLike(c: number, f: number): boolean {
  return c === AK || c === AS || (f & F_DOTTED) !== 0;
}

/** The rules LB4–LB31 for the boundary before unit u (a = class of unit u-1, b = class of unit u). */
// Long on purpose: UAX #14 rules LB4–LB31 in the order the standard gives them, so each can be checked against the text of the rule; split up, the order (which decides) would be hidden.
function decide(
  u: number, n: number, a: number, b: number, fa: number, fb: number,
  lastNonSp: number, riRun: number, numA: number,
): number {
  const cls = uCls;
  // LB4, LB5
  if (a <= NL) {
    if (a === CR && b === LF) return 0;
    return 2;
  }
  // LB6
  if (b <= NL) return 0;
  // LB7
  if (b === SP || b === ZW) return 0;
  // s = class before the run of spaces ending at u-1 (or a itself)
  const s = lastNonSp >= 0 ? cls[lastNonSp] : -1;
  // LB8: ZW SP* ÷
  if (s === ZW) return 1;
  // LB8a
  if (fa & F_ZWJ_END) return 0;
  // clreq kinsoku (no-op in uax14 mode: the flags are never set)
  if ((fa & F_NOEND) !== 0 || (fb & F_NOSTART) !== 0) return 0;
  // keep UAX #14's "QU × [^EastAsian]" (LB19a) for the closing quotes: "don’t", Swedish ”Jo…”
  if ((fa & F_CLOSE_QUOTE) !== 0 && (fb & F_EA) === 0) return 0;
  // LB11
  if (a === WJ || b === WJ) return 0;
  // LB12
  if (a === GL) return 0;
  // LB12a
  if (b === GL && a !== SP && a !== BA && a !== HY) return 0;
  // LB13
  if (b === CL || b === CP || b === EX || b === SY) return 0;
  // LB14: OP SP* ×
  if (s === OP) return 0;
  // LB15a: (sot | BK | CR | LF | NL | OP | QU | GL | SP | ZW) [\p{Pi}&QU] SP* ×
  if (s === QU_PI) {
    if (lastNonSp === 0) return 0;
    const p = cls[lastNonSp - 1];
    if (p <= ZW || p === OP || p === QU || p === QU_PI || p === QU_PF || p === GL) return 0;
  }
  // LB15b: × [\p{Pf}&QU] ( SP | GL | WJ | CL | QU | CP | EX | IS | SY | BK | CR | LF | NL | ZW | eot )
  if (b === QU_PF) {
    if (u + 1 >= n) return 0;
    const c = cls[u + 1];
    if (
      c <= GL || c === CL || c === QU || c === QU_PI || c === QU_PF || c === CP ||
      c === EX || c === IS || c === SY
    ) return 0;
  }
  // LB15c: SP ÷ IS NU
  if (a === SP && b === IS && u + 1 < n && cls[u + 1] === NU) return 1;
  // LB15d
  if (b === IS) return 0;
  // LB16: (CL | CP) SP* × NS
  if (b === NS && (s === CL || s === CP)) return 0;
  // LB17: B2 SP* × B2
  if (b === B2 && s === B2) return 0;
  // LB18
  if (a === SP) return 1;
  // LB19: × [QU - Pi]; [QU - Pf] ×
  if (b === QU || b === QU_PF) return 0;
  if (a === QU || a === QU_PI) return 0;
  // LB19a (only QU_PI remains for b, QU_PF for a)
  if (b === QU_PI) {
    if ((fa & F_EA) === 0) return 0;
    if (u + 1 >= n || (uFl[u + 1] & F_EA) === 0) return 0;
  }
  if (a === QU_PF) {
    if ((fb & F_EA) === 0) return 0;
    if (u < 2 || (uFl[u - 2] & F_EA) === 0) return 0;
  }
  // LB20
  if (a === CB || b === CB) return 1;
  // LB20a: ( sot | BK | CR | LF | NL | SP | ZW | CB | GL ) ( HY | U+2010 ) × AL
  const aHy = a === HY || (fa & F_HH) !== 0;
  if (aHy && b === AL) {
    if (u < 2) return 0;
    const p = cls[u - 2];
    if (p <= ZW || p === CB || p === GL) return 0;
  }
  // LB21
  if (b === BA || b === HY || b === NS || a === BB) return 0;
  // LB21a: HL ( HY | U+2010 ) × [^HL]
  if (aHy && b !== HL && u >= 2 && cls[u - 2] === HL) return 0;
  // LB21b
  if (a === SY && b === HL) return 0;
  // LB22
  if (b === IN) return 0;
  // LB23
  if ((a === AL || a === HL) && b === NU) return 0;
  if (a === NU && (b === AL || b === HL)) return 0;
  // LB23a
  if (a === PR && (b === ID || b === EB || b === EM)) return 0;
  if ((a === ID || a === EB || a === EM) && b === PO) return 0;
  // LB24
  if ((a === PR || a === PO) && (b === AL || b === HL)) return 0;
  if ((a === AL || a === HL) && (b === PR || b === PO)) return 0;
  // LB25
  if ((b === PO || b === PR) && numA !== 0) return 0; // NU (SY|IS)* (CL|CP)? × (PO|PR)
  if (a === PO || a === PR) {
    if (b === NU) return 0;
    if (b === OP && u + 1 < n) {
      const c = cls[u + 1];
      if (c === NU) return 0;
      if (c === IS && u + 2 < n && cls[u + 2] === NU) return 0;
    }
  }
  if ((a === HY || a === IS) && b === NU) return 0;
  if (b === NU && numA === 1) return 0;
  // LB26
  if (a === JL && (b === JL || b === JV || b === H2 || b === H3)) return 0;
  if ((a === JV || a === H2) && (b === JV || b === JT)) return 0;
  if ((a === JT || a === H3) && b === JT) return 0;
  // LB27
  const aJ = a === JL || a === JV || a === JT || a === H2 || a === H3;
  if (aJ && b === PO) return 0;
  if (a === PR && (b === JL || b === JV || b === JT || b === H2 || b === H3)) return 0;
  // LB28
  if ((a === AL || a === HL) && (b === AL || b === HL)) return 0;
  // LB28a
  const akB = isAkLike(b, fb);
  if (a === AP && akB) return 0;
  const akA = isAkLike(a, fa);
  if (akA && (b === VF || b === VI)) return 0;
  if (a === VI && u >= 2 && isAkLike(cls[u - 2], uFl[u - 2]) && (b === AK || (fb & F_DOTTED) !== 0)) return 0;
  if (akA && akB && u + 1 < n && cls[u + 1] === VF) return 0;
  // LB29
  if (a === IS && (b === AL || b === HL)) return 0;
  // LB30
  if ((a === AL || a === HL || a === NU) && b === OP && (fb & F_EA) === 0) return 0;
  if (a === CP && (fa & F_EA) === 0 && (b === AL || b === HL || b === NU)) return 0;
  // LB30a
  if (a === RI && b === RI && (riRun & 1) === 1) return 0;
  // LB30b
  if (b === EM && (a === EB || (fa & F_XP) !== 0)) return 0;
  // LB31
  return 1;
}
