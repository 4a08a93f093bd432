/**
 * Issue 17's remaining checks of an edition's PDFs and exits, read with other programs than the
 * engine: the combined PDF of the three-page plan (tests/fixtures/edition) opens in poppler, MuPDF
 * and Ghostscript without a complaint and has the three pages; the ad artwork is drawn inside the
 * cells the plan booked (MuPDF's trace of the page); the continued story's headline is smaller where
 * it resumes (poppler's word boxes); each page's news hole is reported; an under-filled page is a
 * warning, not a failure;
 * an edition whose page preflight blocks exits 4 writing nothing, and --force writes it anyway.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as exportCommand } from '../../src-main/cli/commands/export';
import type { EditionDocument } from '../../src-core/edition/edition';
import { serializeEdition } from '../../src-core/edition/edition-file';
import { defaultPage } from '../../src-core/model/defaults';
import { gridGeometry, rectOf } from '../../src-core/model/grid';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { FIXTURE, fixturePlan } from '../support/edition-fixture';
import { madeEdition } from './edition-made';

// a digital proof: no bleed or marks, so the PDF's coordinates are the page's own
const made = madeEdition('banmian-edition-readers-', (dir) => ['-o', join(dir, 'out'), '--proof']);
const { dir, logs } = made;
const out = join(dir, 'out');
const plan = fixturePlan();

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });

describe('the edition\'s PDFs in other readers', () => {
  it('the combined PDF opens in poppler, MuPDF and Ghostscript without a complaint, three pages', () => {
    expect(made.code, logs.join('\n')).toBe(0);
    const combined = join(out, '20261203.pdf');
    const info = run('pdfinfo', [combined]);
    expect(info.stderr).toBe('');
    expect(info.stdout).toMatch(/Pages:\s+3\n/);
    const poppler = run('pdftoppm', ['-r', '20', '-gray', combined, join(dir, 'poppler')]);
    expect([poppler.status, poppler.stderr]).toEqual([0, '']);
    const mu = run('mutool', ['draw', '-q', '-r', '20', '-o', join(dir, 'mu-%d.png'), combined]);
    expect(mu.status, mu.stderr).toBe(0);
    // this MuPDF build says it has no ICC support: about itself, not the file
    expect(mu.stderr.split('\n').filter((l) => l.trim() && !l.includes('ICC'))).toEqual([]);
    expect(readdirSync(dir).filter((f) => /^mu-\d\.png$/.test(f)).sort()).toEqual(['mu-1.png', 'mu-2.png', 'mu-3.png']);
    const gs = run('gs', ['-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=nullpage', combined]);
    expect(gs.status, gs.stdout + gs.stderr).toBe(0);
    expect(`${gs.stdout}${gs.stderr}`).not.toMatch(/error|warning/i);
    expect(gs.stdout).toContain('Page 3');
  });

  it('draws the ad artwork inside the cells the plan booked for it (page 2, MuPDF trace)', () => {
    const ad = plan.pages[1].ads[0];
    expect(ad.artwork).toBe('ads/bank.png');
    const r = rectOf(gridGeometry(plan.page), ad.rect);
    const trace = execFileSync('mutool', ['trace', join(out, '20261203-02.pdf')], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const images = [...trace.matchAll(/<fill_image [^>]*transform="([-\d. ]+)"/g)].map((m) => m[1].split(' ').map(Number));
    expect(images).toHaveLength(1);
    const [a, , , d, e, f] = images[0];
    // the unit square drawn at (e, f), a wide and d deep, in the page's top-down points
    expect(a).toBeGreaterThan(0);
    expect(d).toBeGreaterThan(0);
    expect(e).toBeGreaterThanOrEqual(r.x - 0.5);
    expect(f).toBeGreaterThanOrEqual(r.y - 0.5);
    expect(e + a).toBeLessThanOrEqual(r.x + r.width + 0.5);
    expect(f + d).toBeLessThanOrEqual(r.y + r.height + 0.5);
  });

  it('the continued story resumes on page 3 under its headline set smaller than on page 1 (pdftotext -bbox)', () => {
    const story = readFileSync(join(FIXTURE, 'day/01.txt'), 'utf8');
    const headline = /^主题：(\S+)/m.exec(story)![1];
    const glyphHeight = (file: string): number => {
      const words = [...execFileSync('pdftotext', ['-bbox', join(out, file), '-'], { encoding: 'utf8' }).matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)];
      const word = words.find((w) => w[4] === headline);
      expect(word, `${headline} on ${file}`).toBeDefined();
      return Number(word![3]) - Number(word![1]);
    };
    const first = glyphHeight('20261203-01.pdf');
    const continued = glyphHeight('20261203-03.pdf');
    expect(continued).toBeLessThan(first);
    expect(continued).toBeGreaterThan(first / 3);
  });

  it('reports each page\'s news hole (版心 less the booked ads\' cells)', () => {
    // the tabloid grid is 5 columns × 81 lines = 405 cells; page 1 books 3 × 30 = 90 of them, page 2 a
    // 60 mm bottom strip (5 columns × 15 lines = 75), page 3 none
    const said = logs.join('\n');
    expect(said).toContain('第1版 要闻: 版心 405 栏行，新闻版面 news hole 315 column-lines');
    expect(said).toContain('第2版 综合: 版心 405 栏行，新闻版面 news hole 330 column-lines');
    expect(said).toContain('第3版 经济: 版心 405 栏行，新闻版面 news hole 405 column-lines');
  });

  it('an under-filled page and a blank hole over the limit are warnings: the run still exits 0', () => {
    expect(made.code).toBe(0);
    expect(logs.join('\n')).toMatch(/警告：第3版未排满（\d+%）\/ Warning: page 3 is under-filled \(\d+%\)/);
    expect(logs.join('\n')).toMatch(/警告：第3版有 \d+ 栏行的空白（上限 3 栏行）\/ Warning: page 3 has a blank hole of \d+ column-lines \(limit 3\)/);
  });
});

/** Two pages; page 1's story is far longer than its block, so its preflight finds overset text (an error). */
function overset(): EditionDocument {
  const article = (id: string, text: string) => ({ id, kicker: '', headline: `${id}标题`, deck: '', byline: '', bylinePosition: 'top' as const, lead: '', body: docFromParagraphs([text]), jumpFrom: '', jumpTo: '' });
  const page = (n: number, id: string, rows: number) => ({ number: n, name: `版${n}`, section: '', page: defaultPage('tabloid'), articles: [id], images: [], blocks: [{ id: `b-${id}`, kind: 'article' as const, articleId: id, col: 0, span: 4, row: 0, rows }] });
  return { formatVersion: 2, edition: { paper: '洛阳日报', date: '2026-12-03', format: 'tabloid', jumpStyle: 'ordinal' }, articles: [article('a', '第一版正文。'.repeat(300)), article('b', '第二版正文。')], images: [], pages: [page(1, 'a', 5), page(2, 'b', 10)], chains: [] };
}

describe('an edition blocked by preflight', () => {
  it('exits 4 naming the page and writes nothing, not even the -o folder; --force writes every file', async () => {
    const file = join(dir, 'overset.banmian');
    writeFileSync(file, serializeEdition(overset()));
    logs.length = 0;
    const blocked = join(dir, 'blocked');
    expect(await exportCommand([file, '-o', blocked, '--proof']), logs.join('\n')).toBe(4);
    expect(logs.join('\n')).toMatch(/第1版/);
    // not even the folder: a blocked export leaves no empty OUTDIR behind
    expect(existsSync(blocked)).toBe(false);
    logs.length = 0;
    const forced = join(dir, 'forced');
    expect(await exportCommand([file, '-o', forced, '--proof', '--force']), logs.join('\n')).toBe(0);
    expect(readdirSync(forced).sort()).toEqual(['20261203-01.pdf', '20261203-02.pdf', '20261203.pdf']);
  }, 60_000);
});
