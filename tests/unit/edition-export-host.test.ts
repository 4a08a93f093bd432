/**
 * HostApi.exportEditionPdf, the combined PDF of 导出整期 PDF: pages sharing a number and pages with
 * preflight errors are refused (naming the pages) and nothing is written; forced or clean, the
 * combined PDF holds every page in number order, written atomically into the sandbox.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeEdition } from '../../src-core/edition/edition-file';
import type { EditionDocument } from '../../src-core/edition/edition';
import { defaultPage } from '../../src-core/model/defaults';
import { PROOF_PRINT } from '../../src-core/model/proof-print';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { exportEditionPdf } from '../../src-main/host/edition-export';
import { sandboxAccess, type HostEnv } from '../../src-main/host/page-files';

const dir = mkdtempSync(join(tmpdir(), 'banmian-edexport-'));
const env: HostEnv = { files: sandboxAccess(dir), autosaveSeconds: 30 };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Pages 2 and 1 (file order), one short article each; `rows` the second page's block depth. */
function edition(rows = 10): EditionDocument {
  const article = (id: string, text: string) => ({ id, kicker: '', headline: `${id}标题`, deck: '', byline: '', bylinePosition: 'top' as const, lead: '', body: docFromParagraphs([text]), jumpFrom: '', jumpTo: '' });
  const page = (n: number, id: string, depth: number) => ({ number: n, name: `版${n}`, section: '', page: defaultPage('tabloid'), articles: [id], images: [], blocks: [{ id: `b-${id}`, kind: 'article' as const, articleId: id, col: 0, span: 4, row: 0, rows: depth }] });
  return { formatVersion: 2, edition: { paper: '洛阳日报', date: '2026-12-03', format: 'tabloid', jumpStyle: 'ordinal' }, articles: [article('a', '第二版正文。'), article('b', '第一版正文。'.repeat(rows < 10 ? 300 : 1))], images: [], pages: [page(2, 'a', 10), page(1, 'b', rows)], chains: [] };
}

describe('exportEditionPdf', () => {
  it('writes the combined PDF, the pages in number order', async () => {
    const r = await exportEditionPdf(env, serializeEdition(edition()), 'out/20261203.pdf', {});
    expect(r).toMatchObject({ ok: true, value: { path: 'out/20261203.pdf' } });
    const file = join(dir, 'out', '20261203.pdf');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+2\n/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text.indexOf('第一版正文')).toBeGreaterThan(-1);
    expect(text.indexOf('第一版正文')).toBeLessThan(text.indexOf('第二版正文'));
    // atomic: no temporary file left beside it
    expect(readdirSync(join(dir, 'out'))).toEqual(['20261203.pdf']);
  });

  it('refuses pages sharing a number and pages with preflight errors, writing nothing; forced, it writes', async () => {
    const shared = edition();
    shared.pages[0].number = 1;
    const dup = await exportEditionPdf(env, serializeEdition(shared), 'dup/20261203.pdf', {});
    expect(dup).toMatchObject({ ok: false, en: expect.stringContaining('duplicate page number') });
    expect(existsSync(join(dir, 'dup'))).toBe(false);
    const blocked = await exportEditionPdf(env, serializeEdition(edition(2)), 'blocked/20261203.pdf', {});
    expect(blocked).toEqual({ ok: false, zh: '第1版有印前错误，未导出整期 PDF', en: 'Page 1 has preflight errors; the edition PDF was not exported' });
    expect(existsSync(join(dir, 'blocked', '20261203.pdf'))).toBe(false);
    const forced = await exportEditionPdf(env, serializeEdition(edition(2)), 'blocked/20261203.pdf', { force: true });
    expect(forced.ok).toBe(true);
    expect(existsSync(join(dir, 'blocked', '20261203.pdf'))).toBe(true);
  });

  it('校样 (PROOF_PRINT, what the app\'s 导出整期 校样 passes): the trimmed page, no bleed, no marks, no PDF/X; print has all three', async () => {
    const json = serializeEdition(edition());
    const proof = await exportEditionPdf(env, json, 'proof/20261203.pdf', { ...PROOF_PRINT });
    const print = await exportEditionPdf(env, json, 'print/20261203.pdf', {});
    expect(proof.ok && print.ok).toBe(true);
    const boxes = (f: string) => execFileSync('pdfinfo', ['-box', join(dir, f, '20261203.pdf')], { encoding: 'utf8' });
    const box = (info: string, name: string) => info.match(new RegExp(`${name}:\\s+([\\d.\\s]+)\\n`))![1].trim().split(/\s+/).map(Number);
    const proofInfo = boxes('proof');
    const printInfo = boxes('print');
    // proof: the media box is the trim box; print: bleed and marks around it
    expect(box(proofInfo, 'MediaBox')).toEqual(box(proofInfo, 'TrimBox'));
    expect(box(printInfo, 'MediaBox')[2] - box(printInfo, 'MediaBox')[0]).toBeGreaterThan(box(printInfo, 'TrimBox')[2] - box(printInfo, 'TrimBox')[0]);
    const raw = (f: string) => readFileSync(join(dir, f, '20261203.pdf')).toString('latin1');
    expect(raw('print')).toContain('/OutputIntents');
    expect(raw('proof')).not.toContain('/OutputIntents');
  });
});
