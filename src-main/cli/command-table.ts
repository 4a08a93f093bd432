/**
 * Every CLI command declared once: its summary, arguments, options and exit codes. The usage text,
 * `--help`, the option parsing of each command and the guard that keeps outputs off inputs are all
 * derived from this table, so a new option cannot be parsed but undocumented (or the reverse).
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { ARTICLE_TEXT_FIELDS } from '../../src-core/model/article-fields';
import { ERROR_RATE_METHOD } from '../../src-core/proof/checks';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in the usage text (string options). */
  arg?: string;
  zh: string;
  en: string;
  /** A file the command reads or writes: outputs may not name an input or another output. */
  role?: 'input' | 'output';
  /** May be given more than once (the values come as a list). */
  multiple?: true;
}

export interface CommandSpec {
  zh: string;
  en: string;
  /** What follows the command name in the usage line. */
  synopsis: string;
  /** Positional arguments are the files the command reads. */
  options: Record<string, OptionSpec>;
  exits: Record<number, { zh: string; en: string }>;
}

const USAGE_EXIT = { zh: '用法错误', en: 'usage error' };
const READ_FAILED = { zh: '输入无法读取或无效', en: 'an input could not be read or is invalid' };

/** The print options export and compose share (printFlags reads them). */
export const PRINT_OPTIONS = {
  o: { type: 'string', arg: 'FILE', zh: '输出的 PDF', en: 'the PDF to write', role: 'output' },
  output: { type: 'string', arg: 'FILE', zh: '同 -o', en: 'same as -o', role: 'output' },
  bleed: { type: 'string', arg: 'MM', zh: '出血（默认 3）', en: 'bleed (default 3)' },
  'no-marks': { type: 'boolean', zh: '不加裁切线、套准线和版面信息', en: 'no crop/registration marks or slug' },
  plain: { type: 'boolean', zh: '普通印刷 PDF（不带输出意图）', en: 'plain print PDF without the PDF/X-4 output intent' },
  profile: { type: 'string', arg: 'FILE', zh: '印厂的 CMYK 特性文件', en: "the printing plant's CMYK output profile", role: 'input' },
  'colour-bar': { type: 'boolean', zh: '加色标', en: 'add a CMYK colour bar' },
  proof: { type: 'boolean', zh: '数字样张：无标记、无出血', en: 'digital proof: no marks, no bleed' },
  png: { type: 'string', arg: 'FILE', zh: '同时输出 PNG 样张（需要 pdftoppm）', en: 'also write a PNG proof (needs pdftoppm)', role: 'output' },
  force: { type: 'boolean', zh: '有印前错误也导出', en: 'export despite preflight errors' },
} satisfies Record<string, OptionSpec>;

/** `--font ROLE=FILE[#INDEX]` (export, compose): see src-main/fonts/font-files.ts. */
export const FONT_OPTION = {
  type: 'string',
  multiple: true,
  arg: 'ROLE=FILE[#N]',
  zh: '用字体文件排某一角色（song 宋、hei 黑、kai 楷、fangsong 仿宋、biaosong 标宋）或某一样式（headline、body…），#N 为字体集中的序号（从 0 起），可重复',
  en: 'set a role (song, hei, kai, fangsong, biaosong) or a style (headline, body, …) in a font file, #N the face in a collection (from 0); repeatable',
} satisfies OptionSpec;

/** `--no-filler` (compose, edition): no 公益广告 frame on a page left with a hole (补白, src-core/makeup/filler.ts). */
const NO_FILLER_OPTION = { type: 'boolean', zh: '不留公益广告位补白：稿件不足或待用稿件放不进时，空白留在版面上', en: 'no 公益广告 frame to fill a page left with a hole (copy short, or held stories that fit no blank): the blank stays' } satisfies OptionSpec;

const PRINT_EXITS = { 0: { zh: '已写入', en: 'written' }, 1: { zh: '失败', en: 'failed' }, 2: USAGE_EXIT, 4: { zh: '印前检查有错误，未导出', en: 'blocked by preflight errors' } };

export const COMMANDS = {
  layout: {
    zh: '排版并输出排版质量报告',
    en: 'lay out a page and print its typographic report',
    synopsis: 'PAGE.banmian [--json]',
    options: { json: { type: 'boolean', zh: '以 JSON 输出', en: 'print JSON' } },
    exits: { 0: { zh: '完成', en: 'done' }, 1: READ_FAILED, 2: USAGE_EXIT },
  },
  import: {
    zh: '导入稿件（文本、Markdown、Word、图片）',
    en: 'import articles (text, Markdown, Word, images)',
    synopsis: 'FILE|FOLDER... [options]',
    options: {
      json: { type: 'boolean', zh: '以 JSON 输出导入结果', en: 'print the ImportResult as JSON' },
      summary: { type: 'boolean', zh: '输出可读摘要（默认）', en: 'print a readable summary (default)' },
      normalize: { type: 'boolean', zh: '所有文本都规范标点', en: 'normalize punctuation in every file' },
      'no-normalize': { type: 'boolean', zh: '不规范标点', en: 'leave punctuation as it is' },
      'no-ocr': { type: 'boolean', zh: '纯文本不按 OCR 处理（不删空格、不接段）', en: 'plain text is not OCR output' },
      'omit-image-data': { type: 'boolean', zh: 'JSON 中省略图片数据', en: 'leave image bytes out of the JSON' },
      merge: { type: 'string', arg: 'A,B', zh: '把第 B 篇并入第 A 篇（编号同摘要，或稿件 id）', en: 'merge article B into article A (numbers as in the summary, or ids)' },
      split: { type: 'string', arg: 'A:P', zh: '从第 P 段起把第 A 篇拆成两篇', en: 'split article A before its paragraph P' },
      role: {
        type: 'string',
        arg: 'A.F=T',
        zh: `改变一行的角色：F = ${ARTICLE_TEXT_FIELDS.join('|')}|pN（第 N 段），T = 同上字段|paragraph|banner|columnName`,
        en: `change a line's role: F = ${ARTICLE_TEXT_FIELDS.join('|')}|pN (paragraph N), T = a field|paragraph|banner|columnName`,
      },
    },
    exits: { 0: { zh: '全部导入', en: 'all imported' }, 1: { zh: '没有导入任何内容', en: 'nothing imported' }, 2: USAGE_EXIT, 5: { zh: '部分文件出错', en: 'some files failed' } },
  },
  compose: {
    zh: '导入并自动组版（按输入顺序排重要性，第一篇为头条），导出 PDF；放不下的稿件列为待用',
    en: 'import and make up the page (input order is rank: the first is the lead), export a PDF; articles that do not fit are listed as held over',
    synopsis: 'INPUT... -o page.pdf [options]   (INPUT: .txt .md .docx 图片 images, .banmian)',
    options: {
      ...PRINT_OPTIONS,
      font: FONT_OPTION,
      format: { type: 'string', arg: 'F', zh: 'broadsheet（对开，默认）| tabloid（四开）| 宽x高mm，例如 350x500mm', en: 'broadsheet (default) | tabloid | WxHmm, e.g. 350x500mm' },
      columns: { type: 'string', arg: 'N', zh: '栏数', en: 'number of columns' },
      save: { type: 'string', arg: 'FILE', zh: '同时保存版面（.banmian）', en: 'also save the page (.banmian)', role: 'output' },
      report: { type: 'boolean', zh: '打印排版质量报告', en: 'print the typographic report' },
      alternatives: { type: 'string', arg: 'N', zh: '输出 N 个方案（1–10）：page-1.pdf … page-N.pdf，--save 与 --png 同样编号', en: 'write N alternatives (1–10): page-1.pdf … page-N.pdf, --save and --png numbered the same way' },
      template: { type: 'string', arg: 'FILE', zh: '版面模板（JSON：paperName、date、pageNumber、section、editor、proofreader、layoutEditor、dateLine）', en: 'page template (JSON: paperName, date, pageNumber, section, editor, proofreader, layoutEditor, dateLine)', role: 'input' },
      paper: { type: 'string', arg: 'NAME', zh: '报名，例如 洛阳日报', en: 'the paper name, e.g. 洛阳日报' },
      date: { type: 'string', arg: 'YYYY-MM-DD', zh: '出版日期（报眉印出星期）', en: 'the issue date (the header prints its weekday)' },
      'page-number': { type: 'string', arg: 'N', zh: '版次（印作“第N版”）', en: 'the page number (printed 第N版)' },
      'page-name': { type: 'string', arg: 'NAME', zh: '版名，例如 要闻', en: 'the page name, e.g. 要闻' },
      'allow-cut': { type: 'boolean', zh: '放不下的稿件可删去标为可删的段落（文本中以【可删】开头的段落），报告列出删去的段落', en: 'an article that does not fit may lose its paragraphs marked 可删 (in text: a paragraph starting with 【可删】); the report names them' },
      'no-filler': NO_FILLER_OPTION,
    },
    exits: { ...PRINT_EXITS, 0: { zh: '已写入（放不下的稿件列为待用）', en: 'written (articles that do not fit are listed as held over)' } },
  },
  edition: {
    zh: '按版面计划（PLAN.json）组一整期：各版围绕广告自动组版，转版稿件自动加下转/上接，输出每版 YYYYMMDD-NN.pdf 和合订 YYYYMMDD.pdf',
    en: 'make up a whole edition from a page plan (PLAN.json): each page around its ads, continued stories with their jump lines; writes YYYYMMDD-NN.pdf per page and the combined YYYYMMDD.pdf',
    synopsis: 'PLAN.json -o OUTDIR [options]',
    options: {
      ...PRINT_OPTIONS,
      o: { type: 'string', arg: 'DIR', zh: '输出目录', en: 'the folder to write the PDFs into', role: 'output' },
      output: { type: 'string', arg: 'DIR', zh: '同 -o', en: 'same as -o', role: 'output' },
      save: { type: 'string', arg: 'FILE', zh: '同时把整期保存为一个整期文件（格式版本 2）', en: 'also save the whole edition as one edition file (format version 2)', role: 'output' },
      'no-filler': NO_FILLER_OPTION,
    },
    exits: { ...PRINT_EXITS, 0: { zh: '已写入（放不下的稿件列为待用，未排满的版给出警告）', en: 'written (articles that do not fit are listed as held over; an under-filled page is a warning)' }, 1: { zh: '失败（计划有误时不写入任何文件）', en: 'failed (nothing is written when the plan is wrong)' } },
  },
  export: {
    zh: '把 .banmian 版面导出为 PDF；整期文件导出到 -o 目录：每版 YYYYMMDD-NN.pdf 和合订 YYYYMMDD.pdf',
    en: 'export a .banmian page to PDF; an edition file to the -o folder: YYYYMMDD-NN.pdf per page and the combined YYYYMMDD.pdf',
    synopsis: 'PAGE.banmian -o page.pdf | EDITION.banmian -o OUTDIR [options]',
    options: { ...PRINT_OPTIONS, font: FONT_OPTION },
    exits: PRINT_EXITS,
  },
  preflight: {
    zh: '印前检查',
    en: 'preflight a page',
    synopsis: 'PAGE.banmian [--bleed MM] [--json]',
    options: { bleed: PRINT_OPTIONS.bleed, json: { type: 'boolean', zh: '以 JSON 输出报告', en: 'print the report as JSON' } },
    exits: { 0: { zh: '没有错误', en: 'no errors' }, 1: READ_FAILED, 2: USAGE_EXIT, 4: { zh: '有印前错误', en: 'preflight errors found' } },
  },
  check: {
    zh: `自动校对检查：列出每处错误、警告，以及导入时自动改正之处（已自动改正，附原稿写法，不计差错）。差错率按${ERROR_RATE_METHOD.zh}`,
    en: `run the proofreading checks: every error and warning, and every change the import made (auto-corrected, with what the copy had; not errors). The error rate follows ${ERROR_RATE_METHOD.en}`,
    synopsis: 'FILE|FOLDER... [--json] [--all] [--raw] [--house FILE]',
    options: {
      json: { type: 'boolean', zh: '以 JSON 输出', en: 'print JSON' },
      all: { type: 'boolean', zh: '也列出提示', en: 'list notes too' },
      raw: { type: 'boolean', zh: '按原稿检查：不规范标点、不删空格（不再有“已自动改正”）', en: 'check the text as written: no punctuation normalization, no spaces removed (so nothing is auto-corrected)' },
      house: { type: 'string', arg: 'FILE', role: 'input', zh: '本报词表（JSON：words 本报用词、ignore 已忽略的问题、banned 禁用词及规范表述）', en: "the paper's house lists (JSON: words it spells its own way, ignore dismissed findings, banned expressions)" },
    },
    exits: { 0: { zh: '没有错误', en: 'no errors found' }, 1: { zh: '发现错误，或输入无法读取', en: 'errors found, or an input could not be read' }, 2: USAGE_EXIT },
  },
  fonts: {
    zh: '列出本机安装的字体：中文名、样式、格式、授权位（能否嵌入 PDF）和可替代的角色',
    en: 'list the fonts installed on this machine: Chinese name, style, format, licence bits (whether a PDF may embed them) and the role they can stand in for',
    synopsis: '[--json] [--dir FOLDER]',
    options: {
      json: { type: 'boolean', zh: '以 JSON 输出（{ "fonts": [...] }）', en: 'print JSON ({ "fonts": [...] })' },
      dir: { type: 'string', arg: 'FOLDER', zh: '只列这个文件夹（默认：系统和用户的字体文件夹）', en: "list only this folder (default: the system's and the user's font folders)", role: 'input' },
    },
    exits: { 0: { zh: '已列出（读不了的文件另行说明）', en: 'listed (files that could not be read are named)' }, 2: USAGE_EXIT },
  },
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

export const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

const HELP = ['--help', '-h'];

/** True when the arguments ask for the command's usage. */
export const asksHelp = (args: readonly string[]): boolean => args.some((a) => HELP.includes(a));

type ParseOptions<N extends CommandName> = { [K in keyof (typeof COMMANDS)[N]['options']]: { type: (typeof COMMANDS)[N]['options'][K] extends { type: infer T } ? T : never; short?: string } };

/** The options in node:util parseArgs form (a `multiple` option comes as a list at run time; its type says string: read it with `listOf`). */
export function parseOptions<N extends CommandName>(name: N): ParseOptions<N> {
  const spec: CommandSpec = COMMANDS[name];
  return Object.fromEntries(Object.entries(spec.options).map(([k, o]) => [k, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }])) as ParseOptions<N>;
}

/** What parseArgs gives for a command's options: a flag's boolean, an option's string (a `multiple` one: read it with `listOf`). */
type OptionValues<N extends CommandName> = { [K in keyof ParseOptions<N>]?: ParseOptions<N>[K]['type'] extends 'boolean' ? boolean : string };

/**
 * A command's arguments parsed by its entry in the table; a usage error is printed (Chinese first,
 * with the command's usage) and gives undefined: the command then exits 2.
 */
export function parseCommandArgs<N extends CommandName>(name: N, args: string[], positionals = true): { values: OptionValues<N>; positionals: string[] } | undefined {
  try {
    const parsed = parseArgs({ args, allowPositionals: positionals, options: parseOptions(name) as ParseArgsOptionsConfig });
    return { values: parsed.values as OptionValues<N>, positionals: parsed.positionals };
  } catch (e) {
    const why = (e as Error).message;
    console.error(`参数有误：${why}\nInvalid arguments: ${why}\n${commandUsage(name)}`);
    return undefined;
  }
}

/** The values of a `multiple` option, as a list whatever parseArgs' type says. */
export const listOf = (v: unknown): string[] => (v === undefined ? [] : ([] as unknown[]).concat(v).map(String));

const flag = (key: string, o: OptionSpec): string => `${key.length === 1 ? '-' : '--'}${key}${o.arg ? ` ${o.arg}` : ''}`;

/** The usage of one command, Chinese first. */
export function commandUsage(name: CommandName): string {
  const spec: CommandSpec = COMMANDS[name];
  const options = Object.entries(spec.options).map(([k, o]) => `  ${flag(k, o).padEnd(18)} ${o.zh} / ${o.en}`);
  const exits = Object.entries(spec.exits).map(([code, e]) => `${code} ${e.zh} ${e.en}`);
  return [
    `用法 Usage: npm run banmian -- ${name} ${spec.synopsis}`,
    `  ${spec.zh} / ${spec.en}`,
    ...options,
    `  ${'-h, --help'.padEnd(18)} 显示本说明 / show this help`,
    `退出码 Exit codes: ${exits.join('; ')}`,
  ].join('\n');
}

/** The usage of the whole CLI: every command with its summary. */
export function cliUsage(): string {
  const lines = (Object.keys(COMMANDS) as CommandName[]).map((n) => `  ${n.padEnd(10)} ${COMMANDS[n].zh} / ${COMMANDS[n].en}`);
  return [`用法 Usage: npm run banmian -- <命令 command> [参数 args]`, ...lines, '每个命令都可用 --help 查看用法 / every command takes --help'].join('\n');
}
