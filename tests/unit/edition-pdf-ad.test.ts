/**
 * An ad whose artwork is a one-page PDF (版面计划's `artwork: "….pdf"`): its page drawn inside the
 * booked cells, fitted (whole, aspect kept) and centred — checked from the written PDF with poppler
 * (pdftoppm pixels), MuPDF and qpdf; and a PDF that is encrypted, damaged, empty, of several pages or
 * huge is refused naming the plan field and the file, with nothing written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PDFDocument, StandardFonts, cmyk } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { run as edition } from '../../src-main/cli/commands/edition';
import { run as exportCommand } from '../../src-main/cli/commands/export';
import { parsePlan } from '../../src-core/edition/plan';
import { gridGeometry, rectOf } from '../../src-core/model/grid';
import { PDF_ARTWORK_MAX_BYTES } from '../../src-core/pdf/pdf-artwork';
import { assetHref } from '../../src-core/model/asset-href';
import { parseEdition } from '../../src-core/edition/edition-file';
import { capturedConsole } from '../support/console-capture';

function parseEditionFile(text: string) {
  const r = parseEdition(text);
  if (!r.ok) throw new Error(r.en);
  return r.edition;
}

const FIXTURE = 'tests/fixtures/edition';
const dir = mkdtempSync(join(tmpdir(), 'banmian-pdf-ad-'));
/** The ad's page: 300 × 400 pt, filled with pure magenta (nothing else on the page is magenta), a black bar across its top. */
const AD = { width: 300, height: 400 };

async function adPdf(pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const p = doc.addPage([AD.width, AD.height]);
    p.drawRectangle({ x: 0, y: 0, width: AD.width, height: AD.height, color: cmyk(0, 1, 0, 0) });
    p.drawRectangle({ x: 0, y: AD.height - 40, width: AD.width, height: 40, color: cmyk(0, 0, 0, 1) });
  }
  return doc.save({ addDefaultPage: false });
}

/** The fixture's three-page plan, files by absolute path, page 1's ad given `artwork`; written beside the test's output. */
function planWith(artwork: string, name: string): string {
  const plan = JSON.parse(readFileSync(join(FIXTURE, 'PLAN.json'), 'utf8'));
  for (const p of plan.pages) p.articles = p.articles.map((f: string) => resolve(FIXTURE, f));
  for (const p of plan.pages) for (const a of p.ads ?? []) if (a.artwork) a.artwork = resolve(FIXTURE, a.artwork);
  plan.continue[0].article = plan.pages[0].articles[0];
  plan.pages[0].ads[0].artwork = artwork;
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(plan));
  return path;
}

const logs = capturedConsole(dir);

/** Bounding box, in page pt, of the strongly magenta pixels of a page rendered by pdftoppm at `dpi`. */
function magentaBox(pdf: string, dpi: number): { x0: number; y0: number; x1: number; y1: number; count: number } {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', pdf], { maxBuffer: 1 << 28 });
  const head = ppm.subarray(0, 40).toString('latin1').match(/^P6\s+(\d+)\s+(\d+)\s+255\s/)!;
  const [w, h] = [Number(head[1]), Number(head[2])];
  const data = ppm.subarray(head[0].length);
  let [x0, y0, x1, y1, count] = [Infinity, Infinity, -Infinity, -Infinity, 0];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      if (data[i] > 180 && data[i + 1] < 80 && data[i + 2] > 80) {
        count++;
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x + 1);
        y1 = Math.max(y1, y + 1);
      }
    }
  }
  const k = 72 / dpi;
  return { x0: x0 * k, y0: y0 * k, x1: x1 * k, y1: y1 * k, count };
}

describe('a PDF as an ad\'s artwork', () => {
  it('prints inside its booked cells, whole (aspect kept) and centred; the PDF passes qpdf and MuPDF', async () => {
    writeFileSync(join(dir, 'ad.pdf'), await adPdf());
    const path = planWith(join(dir, 'ad.pdf'), 'good');
    const out = join(dir, 'out');
    logs.length = 0;
    // a digital proof: no bleed or marks, so PDF coordinates are the page's own
    expect(await edition([path, '-o', out, '--proof', '--save', join(dir, 'good.banmian')]), logs.join('\n')).toBe(0);
    const page1 = join(out, '20261203-01.pdf');
    const parsed = parsePlan(readFileSync(path, 'utf8'), { exists: () => true });
    if (!parsed.ok) throw new Error('plan');
    const cells = rectOf(gridGeometry(parsed.plan.page), parsed.plan.pages[0].ads[0].rect);
    const m = magentaBox(page1, 72);
    expect(m.count).toBeGreaterThan(1000);
    // inside the cells (a pixel of rounding)
    expect(m.x0).toBeGreaterThanOrEqual(cells.x - 1);
    expect(m.x1).toBeLessThanOrEqual(cells.x + cells.width + 1);
    expect(m.y0).toBeGreaterThanOrEqual(cells.y - 1);
    expect(m.y1).toBeLessThanOrEqual(cells.y + cells.height + 1);
    // fitted: the ad's black top bar is 40 of its 400 pt, so the drawing's full height is magenta's / 0.9
    const drawnHeight = (m.y1 - m.y0) / 0.9;
    const drawnWidth = m.x1 - m.x0;
    expect(drawnWidth / drawnHeight).toBeCloseTo(AD.width / AD.height, 1);
    // one side fills the frame (inside its 4 pt of hairline and rounding), the drawing centred on the other
    const fillsWidth = Math.abs(drawnWidth - cells.width) < 2;
    const fillsHeight = Math.abs(drawnHeight - cells.height) < 2;
    expect(fillsWidth || fillsHeight).toBe(true);
    expect(Math.abs((m.x0 + m.x1) / 2 - (cells.x + cells.width / 2))).toBeLessThan(1.5);
    expect(Math.abs((m.y1 - drawnHeight + m.y1) / 2 - (cells.y + cells.height / 2))).toBeLessThan(1.5);
    // no placeholder: the advertiser's name is not printed
    expect(execFileSync('pdftotext', [page1, '-'], { encoding: 'utf8' })).not.toContain('洛阳老字号酱菜');
    expect(execFileSync('qpdf', ['--check', join(out, '20261203.pdf')], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    execFileSync('mutool', ['draw', '-q', '-o', join(dir, 'mu.png'), '-r', '20', page1, '1']);
    expect(existsSync(join(dir, 'mu.png'))).toBe(true);
    // `export` of the saved edition draws the same ad in the same place
    expect(await exportCommand([join(dir, 'good.banmian'), '-o', join(dir, 'again'), '--proof']), logs.join('\n')).toBe(0);
    const again = magentaBox(join(dir, 'again', '20261203-01.pdf'), 72);
    expect(again).toEqual(m);
  }, 120_000);

  it('keeps the ad\'s own fonts and images: its text is extractable, its picture listed, poppler draws it without an error (audit 17: /Resources pointed at the ad file\'s objects)', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([AD.width, AD.height]);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    page.drawText('HELUO BANK SAVINGS', { x: 20, y: 360, size: 20, font });
    const png = await doc.embedPng(readFileSync(join(FIXTURE, 'ads', 'bank.png')));
    page.drawImage(png, { x: 20, y: 20, width: 260, height: 300 });
    writeFileSync(join(dir, 'rich.pdf'), await doc.save());
    const out = join(dir, 'rich-out');
    logs.length = 0;
    expect(await edition([planWith(join(dir, 'rich.pdf'), 'rich'), '-o', out, '--proof']), logs.join('\n')).toBe(0);
    const page1 = join(out, '20261203-01.pdf');
    expect(execFileSync('pdftotext', [page1, '-'], { encoding: 'utf8' })).toContain('HELUO BANK SAVINGS');
    const size = `${png.width} ${png.height}`;
    const listed = (pdf: string) => execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').filter((l) => l.trim().split(/\s+/).slice(3, 5).join(' ') === size);
    expect(listed(page1).length).toBeGreaterThan(0);
    expect(listed(join(out, '20261203.pdf')).length).toBeGreaterThan(0);
    for (const pdf of [page1, join(out, '20261203.pdf')]) {
      const drawn = spawnSync('pdftoppm', ['-r', '20', '-png', pdf, join(dir, 'rich')], { encoding: 'utf8' });
      expect(drawn.stderr).toBe('');
    }
  }, 120_000);

  it('on screen: a stand-in of the page\'s proportions saying PDF and the ad\'s name (browsers draw no PDF in SVG)', async () => {
    const saved = parseEditionFile(readFileSync(join(dir, 'good.banmian'), 'utf8'));
    const asset = saved.images.find((i) => i.mime === 'application/pdf');
    expect(asset).toMatchObject({ pixelWidth: AD.width, pixelHeight: AD.height, name: '洛阳老字号酱菜 · ad.pdf' });
    const href = decodeURIComponent(assetHref(asset!)!);
    expect(href.startsWith('data:image/svg+xml')).toBe(true);
    expect(href).toContain(`viewBox="0 0 ${AD.width} ${AD.height}"`);
    expect(href).toContain('>PDF<');
    expect(href).toContain('洛阳老字号酱菜');
    expect(assetHref({ ...asset!, mime: 'image/png' })).toBe(`data:image/png;base64,${asset!.data}`);
  });

  const bad: [string, () => Promise<Uint8Array | 'huge'>, string][] = [
    ['encrypted', async () => {
      writeFileSync(join(dir, 'plain.pdf'), await adPdf());
      execFileSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', join(dir, 'plain.pdf'), join(dir, 'enc.pdf')]);
      return new Uint8Array(readFileSync(join(dir, 'enc.pdf')));
    }, 'encrypted'],
    ['damaged', async () => {
      const b = await adPdf();
      return b.subarray(0, Math.floor(b.length / 3));
    }, 'damaged'],
    ['of no page', () => adPdf(0), '0 pages'],
    ['of two pages', () => adPdf(2), '2 pages'],
    ['huge', async () => 'huge', 'over the'],
  ];
  for (const [what, make, said] of bad) {
    it(`a PDF ${what} is refused naming the plan field and the file, nothing written`, async () => {
      const file = join(dir, `bad-${what.replace(/ /g, '-')}.pdf`);
      const bytes = await make();
      if (bytes === 'huge') {
        writeFileSync(file, '%PDF-1.7\n');
        truncateSync(file, PDF_ARTWORK_MAX_BYTES + 1);
      } else writeFileSync(file, bytes);
      const before = readFileSync(file);
      const target = join(dir, `bad-out-${what}`);
      logs.length = 0;
      const code = await edition([planWith(file, `bad-${what}`), '-o', target, '--save', join(dir, `bad-${what}.banmian`)]);
      expect(code).not.toBe(0);
      const text = logs.join('\n');
      expect(text).toContain('pages[0].ads[0].artwork');
      expect(text).toContain(file);
      expect(text).toContain(said);
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(existsSync(target)).toBe(false);
      expect(existsSync(join(dir, `bad-${what}.banmian`))).toBe(false);
      expect(readFileSync(file).equals(before)).toBe(true);
    }, 60_000);
  }
});
