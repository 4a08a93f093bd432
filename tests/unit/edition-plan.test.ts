import { describe, expect, it } from 'vitest';
import { parsePlan, type PlanIssue } from '../../src-core/edition/plan';
import { gridGeometry } from '../../src-core/model/grid';
import { defaultPage } from '../../src-core/model/defaults';

const FILES = new Set(['day/01.txt', 'day/02.txt', 'day/03.txt', 'day/04.txt', 'ads/shop.png']);
const files = { exists: (p: string) => FILES.has(p) };

/** The issue's own example plan. */
function example(): Record<string, any> {
  return {
    paper: '洛阳日报',
    date: '2026-12-03',
    format: 'broadsheet',
    pages: [
      { number: 1, name: '要闻', articles: ['day/01.txt', 'day/02.txt'], ads: [{ name: '广告', columns: 4, lines: 30, position: 'bottom-right' }] },
      { number: 2, name: '综合', articles: ['day/03.txt'] },
      { number: 3, name: '经济', articles: ['day/04.txt'] },
    ],
    continue: [{ article: 'day/01.txt', from: 1, to: 3 }],
  };
}

function issuesOf(plan: unknown): PlanIssue[] {
  const r = parsePlan(typeof plan === 'string' ? plan : JSON.stringify(plan), files);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues;
}

function only(plan: unknown): PlanIssue {
  const list = issuesOf(plan);
  expect(list).toHaveLength(1);
  expect(list[0].zh).toMatch(/[\u4e00-\u9fff]/);
  expect(list[0].en).toMatch(/[a-z]/);
  return list[0];
}

describe('the page plan (版面计划)', () => {
  it('reads the issue\'s example: pages, the ad at the bottom right of the grid, the jump, the default jump style', () => {
    const r = parsePlan(JSON.stringify(example()), files);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const geo = gridGeometry(defaultPage('broadsheet'));
    expect(r.plan.pages.map((p) => [p.number, p.name, p.articles.length])).toEqual([[1, '要闻', 2], [2, '综合', 1], [3, '经济', 1]]);
    expect(r.plan.pages[0].ads[0].rect).toEqual({ col: geo.columns - 4, span: 4, row: geo.rows - 30, rows: 30 });
    expect(r.plan.continue).toEqual([{ article: 'day/01.txt', from: 1, to: 3 }]);
    expect(r.plan.jumpStyle).toBe('ordinal');
  });

  it('rounds an ad in mm up to whole columns and lines, and puts a 通栏 across the page and an ear at the top', () => {
    const geo = gridGeometry(defaultPage('broadsheet'));
    const plan = example();
    const oneCol = (geo.colWidth * 25.4) / 72;
    plan.pages[1].ads = [
      { name: '甲', widthMm: oneCol + 1, heightMm: 20, position: 'top-right', artwork: 'ads/shop.png' },
      { name: '乙', heightMm: 50, position: 'bottom-strip' },
    ];
    const r = parsePlan(JSON.stringify(plan), files);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const [ear, strip] = r.plan.pages[1].ads;
    expect(ear.rect.span).toBe(2);
    expect(ear.rect.row).toBe(0);
    expect(ear.rect.col).toBe(geo.columns - 2);
    expect(ear.artwork).toBe('ads/shop.png');
    expect((ear.rect.rows - 1) * geo.pitch + geo.bodySize).toBeGreaterThanOrEqual((20 * 72) / 25.4);
    expect((ear.rect.rows - 2) * geo.pitch + geo.bodySize).toBeLessThan((20 * 72) / 25.4);
    expect(strip.rect).toMatchObject({ col: 0, span: geo.columns, row: geo.rows - strip.rect.rows });
  });

  it('refuses text that is not JSON, saying what the parser said', () => {
    const i = only('{ "paper": "洛阳日报", ');
    expect(i.zh).toContain('JSON');
    expect(i.en).toContain('not valid JSON');
    expect(i.value).toMatch(/JSON|position|end/i);
  });

  it('refuses an unknown key in a page or a jump, naming the field and its value (a typo dropped a paid ad)', () => {
    const plan = example();
    plan.pages[1].adds = [{ name: '某商场', lines: 10, position: 'bottom-strip' }];
    plan.continue[0].too = 2;
    const list = issuesOf(plan);
    expect(list.map((i) => [i.path, i.value])).toEqual([['pages[1].adds', '[{"name":"某商场","lines":10,"position":"bottom-strip"}]'], ['continue[0].too', '2']]);
    expect(list[0].zh).toContain('未知字段');
    expect(list[1].en).toContain('unknown field (known: article, from, to)');
  });

  it('reads a page\'s section (叠)', () => {
    const plan = example();
    plan.pages[0].section = 'A叠';
    const r = parsePlan(JSON.stringify(plan), files);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.plan.pages.map((p) => p.section)).toEqual(['A叠', '', '']);
  });

  it('names a missing article file by its field and value', () => {
    const plan = example();
    plan.pages[2].articles = ['day/09.txt'];
    const i = only(plan);
    expect(i.path).toBe('pages[2].articles[0]');
    expect(i.value).toBe('"day/09.txt"');
    expect(i.en).toContain('no such file');
  });

  it('names missing ad artwork', () => {
    const plan = example();
    plan.pages[0].ads[0].artwork = 'ads/none.jpg';
    expect(only(plan)).toMatchObject({ path: 'pages[0].ads[0].artwork', value: '"ads/none.jpg"' });
  });

  it('refuses a repeated page number, naming the later page', () => {
    const plan = example();
    plan.pages[2].number = 2;
    plan.continue[0].to = 2;
    const i = only(plan);
    expect(i.path).toBe('pages[2].number');
    expect(i.value).toBe('2');
    expect(i.zh).toContain('版次重复');
    expect(i.en).toContain('duplicate page number (pages[1]');
  });

  it('refuses a jump to a page that does not exist', () => {
    const plan = example();
    plan.continue[0].to = 7;
    expect(only(plan)).toMatchObject({ path: 'continue[0].to', value: '7' });
  });

  it('refuses a jump to an earlier page (or the same one)', () => {
    const plan = example();
    plan.continue = [{ article: 'day/03.txt', from: 2, to: 1 }];
    const i = only(plan);
    expect(i).toMatchObject({ path: 'continue[0].to', value: '1' });
    expect(i.en).toContain('later page');
    plan.continue = [{ article: 'day/03.txt', from: 2, to: 2 }];
    expect(only(plan).path).toBe('continue[0].to');
  });

  it('refuses a jump of an article its first page does not list', () => {
    const plan = example();
    plan.continue[0].article = 'day/03.txt';
    expect(only(plan)).toMatchObject({ path: 'continue[0].article', value: '"day/03.txt"' });
  });

  it('refuses an ad bigger than its page', () => {
    const plan = example();
    const geo = gridGeometry(defaultPage('broadsheet'));
    plan.pages[0].ads[0].columns = geo.columns + 1;
    const i = only(plan);
    expect(i).toMatchObject({ path: 'pages[0].ads[0].columns', value: String(geo.columns + 1) });
    expect(i.en).toContain(`wider than its page: ${geo.columns + 1} columns`);
    plan.pages[0].ads[0] = { name: '广告', columns: 2, lines: geo.rows + 1 };
    expect(only(plan)).toMatchObject({ path: 'pages[0].ads[0].lines', value: String(geo.rows + 1) });
    plan.pages[0].ads[0] = { name: '广告', widthMm: 100, heightMm: 2000 };
    expect(only(plan)).toMatchObject({ path: 'pages[0].ads[0].heightMm', value: '2000' });
  });

  it('refuses two ads on the same cells, naming both', () => {
    const plan = example();
    plan.pages[0].ads.push({ name: '某商场', lines: 10, position: 'bottom-strip' });
    const i = only(plan);
    expect(i.path).toBe('pages[0].ads[1]');
    expect(i.value).toBe('"某商场"');
    expect(i.en).toContain('pages[0].ads[0] (广告)');
  });

  it('refuses an unknown position, a bad date and an article planned on two pages', () => {
    const plan = example();
    plan.pages[0].ads[0].position = 'middle';
    plan.date = '2026-02-30';
    plan.pages[2].articles = ['day/03.txt'];
    const paths = issuesOf(plan).map((i) => i.path);
    expect(paths).toEqual(['date', 'pages[0].ads[0].position', 'pages[2].articles[0]']);
  });
});
