import { describe, expect, it } from 'vitest';
import { FontRegistry } from '../../src-core/fonts/registry';
import type { FontFaceInfo, HostResult } from '../../src-core/host-api';
import { bringFamily, onDemandFacesOf, type LoadedFonts } from '../../src-renderer/canvas/fonts';

const info = (id: string, family: string, bold: boolean, onDemand: boolean, zh: string, en: string): FontFaceInfo => ({ id, family, bold, postscriptName: en.replace(/ /g, ''), label: { zh, en }, ...(onDemand ? { onDemand: true } : {}) });

const FACES: FontFaceInfo[] = [
  info('song-regular', 'song', false, false, '宋体', 'Song'),
  info('sys-fzshusong-regular', 'sys-fzshusong', false, true, '方正书宋', 'FZShuSong'),
  info('sys-fzshusong-bold', 'sys-fzshusong', true, true, '方正书宋', 'FZShuSong'),
  info('sys-fzkai-regular', 'sys-fzkai', false, true, '方正楷体', 'FZKai'),
];

/** LoadedFonts over FACES whose fetch answers `fetchAnswer`, recording each call in order. */
function fakeLoaded(fetchAnswer: HostResult<void>): { loaded: LoadedFonts; calls: string[] } {
  const calls: string[] = [];
  const registry = new FontRegistry();
  for (const f of FACES) if (f.onDemand) registry.addOnDemandFace({ ...f, open: () => undefined });
  const loaded: LoadedFonts = {
    registry,
    faces: FACES,
    fetchFaces: async (ids) => (calls.push(`fetch ${[...ids].join(' ')}`), fetchAnswer),
    declare: async (ids) => (calls.push(`declare ${[...ids].join(' ')}`), { ok: true, value: undefined }),
    problems: async () => ({ ok: true, value: [] }),
  };
  return { loaded, calls };
}

describe('the faces a picked family needs', () => {
  it('are the on-demand faces of that family only, both weights', () => {
    expect(onDemandFacesOf(FACES, new Set(['sys-fzshusong']))).toEqual(['sys-fzshusong-regular', 'sys-fzshusong-bold']);
    expect(onDemandFacesOf(FACES, new Set(['sys-fzkai', 'song']))).toEqual(['sys-fzkai-regular']);
    // a bundled role was fetched at the start: nothing to bring
    expect(onDemandFacesOf(FACES, new Set(['song']))).toEqual([]);
  });

  it('are fetched, then declared to the browser, before the pick is applied', async () => {
    const { loaded, calls } = fakeLoaded({ ok: true, value: undefined });
    expect(await bringFamily(loaded, 'sys-fzshusong')).toEqual({ ok: true, value: undefined });
    expect(calls).toEqual(['fetch sys-fzshusong-regular sys-fzshusong-bold', 'declare sys-fzshusong-regular sys-fzshusong-bold']);
  });

  it('a failed fetch names the family (zh first, then English), says the style is unchanged, and declares nothing', async () => {
    const { loaded, calls } = fakeLoaded({ ok: false, zh: '文件已删除', en: 'the file was removed' });
    expect(await bringFamily(loaded, 'sys-fzkai')).toEqual({
      ok: false,
      zh: '无法取得字体“方正楷体”，样式未改：文件已删除',
      en: "Cannot fetch the font 'FZKai'; the style is unchanged: the file was removed",
    });
    expect(calls).toEqual(['fetch sys-fzkai-regular']);
  });
});
