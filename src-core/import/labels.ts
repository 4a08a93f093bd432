/**
 * Copy-desk manuscripts name their title lines in plain text: "引题：…", "主题：…", "副题：——…",
 * "记者：张三", "栏目：一把手访谈", and a section's heading in the text, "小标题：…". This module is the one list of those labels and the one
 * recogniser; plain text uses it to keep a labelled line a paragraph of its own, and the segmenter
 * to give the line its role (whatever the source format).
 */

import type { ParagraphStyle } from '../model/richtext';
import { SENTENCE_MARK_RE } from './chars';

export type LabelRole = 'kicker' | 'headline' | 'deck' | 'byline' | 'column' | 'subhead';

/** The longest source named after 来源： (a paper, an agency, a website and a writer). */
const SOURCE_MOST = 24;

/**
 * Label → role; for bylines, the word kept before the names ('' keeps only the names; one ending in a
 * colon is kept with it, as printed: 来源：人民日报). `most`: the longest text after the label that is
 * still a labelled line (a source line is short; a paragraph opening 来源： is body).
 */
const LABELS: Record<string, { role: LabelRole; keep?: string; most?: number }> = {
  引题: { role: 'kicker' },
  肩题: { role: 'kicker' },
  眉题: { role: 'kicker' },
  主题: { role: 'headline' },
  主标题: { role: 'headline' },
  标题: { role: 'headline' },
  副题: { role: 'deck' },
  副标题: { role: 'deck' },
  作者: { role: 'byline', keep: '' },
  记者: { role: 'byline', keep: '记者' },
  通讯员: { role: 'byline', keep: '通讯员' },
  // a reprint's source under its titles (field test 19: 来源：人民日报 was set as the 主题)
  来源: { role: 'byline', keep: '来源：', most: SOURCE_MOST },
  稿源: { role: 'byline', keep: '稿源：', most: SOURCE_MOST },
  栏目: { role: 'column' },
  // a section's heading inside the text (field test 30: 小标题：一场始于“摆动流嘴”的接力)
  小标题: { role: 'subhead' },
};

// Longest first, so 主标题 is not read as 主题 + "标题…"; stray spaces allowed inside the label too
// ("主 题 ：").
const LABEL_RE = new RegExp(
  `^[\\s\\u3000]*(${Object.keys(LABELS)
    .sort((a, b) => b.length - a.length)
    .map((l) => Array.from(l).join('[ \\t\\u3000]*'))
    .join('|')})[ \\t\\u3000]*[:：][ \\t\\u3000]*`,
);


export interface TitleLabel {
  role: LabelRole;
  /** The label as written ("副题："), for the report. */
  label: string;
  /** The line without its label, trimmed; for bylines "记者 张三". */
  text: string;
  /** Code points the label takes at the start of the line (with the spaces round it). */
  length: number;
}

/** A labelled title line, or undefined. A label with nothing after it is still a label (text ''). */
export function titleLabel(line: string): TitleLabel | undefined {
  const m = line.match(LABEL_RE);
  if (!m) return undefined;
  const def = LABELS[m[1].replace(/[ \t\u3000]/g, '')];
  // (a title keeps its full-width space, 春和景明　消费场景上新, as an unlabelled one does: field test 38)
  const rest = line.slice(m[0].length).trim().replace(/[ \t\u3000]+/g, (run) => (def.role !== 'byline' && run.includes('\u3000') ? '\u3000' : ' '));
  if (def.most !== undefined && Array.from(rest).length > def.most) return undefined;
  // (a writer's label names people; a sentence after it is an interview's question, 记者：“十五五”时期，就业工作面…, field test 35)
  if (def.role === 'byline' && def.most === undefined && SENTENCE_MARK_RE.test(rest)) return undefined;
  const kept = def.keep?.endsWith('：') ? def.keep : `${def.keep} `;
  // (the label's role word once: 记者：本报记者　韩春瑶 is 本报记者 韩春瑶, field test 37)
  const named = def.keep && !def.keep.endsWith('：') && rest.includes(def.keep);
  const text = def.role === 'byline' && def.keep && rest && !named ? `${kept}${rest}` : rest;
  return { role: def.role, label: m[0].trim(), text, length: Array.from(m[0]).length };
}

/**
 * A paragraph the copy desk marks 可删 (make-up may drop it whole when the page is short of room)
 * starts with this; plain text has no other way to carry the mark. The marker is not printed.
 */
const CUTTABLE_MARK_RE = /^[\s\u3000]*[【[［]\s*可删\s*[】\]］][\s\u3000]*/;

/**
 * An editor's note (编者按) opens with this label, bracketed (【编者按】) or followed by a colon; dailies
 * set the whole paragraph in its own style, 楷 (the label is printed).
 */
const EDITORS_NOTE_RE = /^[\s\u3000]*(?:[【［[]\s*编者按\s*[】］\]]|编者按\s*[：:])/;

export const isEditorsNote = (text: string): boolean => EDITORS_NOTE_RE.test(text);

/** 编者按 on a line of its own (【编者按】, 编者按：): the label of the note under it, never a title. */
const EDITORS_NOTE_ALONE_RE = /^[【\[［]?\s*编者按\s*[】\]］]?\s*[:：]?$/;

export const editorsNoteAlone = (line: string): boolean => EDITORS_NOTE_ALONE_RE.test(line.trim());

/** The paragraph style an editor's note is set in (the page's 编者按 style, 楷 by default: changed in 样式 like any other). */
export const EDITORS_NOTE_STYLE: ParagraphStyle = 'editorsNote';

/** The length of a paragraph's 可删 marker (0 when it has none). */
export function cuttableMarkLength(text: string): number {
  return Array.from(CUTTABLE_MARK_RE.exec(text)?.[0] ?? '').length;
}
