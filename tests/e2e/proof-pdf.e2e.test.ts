/**
 * The proof PDF (校样): page 1 is the page in the proof view with notes in the margin, page 2 the
 * list of open marks. Checked with pdftotext and a pdftoppm render compared with a reference that
 * was looked at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { exportProofPdf } from '../../src-core/proof/proof-pdf';
import { loadBundledFonts } from '../../src-main/fonts/bundled';
import { markedSamplePage } from '../fixtures/proof/marked-page';

const REF = fileURLToPath(new URL('../ref/proof-sheet-marks.png', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));
const hasPoppler = spawnSync('sh', ['-c', 'command -v pdftotext && command -v pdftoppm']).status === 0;

describe.skipIf(!hasPoppler)('proof PDF (needs poppler-utils)', () => {
  it('shows the marks in the margin and lists the open ones', async () => {
    const { doc, notes } = markedSamplePage();
    const r = await exportProofPdf(doc, notes, { fonts: loadBundledFonts() }, new Date('2024-01-16T14:30:00Z'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const dir = mkdtempSync(join(tmpdir(), 'bm-proof-'));
    const pdf = join(dir, 'proof.pdf');
    writeFileSync(pdf, r.bytes);
    const text = (page: number): string => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).replace(/[ \u3000]/g, '');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);
    const sheet = text(1);
    expect(sheet).toContain('删「预防宣传」王岚·一校');
    expect(sheet).toContain('增「切实」王岚·二校');
    expect(sheet).toContain('王岚：此处地名请核实');
    // the proof view sets the pending insertion in the text itself
    expect(sheet).toContain('传切实工作'); // 预防宣|传 breaks over two lines
    const list = text(2);
    expect(list).toContain('校样修改单');
    expect(list).toMatch(/1\.删「预防宣传」王岚·一校\s+2\.增「切实」王岚·二校\s+3\.注「老城区南关街」王岚：此处地名请核实/);

    // the marks region of page 1, as a picture
    execFileSync('pdftoppm', ['-r', '100', '-f', '1', '-l', '1', '-x', '0', '-y', '880', '-W', '1780', '-H', '250', '-png', '-singlefile', pdf, join(dir, 'marks')]);
    const png = readFileSync(join(dir, 'marks.png'));
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(join(OUT_DIR, 'proof-sheet-marks.png'), png);
    if (!existsSync(REF) || process.env.UPDATE_REFS === '1') {
      writeFileSync(REF, png);
      if (process.env.UPDATE_REFS !== '1') throw new Error('reference proof-sheet-marks.png written: look at it and commit it');
      return;
    }
    const a = PNG.sync.read(png);
    const b = PNG.sync.read(readFileSync(REF));
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    const changed = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.2 });
    expect(changed / (a.width * a.height)).toBeLessThanOrEqual(0.003);
  });
});
