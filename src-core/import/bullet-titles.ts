/**
 * Titles a city paper marks with a bullet (■), as its 简讯 column sets them: on a line of their own
 * over the item's dateline, wrapped to a second line when longer than the column; or run in, the
 * dateline going on after a full-width space (■重庆出台青年创业促进条例　本报重庆6月4日电…); and the
 * column's own name over them (■ 城事快报). Field test 31. An item is known by its dateline: a list
 * (■时间　6月20日上午9时, ■一等奖三名) or an item that opens with its text (■近日，…, field test 27)
 * has no title and is left to the paragraph rules.
 */
import { BULLET_RE, BULLETS, COMMA_OR_STOP, endsInPunctuation, INDENT_RE } from './chars';
import { leadAtStart } from './roles';
import { HAN_IDEOGRAPHS as HAN } from '../typeset/chars';

export interface BulletTitle {
  /** The title, its bullet kept (segment reads the mark; the headline is set without it). */
  title: string;
  /** The column's name over bulleted titles (■ 城事快报), not a title. */
  column?: true;
  /** The item's dateline and text run in after the title, to open its first paragraph. */
  rest?: string;
  /** Lines after `idx` the title took (its second line, a stub of the run-in text's line). */
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
/** A run-in text this short goes on the next line's front: alone on a line, a character or two read as a title. */
const STUB_MAX = 4;

/** The bulleted title starting at line `idx`, if it starts one. */
export function bulletTitle(lines: readonly string[], idx: number): BulletTitle | undefined {
  const t = lines[idx].trim();
  if (INDENT_RE.test(lines[idx]) || !BULLET_RE.test(t)) return undefined;
  const c = COLUMN_RE.exec(t);
  // (a column's name over an item's title, bulleted or not: 城事快报⏎■海南…, 城事快报⏎海南启动老旧电梯改造⏎　　本报海口…)
  if (c && (itemTitle(lines, idx + 1) || plainTitleOverDateline(lines, idx + 1))) return { title: c[1], column: true, skip: 0 };
  return itemTitle(lines, idx);
}

/** The title of a bulleted item at line `idx`: known by the dateline under it or run in after it. */
function itemTitle(lines: readonly string[], idx: number): BulletTitle | undefined {
  const t = (lines[idx] ?? '').trim();
  if (INDENT_RE.test(lines[idx] ?? '') || !BULLET_RE.test(t)) return undefined;
  const run = RUN_IN_RE.exec(t);
  if (run) return titled(run[1]) ? dated(runOn({ title: run[1], rest: run[2], skip: 0 }, lines, idx)) : undefined;
  const next = lines[idx + 1] ?? '';
  if (!titled(t) || INDENT_RE.test(next) || !next.trim() || BULLET_RE.test(next.trim())) return undefined;
  const tail = RUN_IN_TAIL_RE.exec(next.trim());
  if (tail && titled(tail[1])) return dated(runOn({ title: t + tail[1], rest: tail[2], skip: 1 }, lines, idx));
  // (a title wrapped to a short second line over the item's indented dateline)
  const n = next.trim();
  return [...n].length <= TAIL_MAX && titled(n) && indentedDateline(lines[idx + 2]) ? { title: t + n, skip: 1 } : undefined;
}

/** A title line with no bullet right over an indented dateline. */
function plainTitleOverDateline(lines: readonly string[], idx: number): boolean {
  const t = (lines[idx] ?? '').trim();
  return !!t && !INDENT_RE.test(lines[idx]) && titled(t) && [...t].length <= 30 && indentedDateline(lines[idx + 1]);
}

function indentedDateline(line: string | undefined): boolean {
  return !!line && INDENT_RE.test(line) && leadAtStart(line.trim()) !== undefined;
}

/** The title, when the text run in after it opens with a dateline. */
function dated(t: BulletTitle): BulletTitle | undefined {
  return t.rest && leadAtStart(t.rest) !== undefined ? t : undefined;
}

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
