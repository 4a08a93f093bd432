import { describe, expect, it } from 'vitest';
import { applyEdits, takeEdits } from '../../src-main/cli/import-edits';
import { importPaths } from '../../src-main/import/read-inputs';
import { fileURLToPath } from 'node:url';

const SAMPLE = fileURLToPath(new URL('../../assets/samples/luoyang-daily-page.txt', import.meta.url));

describe('import corrections from the command line', () => {
  it('takes the edit options with their values out of the arguments', () => {
    expect(takeEdits(['a.txt', '--merge', '1,2', '--role=3.kicker=columnName', '--json'])).toEqual({
      rest: ['a.txt', '--json'],
      edits: [
        { option: '--merge', value: '1,2' },
        { option: '--role', value: '3.kicker=columnName' },
      ],
    });
    expect(takeEdits(['--split']).error).toContain('--split');
  });

  it('merges, splits and moves a line on the sample page, in order', async () => {
    const r = await importPaths([SAMPLE]);
    expect(r.articles).toHaveLength(9);
    // 4 科学规划… and 5 抓好伏牛… become one; the merged headline becomes a subhead of the first
    const merged = applyEdits(r, [{ option: '--merge', value: '4,5' }]);
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.result.articles).toHaveLength(8);
    const four = merged.result.articles[3];
    expect(four.headline).toBe('科学规划 合理布局 强化运营 以高质量发展推动主题教育见行见效');
    expect(four.body.content.some((p) => p.type === 'heading' && JSON.stringify(p).includes('抓好伏牛1号旅游公路建设'))).toBe(true);
    // split 1 before its 3rd paragraph: two articles, nothing lost
    const split = applyEdits(r, [{ option: '--split', value: '1:3' }]);
    expect(split.ok && split.result.articles.length).toBe(10);
    if (split.ok) expect(split.result.articles[0].body.content.length + split.result.articles[1].body.content.length).toBe(r.articles[0].body.content.length);
    // the kicker of 均和云谷 (article 3) becomes a page banner
    const moved = applyEdits(r, [{ option: '--role', value: '3.kicker=banner' }]);
    expect(moved.ok).toBe(true);
    if (moved.ok) {
      expect(moved.result.articles[2].kicker).toBe('');
      expect(moved.result.page.banners).toContain('均和云谷·洛阳信息科技港：');
    }
  });

  it('refuses edits that name nothing, with a message', async () => {
    const r = await importPaths([SAMPLE]);
    for (const value of ['4,99', '4,4']) expect(applyEdits(r, [{ option: '--merge', value }]).ok).toBe(false);
    expect(applyEdits(r, [{ option: '--split', value: '1:1' }]).ok).toBe(false);
    const empty = applyEdits(r, [{ option: '--role', value: '1.kicker=columnName' }]);
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.zh).toContain('空');
  });
});
