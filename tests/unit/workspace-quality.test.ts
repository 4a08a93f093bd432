import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { layout } from '../../src-core/layout/layout';
import type { TypoReport } from '../../src-core/layout/page-layout';
import { preflight } from '../../src-core/preflight';
import { articleQualities, badFigureCount, emLabel, panelIssues, qualityFigures, withinLimitPercent } from '../../src-renderer/workspace/quality';
import { fonts } from './support';

/** What the 预检 panel shows, from the real layout and preflight of the sample page. */
const doc = samplePage();
const pl = layout(doc, { fonts });

const clean: TypoReport = {
  lines: 10,
  justifiedLines: 8,
  kinsokuSqueeze: 1,
  kinsokuPush: 0,
  compressions: 3,
  loneCharacters: 0,
  tightenedLines: 0,
  looseLines: 0,
  worstExpansion: 0.1,
  offGridLines: 0,
  emergencyBreaks: 0,
  prohibitedLineStarts: 0,
};

describe('the preflight panel model', () => {
  it('names the expansion limit as a newsroom does', () => {
    expect(emLabel(0.25)).toBe('¼ em');
    expect(emLabel(1 / 3)).toBe('⅓ em');
    expect(emLabel(0.2)).toBe('0.2 em');
  });

  it('marks exactly the figures out of the norm', () => {
    expect(badFigureCount(clean, 0.25)).toBe(0);
    const rough = { ...clean, looseLines: 1, worstExpansion: 0.4, loneCharacters: 2, prohibitedLineStarts: 1 };
    const bad = qualityFigures(rough, 0.25).filter((f) => f.bad).map((f) => f.key);
    // 7 of 8 within ¼ em is 87.5 %, under the 99 % norm.
    expect(bad.sort()).toEqual(['loneCharacters', 'looseLines', 'prohibitedLineStarts', 'within', 'worstExpansion'].sort());
    expect(withinLimitPercent(rough)).toBe(87.5);
    expect(withinLimitPercent({ ...clean, justifiedLines: 0 })).toBe(100);
    expect(qualityFigures(rough, 0.25).find((f) => f.key === 'within')!.text).toBe('87.5%');
  });

  it('has a row for every article of the sample page, pointing at its block, and the page meets issue 7', () => {
    const rows = articleQualities(doc, pl);
    expect(rows.map((r) => r.articleId).sort()).toEqual(Object.keys(pl.report.articles).sort());
    expect(rows.find((r) => r.articleId === 'junhe-yungu')?.blockId).toBe('b-junhe-yungu');
    for (const r of rows) expect(doc.blocks.some((b) => b.id === r.blockId)).toBe(true);
    expect(badFigureCount(pl.report.page, doc.page.typeset.maxExpansion)).toBe(0);
  });

  it('points each preflight issue at a block: overset at the article block, an empty picture at its image block', () => {
    const short = { ...doc, blocks: doc.blocks.map((b) => (b.id === 'b-junhe-yungu' && b.kind === 'article' ? { ...b, rows: 4 } : b)) };
    const issues = panelIssues(short, preflight(short, layout(short, { fonts }), { fonts }));
    const overset = issues.find((i) => i.code === 'overset');
    expect(overset?.target).toBe('b-junhe-yungu');
    expect(issues[0].severity).toBe('error');
    const picture = issues.find((i) => i.code === 'image-missing');
    if (picture) expect(short.blocks.find((b) => b.id === picture.target)?.kind).toBe('image');
  });
});
