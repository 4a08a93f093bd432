/**
 * `edition PLAN.json -o OUTDIR`: a three-page plan (tests/fixtures/edition) made up and written, checked
 * from the PDFs with poppler and qpdf, not from the engine's own report.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as edition } from '../../src-main/cli/commands/edition';
import { gridGeometry, rectOf } from '../../src-core/model/grid';
import { FIXTURE, fixturePlan, PLAN } from '../support/edition-fixture';
import { madeEdition } from './edition-made';

// a digital proof: no bleed or marks, so PDF coordinates are the page's own
const made = madeEdition('banmian-edition-', (dir) => ['-o', join(dir, 'out'), '--proof']);
const { dir, logs } = made;
const out = join(dir, 'out');
const pdf = (name: string): string => join(out, name);
const text = (file: string, ...opts: string[]): string => execFileSync('pdftotext', [...opts, file, '-'], { encoding: 'utf8' });
const han = (s: string): string[] => [...s].filter((c) => /\p{Script=Han}/u.test(c));
const counts = (chars: string[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const c of chars) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
};
const plan = fixturePlan();
const geo = gridGeometry(plan.page);

/** Han characters of the type area of every page (the header above it left out). */
function typeAreaHan(): string[] {
  const w = String(Math.floor(plan.page.format.width));
  const h = String(Math.floor(plan.page.format.height - geo.top));
  return plan.pages.flatMap((p) => han(text(pdf(`20261203-0${p.number}.pdf`), '-r', '72', '-x', '0', '-y', String(Math.ceil(geo.top - 1)), '-W', w, '-H', h)));
}

describe('edition', () => {
  it('writes one PDF per page and the combined one, which passes qpdf --check', () => {
    expect(made.code, logs.join('\n')).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['20261203-01.pdf', '20261203-02.pdf', '20261203-03.pdf', '20261203.pdf']);
    expect(execFileSync('qpdf', ['--check', pdf('20261203.pdf')], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    expect(execFileSync('pdfinfo', [pdf('20261203.pdf')], { encoding: 'utf8' })).toMatch(/Pages:\s+3/);
  });

  it('each page\'s header shows the paper, 第N版 and the page name', () => {
    for (const p of plan.pages) {
      const t = text(pdf(`20261203-0${p.number}.pdf`));
      expect(t).toContain(`第${p.number}版`);
      expect(t).toContain(p.name);
      expect(t).toContain('洛阳日报');
    }
  });

  it('the jump lines name the right pages: 下转第3版 on page 1, 上接第1版 on page 3', () => {
    const flat = (n: number): string => text(pdf(`20261203-0${n}.pdf`)).replace(/\s+/g, '');
    expect(flat(1)).toContain('（下转第3版）');
    expect(flat(3)).toContain('（上接第1版）');
    expect(flat(2)).not.toMatch(/下转|上接/);
    expect(flat(1)).not.toContain('上接');
    expect(flat(3)).not.toContain('下转');
  });

  it('every Han character of every article is printed exactly once across the edition', () => {
    const labels = /^(引题|主题|作者)：/gm;
    const files = plan.pages.flatMap((p) => p.articles);
    const expected = files.flatMap((f) => han(readFileSync(join(FIXTURE, f), 'utf8').replace(labels, '')));
    const story = readFileSync(join(FIXTURE, 'day/01.txt'), 'utf8');
    const headline = /^主题：(.*)$/m.exec(story)![1];
    // besides the articles: the caption, the ad placeholder, the continuation headline, the two jump lines
    // and each 公益广告 frame make-up filled a page's blank with (补白: 广告 and 公益广告, said in the report)
    const frames = logs.filter((l) => l.includes('补白 filler:')).length;
    const extra = [readFileSync(join(FIXTURE, 'day/02.caption.txt'), 'utf8'), '广告洛阳老字号酱菜', headline, '下转第版', '上接第版', ...Array.from({ length: frames }, () => '广告公益广告')].flatMap(han);
    expect(counts(typeAreaHan())).toEqual(counts([...expected, ...extra]));
  });

  it('page 1, left with a hole at its foot, gets a 公益广告 frame (补白), said in the report; pages more than half blank keep their warnings', () => {
    expect(logs.join('\n')).toMatch(/第1版 要闻:[^\n]*\n(?:  待用[^\n]*\n)*  补白 filler: 留出 \d+ 栏 × \d+ 行公益广告位/);
    expect(text(pdf('20261203-01.pdf')).replace(/\s+/g, '')).toContain('公益广告');
    expect(logs.join('\n')).not.toMatch(/第1版未排满|第1版有 \d+ 栏行的空白/);
    expect(logs.join('\n')).toMatch(/第3版未排满/);
  });

  it('prints the ad\'s name inside the cells the plan booked (bbox)', () => {
    const ad = plan.pages[0].ads[0];
    const r = rectOf(geo, ad.rect);
    const words = [...text(pdf('20261203-01.pdf'), '-bbox').matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)];
    const named = words.filter((w) => /[酱菜]/.test(w[5]));
    expect(named.length).toBeGreaterThan(0);
    for (const w of named) {
      const [x0, y0, x1, y1] = w.slice(1, 5).map(Number);
      expect(x0).toBeGreaterThanOrEqual(r.x);
      expect(x1).toBeLessThanOrEqual(r.x + r.width);
      expect(y0).toBeGreaterThanOrEqual(r.y);
      expect(y1).toBeLessThanOrEqual(r.y + r.height);
    }
  });

  it('a bad plan is named by field and value, exits 1 and writes nothing', async () => {
    const bad = JSON.parse(readFileSync(PLAN, 'utf8'));
    bad.pages[2].number = 2;
    // the plan beside the test's output, its files named by absolute path
    for (const p of bad.pages) p.articles = p.articles.map((f: string) => resolve(FIXTURE, f));
    for (const p of bad.pages) for (const a of p.ads ?? []) if (a.artwork) a.artwork = resolve(FIXTURE, a.artwork);
    bad.continue[0].article = bad.pages[0].articles[0];
    const path = join(dir, 'bad-plan.json');
    writeFileSync(path, JSON.stringify(bad));
    logs.length = 0;
    const target = join(dir, 'bad-out');
    expect(await edition([path, '-o', target])).toBe(1);
    const said = logs.join('\n');
    expect(said).toContain('pages[2].number = 2');
    expect(said).toContain('duplicate page number');
    expect(said).toContain('continue[0].to = 3');
    expect(existsSync(target)).toBe(false);
  });
});
