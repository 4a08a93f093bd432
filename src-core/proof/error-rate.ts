import type { PageSettings } from '../model/document';
import { gridGeometry } from '../model/grid';
import { ERROR_WEIGHTS, type Finding, type Field } from './checks';

/**
 * The 差错率 as 《报纸期刊质量管理规定》 (国家新闻出版署, 2020) and its annex
 * 《报纸编校差错率计算方法》 count it, for one issue (one `check` run, one page in the app):
 * - 版面字数 = 版面行字数（通用字号，即正文字号）× 版面行数; 报眉、栏头、分栏空白 count as the room they take;
 * - 报头、报眉、栏头、标题中的文字差错 count double;
 * - 数字用法 errors 0.1 each, at most 1 per issue;
 * - the same error repeated counts at most 3 times per issue;
 * - ≤ 3/10,000 passes (合格).
 * The weight of each kind of error otherwise is ERROR_WEIGHTS (checks.ts). ERROR_RATE_METHOD states it.
 */

/** 编校差错率不超过万分之三的，其编校质量为合格. */
export const PASS_PER_10K = 3;
/** 同一文字差错重复出现，最多计 3 次. */
export const MAX_REPEATS = 3;
/** 数字用法差错一期最多计 1 个差错. */
export const MAX_NUMBER_USAGE = 1;
/** 报头、报眉、栏头、标题中的差错按正文同样错误的双倍计. */
export const TITLE_FACTOR = 2;

/**
 * The places whose errors count TITLE_FACTOR times: 标题 (引题, 主题, 副题), 栏头, 报头 and 报眉/版头;
 * imported banners and column names are read as headlines.
 */
const TITLE_FIELDS: ReadonlySet<Field> = new Set<Field>(['kicker', 'headline', 'deck', 'column', 'masthead', 'runningHead']);

/**
 * The rules whose findings are number usage (GB/T 15835): each weighs ERROR_WEIGHTS.numberUsage (the
 * rules emit that weight; tests/unit/proof-precision.test.ts holds them to it), capped per issue.
 * number-grouping is not among them: it is a note (分节 may be used), never an error.
 */
export const NUMBER_USAGE_RULES: ReadonlySet<string> = new Set(['abbreviated-year', 'mixed-number-style', 'numeral-in-word', 'mixed-numeral', 'number-range', 'mixed-digit-grouping', 'number-two-ways']);

/** How the character count was reached: the laid-out page's area, or the text itself without a layout. */
export type CharacterBasis = 'page-area' | 'text';

export interface ErrorRate {
  /** Counted errors, rounded to 0.001 (the weights are tenths; 0.1 + 0.2 shows as 0.3). */
  errors: number;
  characters: number;
  basis: CharacterBasis;
  /** 差错率 per 10,000 characters (万分之…). */
  per10k: number;
  /** ≤ PASS_PER_10K: 合格. */
  pass: boolean;
}

type Counted = Pick<Finding, 'rule' | 'severity' | 'weight' | 'excerpt' | 'length'> & { field: Field; unplaced?: boolean };

/**
 * 版面字数 of a laid-out page: body-size characters across the type area (gutters included, as
 * 分栏空白 count) × body lines down it (the header's room included, as 报眉 counts).
 */
export function pageAreaCharacters(page: PageSettings): number {
  const whole = gridGeometry({ ...page, header: { ...page.header, height: 0 } });
  return Math.floor(whole.gridWidth / page.bodySize + 1e-9) * whole.rows;
}

/** The wrong text itself: the part of the excerpt in 【】 (the excerpt is cut by checks.ts `excerpt`). */
function wrongForm(f: Counted): string {
  for (let i = f.excerpt.indexOf('【'); i >= 0; i = f.excerpt.indexOf('【', i + 1)) {
    if (f.excerpt[i + 1 + f.length] === '】') return f.excerpt.slice(i + 1, i + 1 + f.length);
  }
  return f.excerpt;
}

/**
 * The counted errors of an issue's findings: only error-level findings of printed text; corrections,
 * warnings and what an unplaced article (未上版) holds count nothing.
 */
export function countErrors(findings: readonly Counted[]): number {
  const repeats = new Map<string, number>();
  let numbers = 0;
  let others = 0;
  for (const f of findings) {
    if (f.severity !== 'error' || f.unplaced) continue;
    const key = `${f.rule}\u0000${wrongForm(f)}`;
    const seen = (repeats.get(key) ?? 0) + 1;
    repeats.set(key, seen);
    if (seen > MAX_REPEATS) continue;
    const factor = TITLE_FIELDS.has(f.field) ? TITLE_FACTOR : 1;
    if (NUMBER_USAGE_RULES.has(f.rule)) numbers += ERROR_WEIGHTS.numberUsage * factor;
    else others += f.weight * factor;
  }
  return Math.round((others + Math.min(numbers, MAX_NUMBER_USAGE)) * 1000) / 1000;
}

/** The 差错率 of an issue from its findings and its character count (pageAreaCharacters, or the text's). */
export function errorRate(findings: readonly Counted[], characters: number, basis: CharacterBasis): ErrorRate {
  const errors = countErrors(findings);
  const per10k = characters ? (errors / characters) * 10_000 : 0;
  return { errors, characters, basis, per10k, pass: per10k <= PASS_PER_10K };
}
