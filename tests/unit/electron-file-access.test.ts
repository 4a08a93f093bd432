import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electronFileAccess } from '../../src-main/electron/file-access';

const dir = mkdtempSync(join(tmpdir(), 'banmian-grants-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A dialog that "chooses" the next path of the list, as the user would. */
function fakeDialog(next: string[]) {
  const pick = () => next.shift()!;
  return {
    showOpenDialog: async () => ({ canceled: false, filePaths: [pick()] }),
    showSaveDialog: async () => ({ canceled: false, filePath: pick() }),
  } as unknown as Parameters<typeof electronFileAccess>[0];
}

describe('Electron file access: a grant is for one kind of file', () => {
  it('a page chosen for opening may be saved again but is never an export target, and an export target is never a page', async () => {
    const page = join(dir, 'page.banmian');
    const pdf = join(dir, 'page.pdf');
    const png = join(dir, 'page.png');
    const files = electronFileAccess(fakeDialog([page, pdf, png]), () => null, join(dir, 'state'));
    expect(await files.choose('open', null)).toMatchObject({ ok: true, abs: page });
    expect(await files.choose('export', null)).toMatchObject({ ok: true, abs: pdf });
    expect(await files.choose('exportPng', null)).toMatchObject({ ok: true, abs: png });

    expect(await files.choose('open', page)).toMatchObject({ ok: true, abs: page });
    expect(await files.choose('save', page)).toMatchObject({ ok: true, abs: page });
    expect(await files.choose('export', pdf)).toMatchObject({ ok: true, abs: pdf });
    for (const purpose of ['export', 'exportPng'] as const) {
      const refused = await files.choose(purpose, page);
      expect(refused).toMatchObject({ ok: false });
      if (refused && !refused.ok) expect(refused.en).toContain('not chosen by the user for');
    }
    expect(await files.choose('save', pdf)).toMatchObject({ ok: false });
    expect(await files.choose('exportPng', pdf)).toMatchObject({ ok: false });
    expect(await files.choose('export', png)).toMatchObject({ ok: false });
  });

  it('a page the host remembers (recent files) is granted for pages only', async () => {
    const files = electronFileAccess(fakeDialog([]), () => null, join(dir, 'state2'));
    const page = join(dir, 'recent.banmian');
    files.grant(page, 'open');
    expect(await files.choose('save', page)).toMatchObject({ ok: true });
    expect(await files.choose('export', page)).toMatchObject({ ok: false });
  });
});
