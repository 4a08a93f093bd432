import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { loadBanmianFile, saveBanmianFile, writeFileAtomic } from '../../src-main/files/banmian-file';
import { cleanPage } from '../fixtures/pdf/pages';

const dir = mkdtempSync(join(tmpdir(), 'banmian-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('.banmian files', () => {
  it('saves and loads a page with its pictures inside the one file', () => {
    const doc = cleanPage();
    const path = join(dir, 'page.banmian');
    const saved = saveBanmianFile(path, doc);
    expect(saved.ok).toBe(true);
    const loaded = loadBanmianFile(path);
    if (!loaded.ok) throw new Error(loaded.en);
    expect(loaded.document).toEqual(doc);
    expect(loaded.document.images[0].data!.length).toBeGreaterThan(100_000);
    expect(JSON.parse(readFileSync(path, 'utf8')).formatVersion).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces an existing file whole and leaves no temporary file', () => {
    const path = join(dir, 'twice.banmian');
    writeFileSync(path, 'old contents');
    expect(writeFileAtomic(path, 'new').ok).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir).filter((f) => f.startsWith('.twice'))).toEqual([]);
  });

  it('fails cleanly when the folder cannot be written, touching nothing', () => {
    const r = saveBanmianFile(join(dir, 'no-such-folder', 'page.banmian'), cleanPage());
    expect(r).toMatchObject({ ok: false, zh: expect.stringContaining('无法保存'), en: expect.stringContaining('Cannot save') });
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });

  it('gives clear errors for a missing file, a folder, garbage and a newer format', () => {
    expect(loadBanmianFile(join(dir, 'absent.banmian'))).toMatchObject({ ok: false, en: expect.stringContaining('File not found') });
    mkdirSync(join(dir, 'folder.banmian'));
    expect(loadBanmianFile(join(dir, 'folder.banmian'))).toMatchObject({ ok: false, en: expect.stringContaining('is a folder') });
    writeFileSync(join(dir, 'garbage.banmian'), '\u0000\u0001 not json');
    const garbage = loadBanmianFile(join(dir, 'garbage.banmian'));
    expect(garbage).toMatchObject({ ok: false, zh: expect.stringContaining('garbage.banmian'), en: expect.stringContaining('JSON') });
    writeFileSync(join(dir, 'future.banmian'), JSON.stringify({ formatVersion: 99 }));
    expect(loadBanmianFile(join(dir, 'future.banmian'))).toMatchObject({ ok: false, en: expect.stringContaining('newer Banmian') });
  });
});
