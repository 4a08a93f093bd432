/**
 * The proof PDF (校样): page 1 is the page in the proof view with notes in the margin, page 2 the
 * list of open marks. Checked with pdftotext and a pdftoppm render compared with a reference that
 * was looked at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithReference } from '../support/reference';
import { exportProofPdf } from '../../src-core/proof/proof-pdf';
import { fontProvider } from '../../src-main/fonts/provider';
import { markedSamplePage } from '../fixtures/proof/marked-page';

const hasPoppler = spawnSync('sh', ['-c', 'command -v pdftotext && command -v pdftoppm']).status === 0;

describe.skipIf(!hasPoppler)('proof PDF (needs poppler-utils)', () => {
  it('shows the marks in the margin and lists the open ones', async () => {
    const { doc, notes } = markedSamplePage();
    const r = await exportProofPdf(doc, notes, { fonts: fontProvider().registry() }, new Date('2024-01-16T14:30:00Z'));
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

    // the marks region of page 1, as a picture (南关's first paragraph, low on the page, and the notes in the right margin)
    execFileSync('pdftoppm', ['-r', '100', '-f', '1', '-l', '1', '-x', '0', '-y', '1300', '-W', '1780', '-H', '250', '-png', '-singlefile', pdf, join(dir, 'marks')]);
    const png = readFileSync(join(dir, 'marks.png'));
    compareWithReference('proof-sheet-marks.png', png, 0.003);
  });
});
