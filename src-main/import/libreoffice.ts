/**
 * Legacy Word (.doc) and Kingsoft WPS (.wps) files go through LibreOffice (soffice --headless
 * --convert-to docx) when it is installed; otherwise the caller gets a clear message instead.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';

const CANDIDATES = [
  '/usr/bin/soffice',
  '/usr/local/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

/** Path of the soffice binary, from BANMIAN_SOFFICE, the PATH or the usual install places. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.BANMIAN_SOFFICE !== undefined) return env.BANMIAN_SOFFICE && existsSync(env.BANMIAN_SOFFICE) ? env.BANMIAN_SOFFICE : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice', 'soffice.exe']) {
      const p = join(dir, name);
      if (dir && existsSync(p)) return p;
    }
  }
  return CANDIDATES.find((p) => existsSync(p));
}

export type ConvertResult = { ok: true; bytes: Uint8Array; soffice: string } | { ok: false; zh: string; en: string };

/** Converts one legacy document to .docx bytes with `soffice` (see findSoffice); gives up after `timeoutMs`. */
export function convertToDocx(name: string, bytes: Uint8Array, soffice: string | undefined, timeoutMs = 120_000): Promise<ConvertResult> {
  if (!soffice)
    return Promise.resolve({
      ok: false,
      zh: `${name}：需要 LibreOffice 才能转换旧版 Word/WPS 文件，但本机没有安装（可安装 LibreOffice，或在 Word/WPS 中另存为 .docx）`,
      en: `${name}: LibreOffice is needed to convert legacy Word/WPS files and is not installed (install LibreOffice, or save the file as .docx from Word/WPS)`,
    });
  const dir = mkdtempSync(join(tmpdir(), 'banmian-lo-'));
  const safe = basename(name).replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'input.doc';
  const input = join(dir, safe);
  writeFileSync(input, bytes);
  const profile = `file://${join(dir, 'profile')}`;
  return new Promise((resolve) => {
    execFile(
      soffice,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, input],
      { timeout: timeoutMs, windowsHide: true },
      (err, _stdout, stderr) => {
        const out = join(dir, safe.replace(/\.[^.]*$/, '') + '.docx');
        try {
          if (!err && existsSync(out)) resolve({ ok: true, bytes: new Uint8Array(readFileSync(out)), soffice });
          else {
            const why = err ? (err.killed ? `timed out after ${timeoutMs / 1000} s` : err.message) : String(stderr).trim() || 'no output file';
            resolve({ ok: false, zh: `${name}：LibreOffice 转换失败（${why}）`, en: `${name}: LibreOffice conversion failed (${why})` });
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  });
}
