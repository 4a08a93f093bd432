import type { Article, PageSettings, StyleName, TextStyle } from '../model/document';
import { printableParagraphs, proofParagraphs, type TextSpan } from '../model/richtext';
import { paragraphStyleName, resolveStyle } from '../model/styles';
import type { StyledRun } from '../typeset/compose';
import type { Source } from './lines';
import type { TextField } from './page-layout';

/** One paragraph of an article's body flow with its styled runs and how it keeps with its neighbours. */
export interface Flowable {
  runs: StyledRun[];
  style: TextStyle;
  indent: number;
  align?: TextStyle['align'];
  /** Keep with the next flowable: a subhead is never left alone at a column foot. */
  keepWithNext: boolean;
  /** Keep with the previous flowable: a closing byline never starts a column on its own. */
  keepWithPrevious?: boolean;
}

/**
 * The paragraphs of an article's body flow, in reading order: 转自, a byline on top, the lead run
 * into the first body paragraph, body and subheads, a closing byline, 转至. Each run's tag indexes
 * `sources`, which this fills.
 */
export function flowables(page: PageSettings, article: Article, sources: Source[], proofView: boolean): Flowable[] {
  const out: Flowable[] = [];
  const tagFor = (field: TextField, paragraph: number, base: number): number => {
    sources.push({ field, paragraph, base });
    return sources.length - 1;
  };
  const single = (field: TextField, text: string, styleName: StyleName, align?: TextStyle['align']): void => {
    if (!text.trim()) return;
    const style = resolveStyle(page, styleName, article.styleOverrides);
    out.push({ runs: [{ text, style, tag: tagFor(field, 0, 0) }], style, indent: 0, align, keepWithNext: field !== 'byline' });
  };
  single('jumpFrom', article.jumpFrom, 'jump');
  if (article.bylinePosition === 'top') single('byline', article.byline, 'byline');
  const paragraphs = proofView ? proofParagraphs(article.body) : printableParagraphs(article.body);
  let leadPlaced = !article.lead.trim();
  paragraphs.forEach((para, index) => {
    const heading = para.kind === 'heading';
    const styleName = paragraphStyleName(para);
    const style = resolveStyle(page, styleName, article.styleOverrides);
    const runs: StyledRun[] = [];
    // The 电头 opens the first 正文 paragraph, after a 编者按, never inside it.
    if (!leadPlaced && styleName === 'body') {
      const leadStyle = resolveStyle(page, 'lead', article.styleOverrides);
      runs.push({ text: article.lead, style: leadStyle, tag: tagFor('lead', 0, 0) });
      leadPlaced = true;
    }
    let base = 0;
    for (const span of para.spans) {
      const spanStyle = spanTextStyle(style, span);
      if (span.text) {
        const tag = tagFor('body', index, base);
        if (span.suggestion) sources[tag].suggestion = span.suggestion;
        if (span.threads) sources[tag].threads = span.threads;
        runs.push({ text: span.text, style: spanStyle, tag });
      }
      base += span.text.length;
    }
    if (runs.length === 0) return;
    out.push({ runs, style, indent: heading ? 0 : page.typeset.indent, keepWithNext: heading });
  });
  if (!leadPlaced) single('lead', article.lead, 'lead');
  if (article.bylinePosition === 'end') {
    single('byline', article.byline, 'byline', 'right');
    if (article.byline.trim()) out[out.length - 1].keepWithPrevious = true;
  }
  single('jumpTo', article.jumpTo, 'jump', 'right');
  return out;
}

/**
 * The style a span is set in: the paragraph's, in the span's own face when it has one (its weight,
 * else the style's, made bold by a bold mark). The composer measures and breaks the run in it.
 */
export function spanTextStyle(style: TextStyle, span: Pick<TextSpan, 'bold' | 'face'>): TextStyle {
  const family = span.face?.family ?? style.family;
  const bold = span.face?.bold ?? (style.bold || span.bold);
  return family === style.family && bold === style.bold ? style : { ...style, family, bold };
}

/** The largest type size in a flowable (a lead set inline may be larger than the body). */
export function flowSize(f: Flowable): number {
  let size = f.style.size;
  for (const r of f.runs) size = Math.max(size, r.style.size);
  return size;
}
