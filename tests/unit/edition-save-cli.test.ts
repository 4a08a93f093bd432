/**
 * The saved edition: `edition PLAN.json --save FILE` writes one edition file, `export FILE -o OUTDIR`
 * writes the same PDFs from it, and a page renumbered in the file (renumberPage) carries its jump
 * lines along. Checked from the PDFs (pdftotext, qpdf).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as exportCommand } from '../../src-main/cli/commands/export';
import { parseEdition, serializeEdition } from '../../src-core/edition/edition-file';
import { renumberPage } from '../../src-core/edition/renumber';
import { loadBanmianFile } from '../../src-main/files/banmian-file';
import { madeEdition } from './edition-made';

const made = madeEdition('banmian-edfile-', (dir) => ['-o', join(dir, 'made'), '--proof', '--save', join(dir, 'day.banmian')]);
const { dir, logs } = made;
const saved = join(dir, 'day.banmian');
const text = (file: string): string => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
const flat = (file: string): string => text(file).replace(/\s+/g, '');

const editionOf = (path: string) => {
  const r = parseEdition(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.en);
  return r.edition;
};

describe('edition --save and export of an edition file', () => {
  it('--save writes ONE edition file (format version 2) holding the three pages and the story\'s chain', () => {
    expect(made.code, logs.join('\n')).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.banmian'))).toEqual(['day.banmian']);
    const ed = editionOf(saved);
    expect(ed.formatVersion).toBe(2);
    expect(ed.pages.map((p) => [p.number, p.name])).toEqual([[1, '要闻'], [2, '综合'], [3, '经济']]);
    expect(ed.chains).toHaveLength(1);
    expect(ed.chains[0].parts).toHaveLength(2);
    // the story is in the pool once, whole: no continued copy of it
    expect(ed.articles.filter((a) => a.id.startsWith(ed.chains[0].article))).toHaveLength(1);
  });

  it('export of the edition file writes the same per-page and combined PDFs as edition did', async () => {
    logs.length = 0;
    const out = join(dir, 'exported');
    expect(await exportCommand([saved, '-o', out, '--proof']), logs.join('\n')).toBe(0);
    const names = ['20261203-01.pdf', '20261203-02.pdf', '20261203-03.pdf', '20261203.pdf'];
    expect(readdirSync(out).sort()).toEqual(names);
    for (const n of names) expect(text(join(out, n)), n).toBe(text(join(dir, 'made', n)));
    expect(execFileSync('qpdf', ['--check', join(out, '20261203.pdf')], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
  });

  it('page 3 renumbered 4 in the file: page 1 says （下转第4版）, the renumbered page 上接第1版 and 第4版', async () => {
    const r = renumberPage(editionOf(saved), 3, 4);
    if (!r.ok) throw new Error(r.en);
    const renumbered = join(dir, 'renumbered.banmian');
    writeFileSync(renumbered, serializeEdition(r.edition));
    logs.length = 0;
    const out = join(dir, 'renumbered');
    expect(await exportCommand([renumbered, '-o', out, '--proof']), logs.join('\n')).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['20261203-01.pdf', '20261203-02.pdf', '20261203-04.pdf', '20261203.pdf']);
    expect(flat(join(out, '20261203-01.pdf'))).toContain('（下转第4版）');
    expect(flat(join(out, '20261203-01.pdf'))).not.toContain('下转第3版');
    const four = flat(join(out, '20261203-04.pdf'));
    expect(four).toContain('（上接第1版）');
    expect(four).toContain('第4版');
    expect(four).not.toContain('第3版');
    // the combined PDF in page order: 1, 2, 4
    const combined = text(join(out, '20261203.pdf')).split('\f').map((p) => p.replace(/\s+/g, ''));
    expect(combined[0]).toContain('（下转第4版）');
    expect(combined[2]).toContain('（上接第1版）');
  });

  it('the app\'s page loader refuses the edition file with a clear zh/en message', () => {
    const r = loadBanmianFile(saved);
    expect(r).toMatchObject({ ok: false, zh: expect.stringContaining('这是整期文件'), en: expect.stringContaining('This is an edition file') });
  });

  it('a broken edition file is named by field, exits 1, writes nothing and is left as it was', async () => {
    const broken = JSON.parse(readFileSync(saved, 'utf8'));
    broken.chains[0].parts[1].from = 0;
    broken.pages[1].number = 1;
    const path = join(dir, 'broken.banmian');
    const bytes = JSON.stringify(broken);
    writeFileSync(path, bytes);
    logs.length = 0;
    const out = join(dir, 'broken-out');
    expect(await exportCommand([path, '-o', out])).toBe(1);
    const said = logs.join('\n');
    expect(said).toContain('pages[1].number');
    expect(said).toContain('duplicate page number');
    expect(said).toContain('broken.banmian');
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(bytes);
  });

  it('refuses --png and an edition without a valid date before writing anything', async () => {
    logs.length = 0;
    expect(await exportCommand([saved, '-o', join(dir, 'png-out'), '--png', join(dir, 'x.png')])).toBe(2);
    expect(logs.join('\n')).toContain('--png is for a single page');
    const undated = editionOf(saved);
    undated.edition.date = '';
    const path = join(dir, 'undated.banmian');
    writeFileSync(path, serializeEdition(undated));
    logs.length = 0;
    expect(await exportCommand([path, '-o', join(dir, 'undated-out')])).toBe(1);
    expect(logs.join('\n')).toContain('edition.date = "": must be a valid day YYYY-MM-DD');
    expect(existsSync(join(dir, 'png-out'))).toBe(false);
    expect(existsSync(join(dir, 'undated-out'))).toBe(false);
  });
});
