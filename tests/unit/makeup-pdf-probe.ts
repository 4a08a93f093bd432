/**
 * Reads a made-up page back from its PDF with poppler (pdftotext, pdftoppm) and pngjs: the text
 * drawn, the headline sizes and the blank holes in the type area, so that tests and the bench
 * judge the printed page, not the engine's report of it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { layout } from '../../src-core/layout/layout';
import type { BanmianDocument } from '../../src-core/model/document';
import { gridGeometry, type GridGeometry } from '../../src-core/model/grid';
import { exportPdf } from '../../src-core/pdf';
import type { FontRegistry } from '../../src-core/fonts/registry';

export interface PdfPageProbe {
  pdf: Uint8Array;
  /** Text drawn, as pdftotext reads it (raw order). */
  text: string;
  /** Font sizes of the text lines (pt, from -bbox-layout line heights) keyed by the line's text. */
  lines: { text: string; height: number; yMin: number; xMin: number }[];
  /** Blank areas of the rendered type area, in column-lines, largest first (see `blankHoles`). */
  holes: Hole[];
  /** The last inked grid line of each column (-1 when the column is empty). */
  feet: number[];
  png: PNG;
  dpi: number;
}

export interface Hole {
  size: number;
  col: number;
  row: number;
}

/** Exports the page to PDF (no marks, no bleed: the sheet is the trim) and reads it back. */
export async function probePdf(doc: BanmianDocument, fonts: FontRegistry, dpi = 36, keepIn?: string): Promise<PdfPageProbe> {
  const pl = layout(doc, { fonts });
  const r = await exportPdf(pl, { fonts, images: doc.images, marks: false, bleed: 0, createdAt: new Date(0) });
  if (!r.ok) throw new Error(r.en);
  const dir = keepIn ?? mkdtempSync(join(tmpdir(), 'makeup-pdf-'));
  try {
    const pdfPath = join(dir, 'page.pdf');
    writeFileSync(pdfPath, r.bytes);
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-singlefile', pdfPath, join(dir, 'page')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'page.png')));
    const geo = gridGeometry(doc.page);
    const cells = blankCells(png, dpi, geo, titleAndPictureAreas(pl, doc));
    return { pdf: r.bytes, text, lines: bboxLines(html), holes: blankHoles(cells), feet: cells.map((col) => col.lastIndexOf(false)), png, dpi };
  } finally {
    if (!keepIn) rmSync(dir, { recursive: true, force: true });
  }
}

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

const TITLE_FIELDS = new Set(['kicker', 'headline', 'deck', 'column']);

/**
 * Areas that are not blank even where no pixel is ink, from the page's layout: pictures (a frame
 * may print light), ads, and each module's title area, whose white space is a design lever of issue 16:
 * the band from the module's top, across the module, down to where its text under the titles
 * begins (the top of its first line that is not a title), or to its last title line when there is
 * no such text.
 */
function titleAndPictureAreas(pl: ReturnType<typeof layout>, doc: BanmianDocument): Area[] {
  // an ad is booked space, blank inside until its artwork comes
  const out: Area[] = pl.frames.filter((f) => f.kind === 'image' || f.kind === 'ad');
  const articleOf = new Map(doc.blocks.flatMap((b) => (b.kind === 'article' ? [[b.id, b.articleId] as const] : [])));
  for (const f of pl.frames) {
    if (f.kind !== 'article') continue;
    // Only the module's own lines: a stepped module's box also holds its neighbours' titles.
    const owner = articleOf.get(f.blockId);
    let titles = f.y;
    let text = Number.POSITIVE_INFINITY;
    for (const it of pl.items) {
      if (it.kind !== 'glyphs' || !it.source || it.source.owner !== owner) continue;
      // (a line may open with a mark set into the margin, up to an em: an opening quote compressed at the line's start)
      if (!(it.xs[0] >= f.x - it.size && it.xs[0] <= f.x + f.width && it.y >= f.y - 1 && it.y <= f.y + f.height)) continue;
      // y is the baseline: the descent is about a fifth of the size, the ascent the rest.
      if (TITLE_FIELDS.has(it.source.field)) titles = Math.max(titles, it.y + it.size / 5);
      else text = Math.min(text, it.y - (it.size * 4) / 5);
    }
    const bottom = titles > f.y && Number.isFinite(text) && text > titles ? text : titles;
    if (bottom > f.y) out.push({ x: f.x, y: f.y, width: f.width, height: bottom - f.y });
  }
  return out;
}

function bboxLines(html: string): PdfPageProbe['lines'] {
  const out: PdfPageProbe['lines'] = [];
  const lineRe = /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g;
  for (const m of html.matchAll(lineRe)) {
    const words = [...m[4].matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join('');
    out.push({ text: words, height: Number(m[3]) - Number(m[2]), yMin: Number(m[2]), xMin: Number(m[1]) });
  }
  return out;
}

/** A pixel this dark or darker is ink (0 black … 255 white). */
const INK = 215;

/**
 * Blank holes of the rendered type area. The area is cut into cells of one column (with its gutter)
 * by one line pitch; a cell is blank when no pixel of the column's own width (not the gutter, whose
 * white is the normal space between columns) over the line's pitch is ink. A blank cell is normal
 * space when it is a lone blank line between two inked lines of its column (the space a module's
 * foot rule and the next title leave); a cell of a picture or of a module's title area is not blank
 * (see titleAndPictureAreas); the rest, joined with their blank neighbours across columns
 * and lines, are holes, measured in cells = column-lines.
 */
function blankCells(png: PNG, dpi: number, geo: GridGeometry, notBlank: Area[]): boolean[][] {
  const s = dpi / 72;
  const blank: boolean[][] = [];
  for (let c = 0; c < geo.columns; c++) {
    const x0 = Math.ceil((geo.left + c * (geo.colWidth + geo.gutter)) * s);
    const x1 = Math.floor((geo.left + c * (geo.colWidth + geo.gutter) + geo.colWidth) * s);
    const col: boolean[] = [];
    for (let r = 0; r < geo.rows; r++) {
      const y0 = Math.ceil((geo.top + r * geo.pitch) * s);
      const y1 = Math.floor((geo.top + (r + 1) * geo.pitch) * s);
      let ink = false;
      for (let y = y0; y < y1 && !ink; y++) for (let x = x0; x < x1 && !ink; x++) ink = png.data[(y * png.width + x) * 4] <= INK;
      const cx = geo.left + c * (geo.colWidth + geo.gutter) + geo.colWidth / 2;
      const cy = geo.top + (r + 0.5) * geo.pitch;
      const covered = notBlank.some((a) => cx >= a.x && cx <= a.x + a.width && cy >= a.y && cy <= a.y + a.height + geo.pitch / 2);
      col.push(!ink && !covered);
    }
    blank.push(col);
  }
  return blank;
}

export function blankHoles(blank: boolean[][]): Hole[] {
  const columns = blank.length;
  const rows = blank[0]?.length ?? 0;
  // A single blank line between inked lines is the normal space between modules or paragraphs.
  const hole = blank.map((col) => col.map((b, r) => b && !(r > 0 && r < col.length - 1 && !col[r - 1] && !col[r + 1])));
  const seen = blank.map((col) => col.map(() => false));
  const out: Hole[] = [];
  for (let c = 0; c < columns; c++) for (let r = 0; r < rows; r++) {
    if (!hole[c][r] || seen[c][r]) continue;
    let size = 0;
    const stack: [number, number][] = [[c, r]];
    seen[c][r] = true;
    while (stack.length) {
      const [x, y] = stack.pop()!;
      size++;
      for (const [nx, ny] of [[x - 1, y], [x + 1, y], [x, y - 1], [x, y + 1]]) {
        if (nx < 0 || ny < 0 || nx >= columns || ny >= rows || seen[nx][ny] || !hole[nx][ny]) continue;
        seen[nx][ny] = true;
        stack.push([nx, ny]);
      }
    }
    out.push({ size, col: c, row: r });
  }
  return out.sort((a, b) => b.size - a.size);
}
