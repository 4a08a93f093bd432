import type { PageLayout, TypoReport } from '../../src-core/layout/page-layout';
import type { BanmianDocument } from '../../src-core/model/document';
import type { PreflightIssue, PreflightReport } from '../../src-core/preflight';

/**
 * What the 预检 panel shows, as plain data: the preflight issues with the block each one selects,
 * and the typographic report (issue 7) as labelled figures, each marked when it is out of the norm.
 */

export interface QualityFigure {
  key: string;
  zh: string;
  en: string;
  /** As shown: counts as integers, the expansion in em, the share in %. */
  text: string;
  /** Out of the norm (red): lone characters, loose lines, off-grid lines, prohibited starts, < 99 % within the limit. */
  bad: boolean;
}

/** The expansion limit as a newsroom says it: ¼ em, ⅓ em, or a decimal. */
export function emLabel(em: number): string {
  const named: [number, string][] = [
    [0.25, '¼'],
    [0.5, '½'],
    [1 / 3, '⅓'],
    [0.125, '⅛'],
  ];
  const hit = named.find(([v]) => Math.abs(v - em) < 1e-6);
  return `${hit ? hit[1] : String(Math.round(em * 1000) / 1000)} em`;
}

/** Justified lines whose inter-character expansion stays within the limit, in % (100 with none). */
export function withinLimitPercent(r: TypoReport): number {
  return r.justifiedLines ? (100 * (r.justifiedLines - r.looseLines)) / r.justifiedLines : 100;
}

export function qualityFigures(r: TypoReport, maxExpansion: number): QualityFigure[] {
  const within = withinLimitPercent(r);
  const limit = emLabel(maxExpansion);
  const count = (key: keyof TypoReport, zh: string, en: string, badWhenAbove = Infinity): QualityFigure => ({ key, zh, en, text: String(r[key]), bad: (r[key] as number) > badWhenAbove });
  return [
    count('lines', '行数', 'Lines'),
    count('justifiedLines', '两端对齐行', 'Justified lines'),
    { key: 'within', zh: `${limit} 以内`, en: `Justified lines within ${limit} expansion`, text: `${within.toFixed(within === 100 ? 0 : 1)}%`, bad: within < 99 },
    { key: 'worstExpansion', zh: '最大字距', en: 'Worst inter-character expansion', text: `${r.worstExpansion.toFixed(3)} em`, bad: r.worstExpansion > maxExpansion + 1e-6 },
    count('looseLines', '过松行', `Loose lines (over ${limit})`, 0),
    count('kinsokuSqueeze', '避头尾 挤进', 'Kinsoku by squeezing'),
    count('kinsokuPush', '避头尾 推出', 'Kinsoku by pushing'),
    count('compressions', '标点挤压', 'Punctuation compressions'),
    count('loneCharacters', '孤字', 'Lone characters left', 0),
    count('tightenedLines', '紧排行', 'Lines tightened to avoid a lone character'),
    count('offGridLines', '离格行', 'Lines off the baseline grid', 0),
    count('prohibitedLineStarts', '行首禁则', 'Lines starting with prohibited punctuation', 0),
  ];
}

/** How many figures are out of the norm: the panel's tab shows it beside the preflight errors. */
export function badFigureCount(r: TypoReport, maxExpansion: number): number {
  return qualityFigures(r, maxExpansion).filter((f) => f.bad).length;
}

export interface ArticleQuality {
  articleId: string;
  title: string;
  /** The article's first block on the page, which a click selects. */
  blockId?: string;
  report: TypoReport;
  bad: number;
}

export function articleTitle(doc: BanmianDocument, articleId: string): string {
  const a = doc.articles.find((x) => x.id === articleId);
  const t = a ? (a.headline || a.kicker || a.deck).trim() : '';
  return t || articleId;
}

/** First article block of each article, in page order. */
export function blockOfArticle(doc: BanmianDocument): Map<string, string> {
  const m = new Map<string, string>();
  for (const b of doc.blocks) if (b.kind === 'article' && !m.has(b.articleId)) m.set(b.articleId, b.id);
  return m;
}

/** One row per article on the page, worst first (most figures out of the norm), then in page order. */
export function articleQualities(doc: BanmianDocument, layout: PageLayout): ArticleQuality[] {
  const blocks = blockOfArticle(doc);
  const max = doc.page.typeset.maxExpansion;
  const rows = Object.entries(layout.report.articles).map(([articleId, report], order) => ({
    articleId,
    title: articleTitle(doc, articleId),
    blockId: blocks.get(articleId),
    report,
    bad: badFigureCount(report, max),
    order,
  }));
  rows.sort((a, b) => b.bad - a.bad || a.order - b.order);
  return rows.map(({ order: _order, ...r }) => r);
}

export interface PanelIssue extends PreflightIssue {
  /** The block a click selects: the issue's own block, or the first block of its article. */
  target?: string;
}

/** Errors first, then warnings, each pointing at the block that shows it. */
export function panelIssues(doc: BanmianDocument, report: PreflightReport): PanelIssue[] {
  const blocks = blockOfArticle(doc);
  const imageBlocks = new Map<string, string>();
  for (const b of doc.blocks) if (b.kind === 'image' && !imageBlocks.has(b.imageId)) imageBlocks.set(b.imageId, b.id);
  return [...report.errors, ...report.warnings].map((i) => ({
    ...i,
    target: i.blockId ?? (i.articleId ? blocks.get(i.articleId) : undefined) ?? (i.imageId ? imageBlocks.get(i.imageId) : undefined),
  }));
}
