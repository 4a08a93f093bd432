import { describe, expect, it } from 'vitest';
import { CompositionCache } from '../../src-core/layout/cache';
import { composeOptions } from '../../src-core/layout/context';
import { emptyDocument } from '../../src-core/model/defaults';
import { resolveStyle } from '../../src-core/model/styles';
import { composeIfLines, composeParagraph, prepareText, type StyledRun } from '../../src-core/typeset/compose';
import { fontProvider } from '../../src-main/fonts/provider';

const fonts = fontProvider().registry();
const page = emptyDocument('broadsheet').page;
const body = resolveStyle(page, 'body');

// lengths chosen so that some trackings move a line and some do not (checked below: both happen)
const TEXT = '洛阳市今年实施城市更新行动，推动老旧小区改造与历史街区保护相结合。截至目前，全市已完成改造小区一百二十个，惠及居民两万余户，新增停车位三千多个，加装电梯八十余部。';
const PARAGRAPHS = [30, 47, 58, 71, 83].map((n) => TEXT.slice(0, n));
const TRACKINGS = [-0.05, -0.03, -0.01, 0.01, 0.02, 0.04, 0.05];
const runsOf = (text: string): StyledRun[] => [{ text, style: body, tag: 0 }];
const optsAt = (tracking: number) => composeOptions(page.typeset, 120, { ...body, tracking }, 2);

describe('拉行/缩行 trials: lines placed only for the trial that is kept', () => {
  it('a trial counts the lines composeParagraph sets, and gives the very same paragraph when the count is the one asked', () => {
    let kept = 0;
    let counted = 0;
    for (const text of PARAGRAPHS) {
      const prepared = prepareText(runsOf(text), fonts, optsAt(0));
      for (const t of TRACKINGS) {
        const full = composeParagraph(runsOf(text), fonts, optsAt(t));
        const count = composeIfLines(runsOf(text), fonts, optsAt(t), prepared, full.lines.length + 1);
        expect(count, `${text.length} chars at ${t} em`).toBe(full.lines.length);
        counted++;
        const same = composeIfLines(runsOf(text), fonts, optsAt(t), prepared, full.lines.length);
        expect(same, `${text.length} chars at ${t} em`).toEqual(full);
        kept++;
      }
    }
    expect(counted).toBe(kept);
    // the paragraphs differ in line count across the trackings, or the test would prove little
    const counts = new Set(PARAGRAPHS.flatMap((text) => TRACKINGS.map((t) => composeParagraph(runsOf(text), fonts, optsAt(t)).lines.length)));
    expect(counts.size).toBeGreaterThan(2);
  });

  it('the cache keeps a trial’s count, and a full composition asked later of the same key is composed, not the count', () => {
    const cache = new CompositionCache(fonts);
    const runs = runsOf(PARAGRAPHS[3]);
    const opts = optsAt(0.02);
    const full = composeParagraph(runs, fonts, opts);
    expect(cache.trial(runs, opts, full.lines.length + 1)).toBe(full.lines.length);
    // asked again with the count it has: the paragraph is composed this time
    expect(cache.trial(runs, opts, full.lines.length)).toEqual(full);
    const fresh = new CompositionCache(fonts);
    fresh.trial(runs, opts, full.lines.length - 1);
    expect(fresh.compose(runs, opts)).toEqual(full);
    // and a composition in the cache answers a trial with its count or itself
    expect(fresh.trial(runs, opts, full.lines.length + 1)).toBe(full.lines.length);
    expect(fresh.misses).toBe(2);
  });
});
