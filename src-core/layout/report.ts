import { isHan } from '../typeset/chars';
import { isProhibitedLineStart } from '../typeset/kinsoku';
import { KinsokuResolution, type ComposedParagraph } from '../typeset/compose';
import type { TypoReport } from './page-layout';

/** The report stage: typographic counts of the lines layout placed. */

export function emptyReport(): TypoReport {
  return {
    lines: 0,
    justifiedLines: 0,
    kinsokuSqueeze: 0,
    kinsokuPush: 0,
    compressions: 0,
    loneCharacters: 0,
    tightenedLines: 0,
    looseLines: 0,
    worstExpansion: 0,
    offGridLines: 0,
    emergencyBreaks: 0,
    prohibitedLineStarts: 0,
  };
}

/** Adds `r` into `into`: counts add up, the worst expansion is the larger. */
export function addReport(into: TypoReport, r: TypoReport): void {
  for (const key of Object.keys(into) as (keyof TypoReport)[]) {
    if (key === 'worstExpansion') into.worstExpansion = Math.max(into.worstExpansion, r.worstExpansion);
    else into[key] += r[key];
  }
}

/** Counts line `li` of a composed paragraph as placed on the page. */
export function tally(report: TypoReport, cp: ComposedParagraph, li: number, justified: boolean, maxExpansion: number): void {
  const line = cp.lines[li];
  report.lines++;
  if (justified && !line.last) {
    report.justifiedLines++;
    if (line.expansion > maxExpansion + 1e-6) report.looseLines++;
    report.worstExpansion = Math.max(report.worstExpansion, line.expansion);
  }
  if (line.kinsoku === KinsokuResolution.Squeeze) report.kinsokuSqueeze++;
  else if (line.kinsoku === KinsokuResolution.Push) report.kinsokuPush++;
  report.compressions += line.compressions;
  if (line.tightening > 0) report.tightenedLines++;
  if (line.emergency) report.emergencyBreaks++;
  if (line.start > 0 && isProhibitedLineStart(cp.cps[line.start])) report.prohibitedLineStarts++;
}

/** The paragraph's last line holds one Han character (with punctuation at most): a lone character (孤字). */
export function isLoneLast(cp: ComposedParagraph): boolean {
  const last = cp.lines[cp.lines.length - 1];
  if (!last || cp.lines.length < 2) return false;
  let han = 0;
  for (let i = last.start; i < last.end; i++) {
    const c = cp.cps[i];
    if (isHan(c)) han++;
    else if (!isPunctuationOrSpace(c)) return false;
  }
  return han === 1;
}

function isPunctuationOrSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0x2010 && c <= 0x2027);
}
