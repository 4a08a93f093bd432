/**
 * A front-page lead that continues (转版) keeps its opening on the front page — at least a quarter of
 * its text — and the page's lowest-ranked stories are held over for it, not the other way round (the
 * field test's 8-page edition kept one paragraph of 17 on page 1). Checked from the page's PDF.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FIRST_PART_SHARE } from '../../src-core/edition/continue';
import { han, take, timesPrinted, twoPages as twoPagesIn, type Story } from '../support/two-page-plan';

const dir = mkdtempSync(join(tmpdir(), 'banmian-jump-share-'));
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const twoPages = (name: string, page1: Story[], page2: Story[]) => twoPagesIn(dir, name, page1, page2);

describe('edition: how much of a continued lead stays on its first page', () => {
  it('keeps at least a quarter of the lead on page 1, holding over page 1\'s last stories for it', async () => {
    const lead = take(3500);
    const page1 = [{ headline: '全市重点项目集中开工', body: lead }, ...[2000, 1800, 1600, 1500, 1400, 1300].map((n, i) => ({ headline: `第一版稿件${i + 2}`, body: take(n) }))];
    const { code, logs, raw } = await twoPages('long-lead', page1, [{ headline: '第二版稿件一', body: take(1200) }]);
    expect(code, logs.join('\n')).toBe(0);
    const [one, two] = [han(raw(1)), han(raw(2))];
    // the lead's paragraphs printed on page 1 (each paragraph is on one page only: a cut falls between paragraphs)
    const onOne = lead.filter((p) => one.includes(han(p).slice(0, 24)));
    expect(onOne.length, logs.join('\n')).toBeGreaterThan(0);
    expect(lead.filter((p) => two.includes(han(p).slice(0, 24))).length).toBe(lead.length - onOne.length);
    expect(han(onOne.join('')).length).toBeGreaterThanOrEqual(han(lead.join('')).length * FIRST_PART_SHARE * 0.9);
    expect(raw(1)).toContain('下转第2版');
    expect(raw(2)).toContain('上接第1版');
    // what did not fit is held over by name
    expect(logs.join('\n')).toMatch(/待用/);
  }, 180_000);

  it('cuts a story marked to continue even when page 1 could set it whole: at least its last paragraph goes to page 2, every paragraph once', async () => {
    const lead = take(900);
    const { code, logs, raw } = await twoPages('short-lead', [{ headline: '全市重点项目集中开工', body: lead }, { headline: '第一版稿件二', body: take(600) }], [{ headline: '第二版稿件一', body: take(800) }]);
    expect(code, logs.join('\n')).toBe(0);
    expect(raw(1)).toContain('下转第2版');
    expect(raw(2)).toContain('上接第1版');
    expect(timesPrinted(lead, raw(1) + raw(2))).toEqual(lead.map(() => 1));
    expect(han(raw(2))).toContain(han(lead[lead.length - 1]));
    expect(han(raw(1))).toContain(han(lead[0]));
  }, 120_000);

  it('cuts a one-paragraph story at a sentence end: a sentence or more on each page, every character once', async () => {
    const one = take(600).join('');
    const { code, logs, raw } = await twoPages('one-paragraph', [{ headline: '一段稿件', body: [one] }, { headline: '第一版稿件二', body: take(600) }], [{ headline: '第二版稿件一', body: take(600) }]);
    expect(code, logs.join('\n')).toBe(0);
    const [p1, p2] = [han(raw(1)), han(raw(2))];
    expect(raw(1)).toContain('下转第2版');
    expect(raw(2)).toContain('上接第1版');
    // the paragraph's Han text is the end of page 1's part and the start of page 2's, cut where a sentence ends
    const text = han(one);
    const cut = [...text].findIndex((_, i) => i > 0 && !p1.includes(text.slice(0, i + 1)));
    expect(cut).toBeGreaterThan(0);
    expect(p2).toContain(text.slice(cut));
    expect(p1.split(text.slice(0, cut)).length - 1).toBe(1);
    expect(p2.split(text.slice(cut)).length - 1).toBe(1);
    // where the cut falls, a sentence ends
    const sentenceEnds = [...one.matchAll(/[。！？]/g)].map((m) => han(one.slice(0, m.index + 1)).length);
    expect(sentenceEnds).toContain(cut);
  }, 120_000);
});
