import { BLACK, type CmykColor, type LayoutItem, type PageLayout, type ProofAnchor } from '../layout/page-layout';
import { ROUND_COLORS, setTextBox, type LayoutEnv } from '../layout/layout';
import type { TextStyle } from '../model/document';
import { mmToPt } from '../model/units';
import type { ProofNotes } from '../model/proof';
import type { ErrorRate } from './error-rate';
import { rateLine } from './page-check';

/**
 * The proof sheet (校样) of a round: the page in the proof view with a note in the right margin for
 * every mark — 删 (deletion), 增 (insertion), 注 (comment) — each joined to its place in the text by a
 * leader line, in the spirit of GB/T 14706; and a second page listing the open marks. Separate from
 * the print PDF, which always shows the accepted text only.
 */

export type { ProofNotes };

const NOTE_STYLE: TextStyle = { family: 'hei', bold: false, size: 7.5, lineHeight: 9.5, align: 'left', tracking: 0 };
const LIST_STYLE: TextStyle = { family: 'song', bold: false, size: 9, lineHeight: 13, align: 'left', tracking: 0 };
const LIST_TITLE: TextStyle = { family: 'hei', bold: true, size: 14, lineHeight: 20, align: 'left', tracking: 0 };
const COMMENT_COLOR: CmykColor = { c: 0, m: 0.3, y: 1, k: 0.1 };
const GREY: CmykColor = { c: 0, m: 0, y: 0, k: 0.45 };

function roundIndex(notes: ProofNotes, round: string | undefined): number {
  const i = round ? notes.rounds.indexOf(round) : -1;
  return i < 0 ? 0 : i;
}

function colorOf(anchor: ProofAnchor, notes: ProofNotes): CmykColor {
  if (anchor.kind === 'comment') return COMMENT_COLOR;
  return ROUND_COLORS[roundIndex(notes, notes.suggestions.get(anchor.id)?.round) % ROUND_COLORS.length];
}

/** The text of a margin note. */
export function noteText(anchor: Pick<ProofAnchor, 'kind' | 'id' | 'text'>, notes: ProofNotes): string {
  const quote = anchor.text.length > 24 ? `${anchor.text.slice(0, 23)}…` : anchor.text;
  if (anchor.kind === 'comment') {
    const t = notes.threads.get(anchor.id);
    const entries = t?.comments.map((c) => `${c.author}：${c.text}`).join('\n') ?? '';
    return `注「${quote}」${t?.resolved ? '（已解决）' : ''}\n${entries}`;
  }
  const meta = notes.suggestions.get(anchor.id);
  const who = meta ? ` ${meta.author}·${meta.round}` : '';
  return `${anchor.kind === 'deletion' ? '删' : '增'}「${quote}」${who}`;
}

/** The page with its margin notes: a wider sheet, the page on the left, notes in a column on the right. */
export function proofSheet(page: PageLayout, notes: ProofNotes, env: LayoutEnv, columnWidth = mmToPt(62)): PageLayout {
  const gap = mmToPt(4);
  const noteX = page.width + gap;
  const noteWidth = columnWidth - 2 * gap;
  const items: LayoutItem[] = [...page.items];
  // the trimmed page's edge, so the sheet shows where the page ends
  items.push({ kind: 'box', x: 0, y: 0, width: page.width, height: page.height, stroke: GREY, strokeWidth: 0.5 });
  const anchors = [...(page.proofAnchors ?? [])].sort((a, b) => a.y - b.y || a.x - b.x);
  let nextTop = mmToPt(10);
  for (const anchor of anchors) {
    const color = colorOf(anchor, notes);
    const top = Math.max(nextTop, anchor.y - NOTE_STYLE.lineHeight);
    const set = setTextBox(env, noteText(anchor, notes), NOTE_STYLE, { x: noteX + 3, y: top + 2, width: noteWidth - 6 }, color);
    const height = set.height + 4;
    items.push({ kind: 'box', x: noteX, y: top, width: noteWidth, height, stroke: color, strokeWidth: 0.6 });
    items.push(...set.items);
    // leader line: from the mark along its line to the page edge, then to the note
    const markY = anchor.y + 1.5;
    items.push({ kind: 'rule', x1: anchor.x, y1: markY, x2: page.width, y2: markY, width: 0.3, color });
    items.push({ kind: 'rule', x1: page.width, y1: markY, x2: noteX, y2: top + height / 2, width: 0.3, color });
    nextTop = top + height + 3;
  }
  return { ...page, width: page.width + columnWidth, height: Math.max(page.height, nextTop + mmToPt(10)), items };
}

/** A list of the open marks of the page, article by article (the second page of the proof PDF), under the page's 差错率 when given. */
export function openMarksList(page: PageLayout, notes: ProofNotes, env: LayoutEnv, rate?: ErrorRate): PageLayout {
  const margin = mmToPt(18);
  const width = mmToPt(210);
  const height = mmToPt(297);
  const items: LayoutItem[] = [];
  let y = margin;
  const add = (text: string, style: TextStyle, color: CmykColor = BLACK): void => {
    const set = setTextBox(env, text, style, { x: margin, y, width: width - 2 * margin }, color);
    items.push(...set.items);
    y += set.height;
  };
  add(`校样修改单　${notes.pageTitle}`, LIST_TITLE);
  if (rate) add(rateLine(rate).zh, LIST_STYLE, rate.pass ? BLACK : ROUND_COLORS[0]);
  const anchors = (page.proofAnchors ?? []).filter((a) => (a.kind === 'comment' ? !notes.threads.get(a.id)?.resolved : (notes.suggestions.get(a.id)?.status ?? 'open') === 'open'));
  if (anchors.length === 0) add('本版没有待处理的修改和批注。', LIST_STYLE);
  const byArticle = new Map<string, ProofAnchor[]>();
  for (const a of anchors) byArticle.set(a.owner, [...(byArticle.get(a.owner) ?? []), a]);
  for (const [owner, list] of byArticle) {
    y += 6;
    add(notes.titles.get(owner) ?? owner, { ...LIST_STYLE, family: 'hei' });
    list.forEach((a, i) => add(`${i + 1}. ${noteText(a, notes).replace(/\n/g, '　')}`, LIST_STYLE, colorOf(a, notes)));
  }
  return { width, height, items, frames: [], overset: [], missingGlyphs: [], report: page.report, grid: page.grid };
}
