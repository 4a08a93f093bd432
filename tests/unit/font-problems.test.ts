import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFontProvider } from '../../src-core/fonts/provider';
import type { FontFaceInfo, FontListProblem } from '../../src-core/host-api';
import { installedSource, listInstalledFonts } from '../../src-main/fonts/installed';
import { dispatchHostCall } from '../../src-main/host/handlers';
import type { HostEnv } from '../../src-main/host/page-files';
import { NOTO_CJK_DIR } from './test-fonts';

/** A font folder with one good collection and three files it cannot use, as a host lists it. */
describe('the installed listing’s problems reach the host API (fontProblems)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-font-problems-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const noto = join(NOTO_CJK_DIR, 'NotoSerifCJK-Regular.ttc');
  symlinkSync(noto, join(dir, 'good.ttc'));
  writeFileSync(join(dir, 'cut.ttc'), readFileSync(noto).subarray(0, 4000));
  writeFileSync(join(dir, 'web.woff2'), 'wOF2');
  writeFileSync(join(dir, 'old.pfb'), '\x80\x01');
  const env: HostEnv = { files: undefined as never, autosaveSeconds: 30, fonts: createFontProvider([installedSource(() => listInstalledFonts([dir], { cacheFile: null }))]) };

  it('names each file the listing could not use, with why in zh and en, and still lists the rest', async () => {
    const problems = (await dispatchHostCall('fontProblems', [], env)) as { ok: true; value: FontListProblem[] };
    expect(problems.ok).toBe(true);
    expect(problems.value.map((p) => p.file).sort()).toEqual(['cut.ttc', 'old.pfb', 'web.woff2'].map((f) => join(dir, f)));
    const cut = problems.value.find((p) => p.file.endsWith('cut.ttc'))!;
    expect(cut.zh).toBe(`字体文件 ${join(dir, 'cut.ttc')} 被截断或已损坏（表超出文件末尾）`);
    expect(cut.en).toBe(`Font file ${join(dir, 'cut.ttc')} is truncated or damaged (a table runs past its end)`);
    expect(problems.value.find((p) => p.file.endsWith('web.woff2'))).toMatchObject({ zh: expect.stringContaining('网页字体（WOFF2），不受支持'), en: expect.stringContaining('a web font (WOFF2)') });
    expect(problems.value.find((p) => p.file.endsWith('old.pfb'))).toMatchObject({ zh: expect.stringContaining('Type 1 字体'), en: expect.stringContaining('a Type 1 font') });
    const faces = (await dispatchHostCall('listFonts', [], env)) as { ok: true; value: FontFaceInfo[] };
    expect(faces.value.map((f) => f.postscriptName)).toContain('NotoSerifCJKsc-Regular');
  });

  it('refuses arguments, as every method without them does', async () => {
    expect(await dispatchHostCall('fontProblems', [1], env)).toMatchObject({ rejected: true, en: 'fontProblems: takes no arguments' });
  });
});
