import { isProhibitedLineStart } from '../typeset/kinsoku';
import { isLoneCharacterLine } from '../typeset/lone';
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

/** The paragraph's last line holds a lone character (孤字). */
export function isLoneLast(cp: ComposedParagraph): boolean {
  const last = cp.lines[cp.lines.length - 1];
  return !!last && cp.lines.length >= 2 && isLoneCharacterLine(cp.cps, last.start, last.end);
}
