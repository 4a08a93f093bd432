/**
 * Verse on a plain-text page (a 副刊's poem): its lines, each a paragraph of its own as the poet set it,
 * never joined as hard wraps, never read as subheads or titles, its stanzas kept in one story.
 */
import { INDENT_RE } from './chars';
import { bylineLine, columnNameLike, imagePlaceholder, leadAtStart, titleLike } from './roles';
import { paddedName, personName } from './names';

/** The longest line read as verse (in full-width characters): a longer one is prose. */
const VERSE_MAX = 24;
/** Lines a poem runs to at least: fewer are a couplet quoted, text of the story around them. */
const VERSE_LEAST = 4;
/** The share of a poem's lines, at least, shorter than its longest by a fifth: prose wrapped to a measure runs even. */
const RAGGED_SHARE = 0.25;
/** A line opening with a mark that closes a clause or a quotation: prose wrapped before its mark. */
const OPENS_CLOSED_RE = /^[，。、；：！？）」』”’,.;:!?)]/u;
/** A sentence's end with text after it on the same line: prose. */
const SENTENCE_INSIDE_RE = /[。！？][”’」』）)]?[^\s”’」』）)]/u;
/** A line ending a sentence: in prose, a paragraph's short last line, no sign of verse. */
const ENDS_SENTENCE_RE = /[。！？][”’」』）)]?$/u;

/** A line's width in full-width characters (a half-width letter, digit or mark counts a half). */
const width = (line: string): number => [...line.trim()].reduce((w, c) => w + (c.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);
// (a dateline, 本报讯…, opens a story's text: never verse)
const verseLike = (line: string): boolean => !!line.trim() && !INDENT_RE.test(line) && width(line) <= VERSE_MAX && !imagePlaceholder(line) && !bylineLine(line.trim()) && leadAtStart(line.trim()) === undefined;
/** A poet's name alone: a common surname's, or a two-character name padded to three (阎　安); flush left. */
export const poetName = (line: string): boolean => !INDENT_RE.test(line) && (personName(line) || paddedName(line));

/**
 * The indexes of the lines that are verse: the lines under a poet's name alone, itself right under the
 * poem's title (我的故乡叫延安⏎阎　安⏎我的故乡叫延安⏎有一种耕作…, field test 32), through its stanzas
 * (one blank line apart), up to two blank lines, a line indented or too long for verse, or the titles of
 * another story (over a name alone or a byline); none where a line reads as prose wrapped to a measure.
 */
export function verseLines(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 1; i < lines.length; i++) {
    if (out.has(i) || !poetUnderTitle(lines, i)) continue;
    // (a blank line may stand between the poet's name and the poem: 冬夜，听一支军乐⏎林　溪⏎⏎铜号醒来的时候…, field test 35)
    const run = poemFrom(lines, !lines[i + 1]?.trim() && lines[i + 2]?.trim() ? i + 2 : i + 1);
    if (run.length >= VERSE_LEAST && !run.some((k) => prose(lines[k])) && ragged(lines, run)) for (const k of run) out.add(k);
  }
  return out;
}

/** A poet's name alone at line `i`, flush left, right under a title line. */
function poetUnderTitle(lines: readonly string[], i: number): boolean {
  // (a name runs to three characters, or two padded with one or two spaces, 林  溪: a longer line is none, told before the slower tests)
  if (lines[i].trim().length > 4) return false;
  const above = lines[i - 1];
  return poetName(lines[i]) && !!above.trim() && !INDENT_RE.test(above) && titleLike(above.trim());
}

/** A line prose leaves: opening with a closing mark, or a sentence ended inside it. */
function prose(line: string): boolean {
  return OPENS_CLOSED_RE.test(line.trim()) || SENTENCE_INSIDE_RE.test(line.trim());
}

/** The lines of a poem from line `from`: stanzas of verse-like lines one blank line apart, short of another story's titles. */
function poemFrom(lines: readonly string[], from: number): number[] {
  const run: number[] = [];
  for (let k = from; k < lines.length; k++) {
    if (verseLike(lines[k]) && !(k > from && poetName(lines[k]))) {
      run.push(k);
      continue;
    }
    if (lines[k].trim()) return beforeTitles(lines, run, k);
    if (!run.length) break;
    // a blank line: the next stanza, unless two blank lines end the poem or what follows opens a story
    const next = k + 1;
    if (next >= lines.length || !lines[next].trim() || opensStory(lines, next)) break;
  }
  return run;
}

/**
 * The run without the title lines right over line `k` when it heads another story (a name alone or a
 * byline under its title, a 栏目 over that: 城南社区办起“四点半课堂”⏎本报记者 李　华, the reviewer's poem).
 */
function beforeTitles(lines: readonly string[], run: number[], k: number): number[] {
  if (!poetName(lines[k]) && !bylineLine(lines[k].trim())) return run;
  const title = run.length && run[run.length - 1] === k - 1 ? 1 : 0;
  const column = title && run[run.length - 2] === k - 2 && columnNameLike(lines[k - 2].trim()) && width(lines[k - 2]) < width(lines[k - 1]) ? 1 : 0;
  return run.slice(0, run.length - title - column);
}

/** Whether the lines from `k` (after a blank line) open a story: a title over a name alone, or text indented within its first lines. */
function opensStory(lines: readonly string[], k: number): boolean {
  for (let j = k; j < Math.min(lines.length, k + 4) && lines[j].trim(); j++) {
    if (!verseLike(lines[j])) return true;
    if (j > k && poetName(lines[j])) return true;
  }
  return false;
}

/**
 * Lines set as verse, not prose wrapped to a measure: of the lines that neither end a stanza nor a
 * sentence (a paragraph's last line is short in prose too), a share short of the longest, in the first
 * stanza and in all.
 */
function ragged(lines: readonly string[], run: number[]): boolean {
  const firstEnd = run[run.findIndex((k) => !run.includes(k + 1))];
  // (each against its own longest line: a prose stanza's lines run to its measure)
  const share = (ks: number[]): boolean => {
    const longest = Math.max(...ks.map((k) => width(lines[k])));
    const inner = ks.filter((k) => ks.includes(k + 1) && !ENDS_SENTENCE_RE.test(lines[k].trim()));
    return inner.length > 0 && inner.filter((k) => width(lines[k]) < longest * 0.8).length >= inner.length * RAGGED_SHARE;
  };
  return share(run) && share(run.filter((k) => k <= firstEnd));
}
