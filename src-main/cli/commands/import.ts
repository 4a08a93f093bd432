import { pageOnlyColumnNames, type ImportReport } from '../../../src-core/import/report';
import { namingFile, type ImportResult } from '../../../src-core/import/types';
import { plainText } from '../../../src-core/model/richtext';
import { importPaths } from '../../import/read-inputs';
import { applyEdits, takeEdits } from '../import-edits';
import { COMMANDS, commandUsage } from '../command-table';

const USAGE = commandUsage('import');

/** The flags without a value; the edit options (with theirs) are taken out first by takeEdits. */
const KNOWN = new Set(Object.entries(COMMANDS.import.options).filter(([, o]) => o.type === 'boolean').map(([k]) => `--${k}`));

/** `import FILE... [--json|--summary]`: imports text, Markdown, Word and images, prints the result. */
export async function run(argv: string[]): Promise<number> {
  const { rest: args, edits, error } = takeEdits(argv);
  if (error) {
    console.error(`${error}\n${USAGE}`);
    return 2;
  }
  const unknown = args.filter((a) => a.startsWith('--') && !KNOWN.has(a));
  const paths = args.filter((a) => !a.startsWith('--'));
  if (unknown.length || !paths.length) {
    if (unknown.length) console.error(`未知参数 Unknown option: ${unknown.join(' ')}`);
    console.error(USAGE);
    return 2;
  }
  const normalizePunctuation = args.includes('--no-normalize') ? false : args.includes('--normalize') ? true : undefined;
  const imported0 = await importPaths(paths, { normalizePunctuation, ocr: !args.includes('--no-ocr') });
  const edited = applyEdits(imported0, edits);
  if (!edited.ok) {
    console.error(`${edited.zh}\n${edited.en}`);
    return 2;
  }
  // the report stays the importer's (what it guessed); the edits are the user's answers to it
  const result = { ...edited.result, report: imported0.report };
  for (const e of edits) console.error(`已修改 edited: ${e.option} ${e.value}`);
  if (args.includes('--json')) {
    const shown = args.includes('--omit-image-data') ? { ...result, images: result.images.map(({ data, ...rest }) => ({ ...rest, dataBytes: data ? Math.floor((data.length * 3) / 4) : 0 })) } : result;
    console.log(JSON.stringify(shown, null, 2));
  } else console.log(summarize(result, result.report));
  const imported = result.articles.length + result.images.length;
  if (!imported) return 1;
  return result.errors.length ? 5 : 0;
}

const cut = (s: string, n: number): string => {
  const a = Array.from(s);
  return a.length > n ? `${a.slice(0, n).join('')}…` : s;
};
const tail = (s: string, n: number): string => {
  const a = Array.from(s);
  return a.length > n ? `…${a.slice(a.length - n).join('')}` : s;
};

const KIND_ZH: Record<string, string> = { text: '文本', markdown: 'Markdown', docx: 'Word', image: '图片', caption: '图片说明', unsupported: '不支持' };

/** The readable, Chinese-first summary: files, page items, articles with their roles, guesses, normalizations, errors. */
export function summarize(result: ImportResult, report: ImportReport): string {
  const out: string[] = [];
  out.push(
    `导入 Import：${report.files.length} 个文件 files，${result.articles.length} 篇稿件 articles，${result.images.length} 张图片 images，${result.errors.length} 个错误 errors；置信度 confidence ${report.confidence.toFixed(2)}`,
  );
  if (report.files.length) {
    out.push('', '文件 Files');
    for (const f of report.files) {
      const bits = [`${KIND_ZH[f.kind] ?? f.kind} ${f.kind}`];
      if (f.encoding) bits.push(`编码 encoding ${f.encoding}`);
      if (f.convertedBy) bits.push(`经 ${f.convertedBy} 转换 converted`);
      if (f.kind !== 'image' && f.kind !== 'caption') bits.push(f.wholePage ? '整版 whole page' : '单篇 one article');
      if (f.articleIds.length) bits.push(`${f.articleIds.length} 篇 articles`);
      if (f.imageIds.length) bits.push(`${f.imageIds.length} 图 images`);
      if (f.punctuationNormalized) bits.push('标点已规范 punctuation normalized');
      bits.push(`置信度 confidence ${f.confidence.toFixed(2)}`);
      out.push(`  ${f.name}：${bits.join(' · ')}`);
    }
  }
  const c = result.page.credits;
  const pageColumns = pageOnlyColumnNames(result.page.columnNames, result.columnLinks);
  if (c.editor || c.proofreader || c.layoutEditor || result.page.banners.length || pageColumns.length) {
    out.push('', '版面 Page');
    const credits = [c.editor && `编辑 editor ${c.editor}`, c.proofreader && `校对 proofreader ${c.proofreader}`, c.layoutEditor && `组版 layout ${c.layoutEditor}`].filter(Boolean);
    if (credits.length) out.push(`  版头署名 credits：${credits.join(' · ')}`);
    for (const b of result.page.banners) out.push(`  通栏 banner：${b}`);
    for (const n of pageColumns) out.push(`  栏目 column：${n}`);
  }
  if (result.images.length) {
    out.push('', '图片 Images');
    for (const im of result.images) {
      const link = result.imageLinks.find((l) => l.imageId === im.id);
      const size = im.pixelWidth ? `${im.pixelWidth}×${im.pixelHeight} px${im.ppi ? ` · ${im.ppi} ppi` : ''} · ${im.colorSpace}` : '占位 placeholder';
      out.push(`  ${im.id}  ${im.name}  ${size}${link ? ` → ${link.articleId ?? '独立图片 stand-alone'}${link.caption ? ` 说明 caption：${cut(link.caption, 30)}` : ''}` : ''}`);
    }
  }
  if (result.articles.length) out.push('', '稿件 Articles', ...articleLines(result));
  if (report.guesses.length) {
    out.push('', `判断 Guesses（${report.guesses.length}，请核对 please review）`);
    for (const g of report.guesses) {
      const where = [g.line ? `第 ${g.line} 行 line ${g.line}` : '', g.articleId ?? ''].filter(Boolean).join(' · ');
      out.push(`  [${g.kind}] ${where ? `${where} · ` : ''}${g.confidence.toFixed(2)}  ${g.zh} / ${g.en}`);
      out.push(`      “${cut(g.text, 40)}”`);
    }
  }
  if (report.fragments.length) {
    out.push('', '存疑片段 Fragments（未并入任何稿件 not merged into any article）');
    for (const f of report.fragments) out.push(`  ${f.file}${f.line ? `:${f.line}` : ''}  “${f.text}”  ${f.zh} / ${f.en}`);
  }
  if (report.normalizations.length) {
    const total = report.normalizations.reduce((n, e) => n + e.count, 0);
    out.push('', `规范化 Normalizations（共 ${total} 处 changes）`);
    for (const e of report.normalizations) {
      const label = e.to ? `“${e.from}” → “${e.to}”` : `删除空格 removed space “${e.from}”`;
      out.push(`  ${e.kind} ${label} ×${e.count}  例 e.g. ${e.examples.slice(0, 2).join('； ')}`);
    }
  }
  if (report.removed.length) {
    out.push('', '移除 Removed');
    for (const r of report.removed) out.push(`  ${r.file}${r.line ? `:${r.line}` : ''}  “${r.text}”  (${r.reason})`);
  }
  if (result.errors.length) {
    out.push('', '错误 Errors');
    for (const e of result.errors.map(namingFile)) out.push(`  ${e.zh}\n    ${e.en}`);
  }
  return out.join('\n');
}

/** Each article with its fields; its 栏目 (a 栏头 printed over it) is listed with it. */
function articleLines(result: ImportResult): string[] {
  const out: string[] = [];
  result.articles.forEach((a, i) => {
    out.push(`  ${i + 1}. [${a.id}] 主题 headline：${a.headline || '（无 none）'}`);
    for (const l of result.columnLinks.filter((l) => l.articleId === a.id)) out.push(`     栏目 column：${l.columnName}（栏头，印在本篇上方 printed over this article）`);
    if (a.kicker) out.push(`     引题 kicker：${a.kicker}`);
    if (a.deck) out.push(`     副题 deck：${a.deck}`);
    if (a.lead) out.push(`     电头 lead：${a.lead}`);
    if (a.byline) out.push(`     署名 byline（${a.bylinePosition === 'end' ? '文末 end' : '题下 top'}）：${a.byline}`);
    if (a.jumpFrom) out.push(`     转接 jump from：${a.jumpFrom}`);
    if (a.jumpTo) out.push(`     转版 jump to：${a.jumpTo}`);
    const text = plainText(a.body);
    const chars = Array.from(text.replace(/\n/g, '')).length;
    out.push(`     正文 body：${a.body.content.length} 段 paragraphs，${chars} 字 chars：${cut(text.split('\n')[0] ?? '', 16)} … ${tail(text, 16)}`);
  });
  return out;
}
