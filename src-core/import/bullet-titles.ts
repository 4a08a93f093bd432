/**
 * Titles a city paper marks with a bullet (■), as its 简讯 column sets them: on a line of their own
 * over the item's dateline, wrapped to a second line when longer than the column; or run in, the text
 * going on after a full-width space (■重庆出台青年创业促进条例　本报重庆6月4日电…); and the column's
 * own name over them (■ 城事快报). Field test 31. An item that opens with its text (■近日，…, field
 * test 27) has no title: it is left to the paragraph rules.
 */
import { BULLET_RE, BULLETS, COMMA_OR_STOP, endsInPunctuation } from './chars';
import { HAN_IDEOGRAPHS as HAN } from '../typeset/chars';

export interface BulletTitle {
  /** The title, its bullet kept (a marked subhead inside a story stays one: segment reads the mark). */
  title: string;
  /** The column's name over bulleted titles (■ 城事快报), not a title. */
  column?: true;
  /** The text run in after the title, to open the item's first paragraph. */
  rest?: string;
  /** Lines after `idx` the title took (its second line). */
  skip: number;
}

/** A bulleted column name: a few Han characters alone (■ 城事快报). */
const COLUMN_RE = new RegExp(`^[${BULLETS}]\\s*([${HAN}]{2,8})$`, 'u');
/** A run-in title and the text after it: the title has no comma or stop, a full-width space ends it. */
const RUN_IN_RE = new RegExp(`^([${BULLETS}][^\\u3000]{2,30}?)\\u3000+(\\S.*)$`, 'u');
/** The second line of a run-in title that wraps: its end, then the text after a full-width space. */
const RUN_IN_TAIL_RE = /^([^\u3000\s]{1,12})\u3000+(\S.*)$/u;
/** The most characters a title's wrapped second line holds alone. */
const TAIL_MAX = 12;
const INDENT_RE = /^(?:\u3000|\s{2,}|\t)/;

/** The bulleted title starting at line `idx`, if it starts one. */
export function bulletTitle(lines: readonly string[], idx: number): BulletTitle | undefined {
  const line = lines[idx];
  const t = line.trim();
  if (INDENT_RE.test(line) || !BULLET_RE.test(t)) return undefined;
  const next = lines[idx + 1] ?? '';
  const c = COLUMN_RE.exec(t);
  if (c && BULLET_RE.test(next.trim())) return { title: c[1], column: true, skip: 0 };
  const run = RUN_IN_RE.exec(t);
  if (run) return titled(run[1]) ? runOn({ title: run[1], rest: run[2], skip: 0 }, lines, idx) : undefined;
  if (!titled(t) || INDENT_RE.test(next) || !next.trim()) return undefined;
  const tail = RUN_IN_TAIL_RE.exec(next.trim());
  if (tail && titled(tail[1])) return runOn({ title: t + tail[1], rest: tail[2], skip: 1 }, lines, idx);
  // (a title wrapped to a short second line over the item's indented first line)
  const n = next.trim();
  if ([...n].length <= TAIL_MAX && titled(n) && INDENT_RE.test(lines[idx + 2] ?? '')) return { title: t + n, skip: 1 };
  return undefined;
}

/** A run-in text this short goes on the next line's front: alone on a line, a character or two read as a title. */
const STUB_MAX = 4;

/** The run-in text with the line after it when it is a stub (■…条例　本⏎报重庆6月4日电…: 本报重庆…). */
function runOn(t: BulletTitle, lines: readonly string[], idx: number): BulletTitle {
  const next = lines[idx + t.skip + 1] ?? '';
  if (!t.rest || [...t.rest].length > STUB_MAX || !next.trim() || INDENT_RE.test(next) || BULLET_RE.test(next.trim())) return t;
  return { ...t, rest: t.rest + next.trim(), skip: t.skip + 1 };
}

/** Text that may be (part of) a title: no comma or stop, ending in no mark. */
function titled(text: string): boolean {
  return !COMMA_OR_STOP.test(text) && !endsInPunctuation(text.trim());
}
