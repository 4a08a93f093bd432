/** Styled text runs of one paragraph, and edits on them by code-point position. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export function spansText(spans: Span[]): string {
  return spans.map((s) => s.text).join('');
}

/**
 * Applies a per-code-point rewrite (one replacement string per code point of the whole paragraph)
 * to styled spans: each replacement stays in the span of the code point it replaces.
 */
export function rewriteSpans(spans: Span[], rewrite: (chars: string[]) => string[]): Span[] {
  const chars = Array.from(spansText(spans));
  const rep = rewrite(chars);
  if (spans.length === 1) {
    const text = rep.join('');
    return text ? [{ ...spans[0], text }] : [];
  }
  const out: Span[] = [];
  let k = 0;
  for (const s of spans) {
    const len = Array.from(s.text).length;
    const text = rep.slice(k, k + len).join('');
    k += len;
    if (text) out.push({ ...s, text });
  }
  return mergeSpans(out);
}

export function mergeSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    if (!s.text) continue;
    const last = out[out.length - 1];
    if (last && !!last.bold === !!s.bold && !!last.italic === !!s.italic) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/** Removes `count` code points from the start (count > 0) of the paragraph. */
export function dropStart(spans: Span[], count: number): Span[] {
  return rewriteSpans(spans, (chars) => chars.map((c, i) => (i < count ? '' : c)));
}

/** Removes `count` code points from the end of the paragraph. */
export function dropEnd(spans: Span[], count: number): Span[] {
  return rewriteSpans(spans, (chars) => chars.map((c, i) => (i >= chars.length - count ? '' : c)));
}

export function trimSpans(spans: Span[]): Span[] {
  const out = spans.filter((sp) => sp.text).map((sp) => ({ ...sp }));
  while (out.length && !(out[0].text = out[0].text.trimStart())) out.shift();
  while (out.length && !(out[out.length - 1].text = out[out.length - 1].text.trimEnd())) out.pop();
  return out;
}
