// Hand-written expectation notation for line-break tests.
// Between every two characters write one marker: '×' = no break, '÷' = break allowed,
// '⇣' = mandatory break. sot and eot take no marker (result[0] = 0, result[end] = 2).
// Positions inside a surrogate pair are expected to be 0 automatically.
export function spec(s: string): { text: string; expected: Uint8Array } {
  let text = '';
  const marks = new Map<number, number>();
  let needMark = false;
  for (const ch of s) {
    if (ch === '×' || ch === '÷' || ch === '⇣') {
      if (!needMark) throw new Error(`misplaced marker in ${s}`);
      marks.set(text.length, ch === '×' ? 0 : ch === '÷' ? 1 : 2);
      needMark = false;
    } else {
      if (needMark) throw new Error(`missing marker before ${ch} in ${s}`);
      text += ch;
      needMark = true;
    }
  }
  const expected = new Uint8Array(text.length + 1);
  for (const [i, v] of marks) expected[i] = v;
  if (text.length > 0) expected[text.length] = 2;
  return { text, expected };
}

/** Renders a result in the same notation (for readable assertion diffs). */
export function render(text: string, result: ArrayLike<number>): string {
  let out = '';
  let i = 0;
  for (const ch of text) {
    if (i > 0) out += result[i] === 0 ? '×' : result[i] === 1 ? '÷' : '⇣';
    out += ch;
    i += ch.length;
    for (let k = i - ch.length + 1; k < i; k++) if (result[k] !== 0) out += '<surrogate break!>';
  }
  return out;
}
