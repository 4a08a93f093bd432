/**
 * The 差错率 as 《报纸期刊质量管理规定》 (2020) and its 《报纸编校差错率计算方法》 count it (issue 19
 * item 3): the page area in body characters, titles double, number usage 0.1 capped at 1, the same
 * error at most 3 times, the pass line at 3/10,000. Every expected figure is counted by hand.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { run as check } from '../../src-main/cli/commands/check';
import { samplePage } from '../../bench/pages';
import type { PageSettings } from '../../src-core/model/document';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { checkDocument, ERROR_RATE_METHOD, type PlacedFinding } from '../../src-core/proof/checks';
import { countErrors, errorRate, pageAreaCharacters } from '../../src-core/proof/error-rate';

/**
 * A small page: 2 columns of 10 characters with a 1-character gutter at 10 pt, so a line is
 * 10 + 1 + 10 = 21 body characters; pitch 10 + 5 = 15 pt; the type area is 300 − 5 − 0 = 295 pt
 * deep (the header's 20 pt is inside it, as 报眉 count), so (295 − 10) ÷ 15 = 19 pitches + the
 * first line = 20 lines. 21 × 20 = 420 characters.
 */
function smallPage(): PageSettings {
  const page = samplePage().page;
  return {
    ...page,
    format: { ...page.format, width: 230, height: 300 },
    margins: { top: 5, bottom: 0, left: 10, right: 10 },
    bodySize: 10,
    leading: 5,
    grid: { mode: 'character', columns: 2, charsPerColumn: 10, gutterChars: 1, gutter: 0 },
    header: { ...page.header, height: 20 },
  };
}

const finding = (rule: string, excerptText: string, length: number, weight: number, field: PlacedFinding['field'] = 'body', severity: PlacedFinding['severity'] = 'error') =>
  ({ rule, severity, weight, field, length, excerpt: excerptText }) as Pick<PlacedFinding, 'rule' | 'severity' | 'weight' | 'field' | 'length' | 'excerpt'>;

describe('差错率 as 《报纸编校差错率计算方法》 counts it', () => {
  it('counts a laid-out page by its area: characters per line × lines in the body size', () => {
    expect(pageAreaCharacters(smallPage())).toBe(420);
  });

  it('doubles titles, caps a repeated error at 3 and number usage at 1, and counts only errors', () => {
    const findings = [
      finding('doubled-character', '我们的【的】目标', 1, 1, 'headline'), // a headline error: 1 × 2 = 2
      ...Array.from({ length: 5 }, () => finding('wrong-word', '…今年【截止】目前…', 2, 1)), // the same 别字 5 times: 3
      finding('wrong-word', '【按装】电梯', 2, 1, 'body', 'warning'), // a warning: 0
      finding('auto-corrected', '加装【】电梯', 0, 0, 'body', 'corrected'), // 已自动改正: 0
      // 12 different number-usage errors (the rule module weighs 0.5; the newspaper method 0.1): 1.2, capped at 1
      ...Array.from({ length: 12 }, (_, i) => finding('number-range', `【${i}—${i + 1}%】`, `${i}—${i + 1}%`.length, 0.5)),
    ];
    // 2 + 3 + 0 + 0 + 1 = 6
    expect(countErrors(findings)).toBe(6);
    const rate = errorRate(findings, 420, 'page-area');
    expect(rate.per10k).toBeCloseTo((6 / 420) * 10_000, 10); // 142.857…
    expect(rate.pass).toBe(false);
  });

  it('a hand-counted page: a doubled character in the headline and four half-width commas in the body', () => {
    const a = {
      ...samplePage().articles[1],
      kicker: '',
      deck: '',
      byline: '',
      lead: '',
      jumpFrom: '',
      jumpTo: '',
      headline: '我们的的目标',
      body: docFromParagraphs(['今天开会,明天出发,后天到达,大后天回来,一切顺利。']),
    };
    const result = checkDocument({ articles: [a], page: smallPage() });
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => [f.field, f.rule])).toEqual([
      ['headline', 'doubled-character'],
      ['body', 'halfwidth-punctuation'],
      ['body', 'halfwidth-punctuation'],
      ['body', 'halfwidth-punctuation'],
      ['body', 'halfwidth-punctuation'],
    ]);
    // headline 的的: 1 × 2 = 2; the comma "," four times, counted three times at 0.1: 0.3; 2.3 errors
    // over the page's 420 characters (not the characters of text: headline 6 + body 今天开会 4 , 1 明天出发 4 , 1 后天到达 4 , 1 大后天回来 5 , 1 一切顺利 4 。1 = 6 + 26 = 32): 2.3 ÷ 420 × 10,000 = 54.76…
    expect(result.rate).toMatchObject({ errors: 2.3, characters: 420, basis: 'page-area', pass: false });
    expect(result.errorRatePer10k).toBeCloseTo(54.7619, 3);
    expect(result.characters).toBe(32);
  });

  it('passes at 3 per 10,000 or less: one punctuation error on the 420-character page is 2.38', () => {
    const a = { ...samplePage().articles[1], kicker: '', headline: '', deck: '', byline: '', lead: '', jumpFrom: '', jumpTo: '', body: docFromParagraphs(['今天开会,一切顺利。']) };
    const result = checkDocument({ articles: [a], page: smallPage() });
    expect(result.rate.errors).toBe(0.1);
    expect(result.rate.per10k).toBeCloseTo(2.381, 3);
    expect(result.rate.pass).toBe(true);
  });

  it('states the method it counts by', () => {
    expect(ERROR_RATE_METHOD.zh).toContain('《报纸期刊质量管理规定》');
    expect(ERROR_RATE_METHOD.zh).toContain('同一差错重复出现最多计 3 次');
    expect(ERROR_RATE_METHOD.en).toContain('count ×2');
  });

  it('check counts a .banmian page by its area and says 合格 or 不合格, in its summary and --json', async () => {
    const sample = resolve(fileURLToPath(new URL('../../assets/samples/luoyang-page.banmian', import.meta.url)));
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    try {
      await check([sample, '--json']);
      await check([sample]);
    } finally {
      log.mockRestore();
    }
    const json = JSON.parse(lines[0]) as { characters: number; rate: { basis: string; characters: number; pass: boolean }; method: { zh: string } };
    // The sample: 8 columns of 13 characters at 9 pt with 1-character gutters = 111 a line; type area
    // 1547.72 − 45.35 − 39.69 = 1462.68 pt at a 12 pt pitch: (1462.68 − 9) ÷ 12 = 121.1 → 121 + 1 = 122 lines.
    // 111 × 122 = 13,542 characters.
    expect(json.rate).toMatchObject({ basis: 'page-area', characters: 13_542, pass: true });
    expect(json.characters).toBe(13_542);
    expect(json.method).toEqual(ERROR_RATE_METHOD);
    // The app's badge and status line count with checkDocument and the page: the same figure.
    expect(checkDocument(samplePage()).rate).toEqual(json.rate);
    expect(lines.slice(1).join('\n')).toMatch(/版面字数 13542 字：差错率万分之 0\.00，合格（合格线万分之 3）/);
  });
});
