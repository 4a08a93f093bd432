/**
 * A copy-desk file whose 栏目：… label names its article's column: the summary of `import` puts the
 * 栏目 under that article (it prints as a 栏头 over it) and calls the file one article, not a page.
 */
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src-core/import/index';
import { pageOnlyColumnNames, type ImportReport } from '../../src-core/import/report';
import { summarize } from '../../src-main/cli/commands/import';

const COPY = '栏目：一线观察\n主题：老旧小区加装电梯让居民出行更方便\n作者：本报记者 张三\n\n本报讯 今年以来，我市持续推进老旧小区改造，加装电梯工作取得明显成效。\n';
const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

describe('a 栏目 label belongs to its article in the import summary', () => {
  it('classifies the file as one article and lists the 栏目 under that article, not under 版面', async () => {
    const result = await importFiles([file('02.txt', COPY)]);
    const report = result.report as ImportReport;
    expect(result.columnLinks).toEqual([{ articleId: result.articles[0]!.id, columnName: '一线观察' }]);
    expect(report.files[0]!.wholePage).toBe(false);
    const text = summarize(result, report);
    expect(text).toContain('单篇 one article');
    expect(text).not.toContain('整版 whole page');
    expect(text).not.toContain('版面 Page');
    const lines = text.split('\n');
    const headline = lines.findIndex((l) => l.includes('主题 headline：老旧小区加装电梯让居民出行更方便'));
    const column = lines.findIndex((l) => l.includes('栏目 column') && l.includes('一线观察'));
    expect(headline).toBeGreaterThan(-1);
    expect(column).toBe(headline + 1);
  });

  it('still calls a file with two articles a whole page', async () => {
    const two = `${COPY}\n栏目：基层一线\n主题：社区食堂开进老街\n\n本报讯 社区食堂近日开业，附近老人吃饭更方便了。\n`;
    const result = await importFiles([file('03.txt', two)]);
    expect(result.articles).toHaveLength(2);
    expect((result.report as ImportReport).files[0]!.wholePage).toBe(true);
  });

  it('keeps a column name no article carries as a page item, once per unmatched name', () => {
    expect(pageOnlyColumnNames(['一线观察', '一线观察', '声音'], [{ columnName: '一线观察' }])).toEqual(['一线观察', '声音']);
    expect(pageOnlyColumnNames(['一线观察'], [{ columnName: '一线观察' }])).toEqual([]);
  });
});
