/**
 * Hard-wrapped and OCR'd text: joining the lines of a paragraph, and removing the spaces OCR leaves
 * where it joined column lines ("…书记、高 新区党工委…"). Latin words keep their spaces.
 */
import { isCjkChar, isDigit, isSpace } from './chars';
import { HAN_IDEOGRAPHS as HAN } from '../typeset/chars';
import type { ChangeLog } from './report';

const latinWordChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9\u00c0-\u024f]/.test(ch);

/** Where two lines were joined: the code-point position in the joined text, and what went between them. */
export interface LineJoint {
  at: number;
  glue: string;
}

/** Joins the lines of one paragraph: nothing between CJK characters, one space between Latin words. */
export function joinWrappedLines(lines: string[]): string {
  return joinWrappedLinesAt(lines).text;
}

/** joinWrappedLines, with the place of every joint (for the import's corrections). */
export function joinWrappedLinesAt(lines: string[]): { text: string; joints: LineJoint[] } {
  const parts: string[] = [];
  const joints: LineJoint[] = [];
  let length = 0;
  let last: string | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const first = String.fromCodePoint(line.codePointAt(0)!);
    if (last !== undefined) {
      const glue = (!(isCjkChar(last) || isCjkChar(first)) || partsNames(parts[parts.length - 1], raw)) && !(last === '-' && /[a-z]/.test(first)) && !splitsNumber(last, first, true) ? ' ' : '';
      joints.push({ at: length, glue });
      if (glue) parts.push(glue);
      length += glue.length;
    }
    parts.push(line);
    length += Array.from(line).length;
    const lastCode = line.codePointAt(line.length - 1)!;
    last = lastCode >= 0xdc00 && lastCode <= 0xdfff && line.length > 1 ? String.fromCodePoint(line.codePointAt(line.length - 2)!) : String.fromCharCode(lastCode);
  }
  return { text: parts.join(''), joints };
}

/** A whole Chinese personal name: two to four Han characters. */
const WHOLE_NAME_RE = new RegExp(`^[${HAN}]{2,4}$`, 'u');

/**
 * Whether a wrap parts two names: the next line set in by a space, with a whole name on each side
 * (记者 庞淼 通讯员 李海天⏎ 刘艳兵）). The space stays; the body's clean-up drops it between Han
 * characters anyway, a dateline's names keep it. (李⏎ 红) is one name cut.
 */
function partsNames(before: string, raw: string): boolean {
  return /^\s/.test(raw) && WHOLE_NAME_RE.test(before.split(/[\s(（]/).pop() ?? '') && WHOLE_NAME_RE.test(raw.trim().split(/[\s)）]/)[0]);
}

/**
 * Whether a line end (`wrap`) or a space between `left` and `right` falls inside a number: a wrap
 * between two digits (3⏎53户), a space or a wrap beside its decimal point or per-cent sign (10 .4,
 * 27. 9, 79.1 %). A space between two digits stays (a phone number's groups, a date and a time) unless a unit ends them (splitsCount).
 */
function splitsNumber(left: string | undefined, right: string | undefined, wrap: boolean): boolean {
  return (isDigit(left) && ((wrap && isDigit(right)) || right === '.' || right === '%')) || (left === '.' && isDigit(right));
}

/**
 * What a year, a date or a count is written before (12月, 2012年, 30余人), with the most a number before
 * it may be (a year: four digits, `YEAR`): a number directly before one, and possible for it, is one number.
 */
const YEAR = -1;
const NUMBER_UNITS: Readonly<Record<string, number>> = { 年: YEAR, 月: 12, 日: 31, 号: 31, 时: 24, 点: 24, 分: 59, 秒: 59 };
const COUNT_UNIT = /[万亿元个名人户家次岁多余%]/;

/**
 * Whether the spaces chars[i..j) fall inside one number a unit ends (1 2月9日, 2 012年: OCR's), not
 * between two (a phone number's groups, 3 5 7, 8 30分): a digit run of at most four in all, the unit
 * right after it, the number possible for a date's unit.
 */
function splitsCount(chars: string[], i: number, j: number): boolean {
  let a = i;
  while (isDigit(chars[a - 1])) a--;
  let b = j;
  while (isDigit(chars[b])) b++;
  const before = i - a;
  const after = b - j;
  if (!(before > 0 && after > 0 && before + after <= 4) || /[0-9.\s]/.test(chars[a - 1] ?? '')) return false;
  const unit = chars[b] ?? '';
  const most = NUMBER_UNITS[unit];
  const value = Number(chars.slice(a, i).join('') + chars.slice(j, b).join(''));
  return most === YEAR ? before + after === 4 : most !== undefined ? value <= most : COUNT_UNIT.test(unit);
}

/**
 * Per code point: '' for each space that touches a CJK character (an OCR artefact in body text),
 * the character itself otherwise. Spaces between two Latin words or numbers stay.
 */
export function removeOcrSpaces(chars: string[], log: ChangeLog): string[] {
  const out = chars.slice();
  const n = chars.length;
  for (let i = 0; i < n; i++) {
    if (!isSpace(chars[i])) continue;
    let j = i;
    while (j < n && isSpace(chars[j])) j++;
    const left = chars[i - 1];
    const right = chars[j];
    const atEdge = left === undefined || right === undefined;
    const touchesCjk = isCjkChar(left) || isCjkChar(right);
    const inNumber = splitsNumber(left, right, false) || splitsCount(chars, i, j);
    if (atEdge || inNumber || (touchesCjk && !(latinWordChar(left) && latinWordChar(right)))) {
      for (let k = i; k < j; k++) out[k] = '';
      if (!atEdge) {
        const kind = inNumber ? 'ocr-space-in-number' : isCjkChar(left) && isCjkChar(right) ? 'ocr-space' : 'ocr-space-beside-cjk';
        const gap = chars.slice(i, j).join('');
        log.add(kind, gap, '', () => `${chars.slice(Math.max(0, i - 4), j + 4).join('')} → ${chars.slice(Math.max(0, i - 4), i).join('')}${chars.slice(j, j + 4).join('')}`, { index: i, length: j - i });
      }
    } else if (j - i > 1) {
      for (let k = i + 1; k < j; k++) out[k] = '';
    }
    i = j - 1;
  }
  return out;
}
