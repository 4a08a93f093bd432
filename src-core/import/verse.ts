/**
 * Verse on a plain-text page (a 副刊's poem): its lines, each a paragraph of its own as the poet set it,
 * never joined as hard wraps, never read as subheads or titles, its stanzas kept in one story.
 */
import { INDENT_RE } from './chars';
import { bylineLine, imagePlaceholder, leadAtStart, personName, titleLike } from './roles';

/** The longest line read as verse (characters): a longer one is prose. */
const VERSE_MAX = 24;
/** Lines a poem runs to at least: fewer are a couplet quoted, text of the story around them. */
const VERSE_LEAST = 4;
/** The share of a poem's lines, at least, shorter than its longest by a fifth: prose wrapped to a measure runs even. */
const RAGGED_SHARE = 0.25;

const trimmed = (line: string | undefined): string => (line ?? '').trim();
// (a dateline, 本报讯…, opens a story's text: never verse)
const verseLike = (line: string): boolean => !!line.trim() && !INDENT_RE.test(line) && [...line.trim()].length <= VERSE_MAX && !imagePlaceholder(line) && !bylineLine(line.trim()) && leadAtStart(line.trim()) === undefined;

/**
 * The indexes of the lines that are verse: the lines under a poet's name alone, itself right under the
 * poem's title (我的故乡叫延安⏎阎　安⏎我的故乡叫延安⏎有一种耕作…, field test 32), through its stanzas
 * (one blank line apart), up to two blank lines, a line indented or too long for verse, or a stanza that
 * opens another story (its second or third line a name alone, or one of its first lines indented).
 */
export function verseLines(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 1; i < lines.length; i++) {
    if (out.has(i) || !poetUnderTitle(lines, i)) continue;
    const run = poemFrom(lines, i + 1);
    if (run.length >= VERSE_LEAST && ragged(lines, run)) for (const k of run) out.add(k);
  }
  return out;
}

/** A two-character name padded to three, as a page sets a writer's name (阎　安). */
const PADDED_NAME_RE = /^\p{Script=Han}[ \u3000]\p{Script=Han}$/u;

/** A poet's name alone at line `i`, flush left, right under a title line. */
function poetUnderTitle(lines: readonly string[], i: number): boolean {
  const above = lines[i - 1];
  const name = trimmed(lines[i]);
  return !INDENT_RE.test(lines[i]) && (personName(name) || PADDED_NAME_RE.test(name)) && !!above.trim() && !INDENT_RE.test(above) && titleLike(above.trim());
}

/** The lines of a poem from line `from`: stanzas of verse-like lines one blank line apart. */
function poemFrom(lines: readonly string[], from: number): number[] {
  const run: number[] = [];
  for (let k = from; k < lines.length; k++) {
    if (verseLike(lines[k])) {
      run.push(k);
      continue;
    }
    if (lines[k].trim() || !run.length) break;
    // a blank line: the next stanza, unless two blank lines end the poem or what follows opens a story
    const next = k + 1;
    if (next >= lines.length || !lines[next].trim() || opensStory(lines, next)) break;
  }
  return run;
}

/** Whether the lines from `k` (after a blank line) open a story: a title over a name alone, or text indented within its first lines. */
function opensStory(lines: readonly string[], k: number): boolean {
  for (let j = k; j < Math.min(lines.length, k + 4) && lines[j].trim(); j++) {
    if (!verseLike(lines[j])) return true;
    if (j > k && personName(trimmed(lines[j]))) return true;
  }
  return false;
}

/**
 * Lines set as verse, not prose wrapped to a measure: of the lines that do not end a stanza (a paragraph's
 * last line is short in prose too), a share short of the longest, in the first stanza and in all.
 */
function ragged(lines: readonly string[], run: number[]): boolean {
  const width = (k: number): number => [...lines[k].trim()].length;
  const firstEnd = run[run.findIndex((k) => !run.includes(k + 1))];
  // (each against its own longest line: a prose stanza's lines run to its measure)
  const share = (ks: number[]): boolean => {
    const longest = Math.max(...ks.map(width));
    const inner = ks.filter((k) => ks.includes(k + 1));
    return inner.length > 0 && inner.filter((k) => width(k) < longest * 0.8).length >= inner.length * RAGGED_SHARE;
  };
  return share(run) && share(run.filter((k) => k <= firstEnd));
}
