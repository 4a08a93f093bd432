/**
 * The OCR'd sample page (assets/samples/luoyang-daily-page.txt) against the hand-written fixture,
 * the hand-split sample page, and the accounting of every Han character.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hanChars } from '../../src-core/import/chars';
import { importFiles } from '../../src-core/import/index';
import type { ImportReport } from '../../src-core/import/report';
import { plainText, type RichDoc } from '../../src-core/model/richtext';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const samplePath = join(root, 'assets/samples/luoyang-daily-page.txt');
const expected = JSON.parse(readFileSync(join(root, 'tests/fixtures/import/luoyang-expected.json'), 'utf8'));

async function importSample() {
  const bytes = new Uint8Array(readFileSync(samplePath));
  const r = await importFiles([{ name: 'luoyang-daily-page.txt', bytes }]);
  return { r, report: r.report as ImportReport, source: new TextDecoder().decode(bytes) };
}

describe('the sample page (OCR text) imports as a careful human reads it', () => {
  it('finds the sample beside the clone', () => {
    expect(existsSync(samplePath)).toBe(true);
  });

  it('matches the hand-written fixture: page items and every article field', async () => {
    const { r, report } = await importSample();
    expect(r.errors).toEqual([]);
    expect(r.page).toEqual(expected.page);
    const headlineOf = (id: string) => r.articles.find((a) => a.id === id)?.headline;
    expect(r.columnLinks.map((l) => ({ columnName: l.columnName, headline: headlineOf(l.articleId) }))).toEqual(expected.columnLinks);
    expect(report.fragments.map((f) => f.text)).toEqual(expected.fragments);
    expect(r.articles.map((a) => a.headline)).toEqual(expected.articles.map((a: { headline: string }) => a.headline));
    r.articles.forEach((a, i) => {
      const e = expected.articles[i];
      const got = { kicker: a.kicker, headline: a.headline, deck: a.deck, byline: a.byline, bylinePosition: a.bylinePosition, lead: a.lead, jumpFrom: a.jumpFrom };
      const want = { kicker: e.kicker, headline: e.headline, deck: e.deck, byline: e.byline, bylinePosition: e.bylinePosition, lead: e.lead, jumpFrom: e.jumpFrom };
      expect(got, e.headline).toEqual(want);
      expect(a.body.content.length, e.headline).toBe(e.paragraphs);
      const text = plainText(a.body);
      expect(text.startsWith(e.firstWords), `${e.headline}: ${text.slice(0, 40)}`).toBe(true);
      expect(text.endsWith(e.lastWords), `${e.headline}: ${text.slice(-40)}`).toBe(true);
      if (e.imageReference) expect(text).toContain(e.imageReference);
      if (e.imageCaption !== undefined) expect(r.imageLinks.filter((l) => l.articleId === a.id).map((l) => l.caption), e.headline).toEqual([e.imageCaption]);
    });
  });

  it('body text equals the hand-cleaned sample page, paragraph by paragraph', async () => {
    const { r } = await importSample();
    const hand = JSON.parse(readFileSync(join(root, 'assets/samples/luoyang-page.banmian'), 'utf8'));
    const paragraphs = (body: RichDoc): string[] => body.content.map((p) => (p.content ?? []).map((c) => (c.type === 'text' ? c.text : '\n')).join(''));
    let compared = 0;
    for (const h of hand.articles) {
      if (!h.body.content.length) continue; // the banner
      const a = r.articles.find((x) => x.headline === h.headline);
      expect(a, h.headline).toBeDefined();
      expect(paragraphs(a!.body)).toEqual(paragraphs(h.body));
      compared++;
    }
    expect(compared).toBe(9);
  });

  it('accounts for every Han character of the source exactly once', async () => {
    const { r, report, source } = await importSample();
    const count = (chars: string[]): Map<string, number> => {
      const m = new Map<string, number>();
      for (const c of chars) m.set(c, (m.get(c) ?? 0) + 1);
      return m;
    };
    const placed: string[] = [];
    for (const a of r.articles) for (const f of [a.kicker, a.headline, a.deck, a.byline, a.lead, a.jumpFrom, a.jumpTo, plainText(a.body)]) placed.push(...hanChars(f));
    for (const t of [...r.page.banners, ...r.page.columnNames, ...Object.values(r.page.credits)]) placed.push(...hanChars(t ?? ''));
    for (const t of [...report.removed.map((x) => x.text), ...report.fragments.map((x) => x.text)]) placed.push(...hanChars(t));
    const want = hanChars(source);
    expect(placed.length).toBe(want.length);
    expect(count(placed)).toEqual(count(want));
  });

  it('reports its guesses, confidence and normalizations', async () => {
    const { r, report } = await importSample();
    const kinds = report.guesses.map((g) => g.kind);
    for (const k of ['banner', 'column-name', 'deck', 'kicker', 'column-join', 'not-joined', 'headline-promoted', 'lead', 'name-rejoined', 'byline-trailing', 'image-reference', 'unterminated-paragraph'])
      expect(kinds, k).toContain(k);
    // the five column breaks inside paragraphs, hand-counted in the source: "项目|为王", "倍|增", "工业型|历史", "预防养|老诈骗", "充分|利用"
    expect(report.guesses.filter((g) => g.kind === 'column-join').map((g) => g.text.replace(/\s/g, ''))).toEqual([
      '…增长。坚持"项目⏎为王",不断扩大…',
      '…。加快创新主体倍⏎增、创新平台培育…',
      '…,努力打造工业型⏎历史文化名城减污…',
      '…年人传递了预防养⏎老诈骗的"最强音…',
      '…讲。(如图)充分⏎利用宣传栏、宣传…',
    ]);
    expect(report.confidence).toBeGreaterThan(0.5);
    expect(report.confidence).toBeLessThan(1);
    expect(report.files[0]).toMatchObject({ encoding: 'UTF-8', wholePage: true, punctuationNormalized: true });
    const norm = (from: string, to: string) => report.normalizations.find((n) => n.from === from && n.to === to);
    expect(norm(',', '，')!.count).toBeGreaterThan(100);
    expect(norm(',', '，')!.examples.length).toBeGreaterThan(0);
    expect(norm('"', '“')!.count).toBe(norm('"', '”')!.count);
    // body brackets, counted by hand: "(如图)" and "(守法诚信星…支部过硬星)"; "(上接01版)", the leads and the
    // bylines in brackets are rebuilt by their roles
    expect(norm('(', '（')!.count).toBe(2);
    expect(norm(')', '）')!.count).toBe(2);
    // the image reference became a placeholder image linked to its article; the source gives it no
    // caption, and a sentence of the body is never one (it would print twice: issue 16 item 5)
    expect(r.imageLinks).toHaveLength(1);
    expect(r.imageLinks[0].caption).toBe('');
    const body = plainText(r.articles.find((a) => a.id === r.imageLinks[0].articleId)!.body);
    expect(body).toContain('现场开展法律法规政策宣讲。（如图）');
    expect(r.articles.find((a) => a.id === r.imageLinks[0].articleId)!.headline).toBe('沿街排查安全隐患 营造安全清新环境');
  });
});
