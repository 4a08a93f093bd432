/**
 * `check` shows what the author wrote: every change the importer makes is a finding of its own level
 * (已自动改正, not an error), and `--raw` checks the text as written (issue 19).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run as check } from '../../src-main/cli/commands/check';
import { importFiles } from '../../src-core/import/index';
import type { ImportReport } from '../../src-core/import/report';

const dir = mkdtempSync(join(tmpdir(), 'banmian-check-corr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A headline, then a body paragraph with a stray OCR space, straight quotes and a half-width comma.
const COPY = '老旧小区改造推进会召开\n\n记者了解到，加装 电梯是"先民生后提升"的一步,要做好。\n';
const file = join(dir, 'copy.txt');
writeFileSync(file, COPY);

interface Json {
  articles: number;
  characters: number;
  errors: number;
  errorRatePer10k: number;
  corrected: number;
  findings: { rule: string; severity: string; field: string; paragraph: number; offset: number; excerpt: string; corrected?: { from: string; to: string } }[];
}

async function checkJson(args: string[]): Promise<{ code: number; out: Json }> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const code = await check([...args, '--json']);
    return { code, out: JSON.parse(lines.join('\n')) as Json };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

describe('the importer places every change it makes', () => {
  it('records each change with its article, field and offset in the imported text', async () => {
    const r = await importFiles([{ name: 'copy.txt', bytes: new TextEncoder().encode(COPY) }]);
    const report = r.report as ImportReport;
    const body = '记者了解到，加装电梯是“先民生后提升”的一步，要做好。';
    expect(r.articles[0].body.content[0].content?.[0]).toMatchObject({ text: body });
    // hand-counted in `body` (记 0 … 加 6 装 7 电 8 梯 9 是 10 “ 11 … 升 17 ” 18 的 19 一 20 步 21 ， 22): the space was before 电
    const placed = report.corrections.map((c) => [c.kind, c.from, c.to, c.field, c.offset, c.text === body]);
    expect(placed).toEqual(
      expect.arrayContaining([
        ['ocr-space', ' ', '', 'body', 8, true],
        ['quotes', '"', '“', 'body', 11, true],
        ['quotes', '"', '”', 'body', 18, true],
        ['punctuation', ',', '，', 'body', 22, true],
      ]),
    );
    expect(report.corrections).toHaveLength(4);
  });
});

describe('a paragraph joined across a column break', () => {
  it('is a correction at the joint', async () => {
    const copy = '老城区更新改造提速\n\n记者了解到，全市将持续打好污染防治攻坚战。今年将努力打造工业型\n\n历史文化名城，加快推进。\n';
    const r = await importFiles([{ name: 'cols.txt', bytes: new TextEncoder().encode(copy) }]);
    const report = r.report as ImportReport;
    // 记者了解到，(6) 全市将持续打好污染防治攻坚战。(15) 今年将努力打造工业型 (10): the joint is at 31
    expect(report.corrections.map((c) => [c.kind, c.from, c.to, c.field, c.text, c.offset])).toEqual([['column-join', '⏎', '', 'body', '记者了解到，全市将持续打好污染防治攻坚战。今年将努力打造工业型历史文化名城，加快推进。', 31]]);
  });
});

describe('hard-wrapped lines joined into one paragraph', () => {
  it('are corrections at each joint, moved with the text when the dateline goes to the lead', async () => {
    const copy = '老城区更新改造提速\n\n本报讯（记者 李雅君）昨日，全市将持续\n打好污染防治攻坚战，\n建设美丽洛阳。\n';
    const r = await importFiles([{ name: 'wrap.txt', bytes: new TextEncoder().encode(copy) }]);
    const report = r.report as ImportReport;
    expect(r.articles[0].lead).toBe('本报讯（记者 李雅君）');
    // the body: 昨日，全市将持续 (8) 打好污染防治攻坚战， (10) 建设美丽洛阳。: joints at 8 and 18
    expect(report.corrections.map((c) => [c.kind, c.from, c.to, c.field, c.text, c.offset])).toEqual([
      ['line-join', '⏎', '', 'body', '昨日，全市将持续打好污染防治攻坚战，建设美丽洛阳。', 8],
      ['line-join', '⏎', '', 'body', '昨日，全市将持续打好污染防治攻坚战，建设美丽洛阳。', 18],
    ]);
  });

  it('between two Latin words the joint is a space', async () => {
    const copy = '老城区更新改造提速\n\n记者了解到，项目名为Smart\nCity，今年建成。\n';
    const r = await importFiles([{ name: 'latin.txt', bytes: new TextEncoder().encode(copy) }]);
    const report = r.report as ImportReport;
    // 记者了解到，项目名为Smart is 15 code points: the space is at 15
    expect(report.corrections.map((c) => [c.kind, c.to, c.text, c.offset])).toEqual([['line-join', ' ', '记者了解到，项目名为Smart City，今年建成。', 15]]);
  });
});

describe('check lists the auto-corrections, and --raw checks the text as written', () => {
  it('by default: four 已自动改正 findings with before and after, no error, nothing counted', async () => {
    const { code, out } = await checkJson([file]);
    const corrected = out.findings.filter((f) => f.severity === 'corrected');
    expect(corrected.map((f) => [f.rule, f.corrected?.from, f.corrected?.to, f.field, f.paragraph, f.offset])).toEqual([
      ['auto-corrected', ' ', '', 'body', 0, 8],
      ['auto-corrected', '"', '“', 'body', 0, 11],
      ['auto-corrected', '"', '”', 'body', 0, 18],
      ['auto-corrected', ',', '，', 'body', 0, 22],
    ]);
    expect(corrected[3].excerpt).toBe('…生后提升”的一步【，】要做好。');
    expect(out.corrected).toBe(4);
    expect(out.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(out.errors).toBe(0);
    expect(code).toBe(0);
  });

  it('--raw: the half-width marks and the space are errors in the text as written, and nothing is auto-corrected', async () => {
    const { code, out } = await checkJson([file, '--raw']);
    expect(out.corrected).toBe(0);
    const errors = out.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.offset]);
    // hand-counted: 记 0 … 装 7, space 8, 电 9 梯 10 是 11, " 12, 先 13 民 14 生 15 后 16 提 17 升 18, " 19, 的 20 一 21 步 22, ',' 23
    expect(errors).toEqual([
      ['space-between-han', 8],
      ['halfwidth-punctuation', 12],
      ['halfwidth-punctuation', 19],
      ['halfwidth-punctuation', 23],
    ]);
    expect(code).toBe(1);
  });
});

describe('check prints each fix as the app offers it', () => {
  it('an empty fix is a deletion (删去), a fix with text says what to write', async () => {
    const rough = join(dir, 'rough.txt');
    writeFileSync(rough, '座谈会召开\n\n现场来了三、四十人，截止目前已完成。\n');
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    try {
      await check([rough]);
    } finally {
      log.mockRestore();
    }
    const out = lines.join('\n');
    expect(out).toContain('概数“三四”中间不用顿号 → 删去 (delete)');
    expect(out).toContain(' → 改为「截至」');
    expect(out).not.toContain('改为「」');
  });
});
