/**
 * The clreq kinsoku sets, written out independently of the line breaker so that layout can verify
 * its own output (the typographic report counts any line that starts or ends wrongly).
 */
const NO_LINE_START = new Set(
  [...'、。，．：；？！）］｝」』】〕〉》〗〙〛”’…‥・·％‰℃°′″—〜ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;?!)]}'].map((c) => c.codePointAt(0)!),
);
const NO_LINE_END = new Set([...'（［｛「『【〔〈《〖〘〚“‘([{'].map((c) => c.codePointAt(0)!));

export function isProhibitedLineStart(cp: number): boolean {
  return NO_LINE_START.has(cp);
}

export function isProhibitedLineEnd(cp: number): boolean {
  return NO_LINE_END.has(cp);
}
