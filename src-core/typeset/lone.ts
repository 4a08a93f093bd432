import { PunctClass, isCjkPunct, isHan, isSpace, punctClass } from './chars';

/**
 * The one lone-character rule (孤字): a line that holds exactly one Han character and otherwise
 * only punctuation and spaces. The composer avoids such a last line; the typographic report counts
 * the ones that stay, so both mean the same thing by it.
 */
export function isLoneCharacterLine(cps: ArrayLike<number>, start: number, end: number): boolean {
  let han = 0;
  for (let i = start; i < end; i++) {
    const c = cps[i];
    if (isHan(c)) han++;
    else if (!isPunctuationOrSpace(c)) return false;
  }
  return han === 1;
}

/** Punctuation of any width (general punctuation dashes and dots too) and spaces. */
function isPunctuationOrSpace(cp: number): boolean {
  return punctClass(cp) !== PunctClass.None || isCjkPunct(cp) || isSpace(cp) || (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0xff00 && cp <= 0xff0f);
}
