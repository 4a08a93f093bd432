import type { PageLayout, TypoReport } from '../../src-core/layout/page-layout';

/** The typographic report of a layout, Chinese first, as `layout` and `compose --report` print it. */
export function describeTypoReport(r: TypoReport): string {
  const within = r.justifiedLines ? ((100 * (r.justifiedLines - r.looseLines)) / r.justifiedLines).toFixed(2) : '100.00';
  return [
    `行 lines ${r.lines}（两端对齐 justified ${r.justifiedLines}，¼ em 以内 within ¼ em ${within}%，最大字距 worst ${r.worstExpansion.toFixed(3)} em，过松 loose ${r.looseLines}）`,
    `避头尾 kinsoku: 挤 squeeze ${r.kinsokuSqueeze}，推 push ${r.kinsokuPush}；标点挤压 compressions ${r.compressions}`,
    `孤字 lone ${r.loneCharacters}（紧排 tightened ${r.tightenedLines} 行），行首禁则 prohibited starts ${r.prohibitedLineStarts}，离格 off-grid ${r.offGridLines}，强制断行 emergency ${r.emergencyBreaks}`,
  ].join('\n  ');
}

export function printTypoReport(pl: PageLayout, titles: Map<string, string>): void {
  console.log(`排版质量 typographic report — 全版 page:\n  ${describeTypoReport(pl.report.page)}`);
  for (const [id, r] of Object.entries(pl.report.articles)) console.log(`  ${titles.get(id) ?? id}:\n    ${describeTypoReport(r).replace(/\n {2}/g, '\n    ')}`);
}
