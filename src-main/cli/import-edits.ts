import { changeRole, mergeArticles, splitArticle, type ArticleField, type RoleRef, type RoleTarget } from '../../src-core/import/edit';
import type { ImportResult } from '../../src-core/import/types';
import { ARTICLE_TEXT_FIELDS } from '../../src-core/model/article-fields';

/**
 * Corrections to an import from the command line, applied in the order given (the importer is a
 * first draft): `--merge A,B`, `--split A:P`, `--role A.FIELD=TARGET` or `--role A.pN=TARGET`.
 * A is an article's number in the summary (1, 2, …) or its id; P and N count paragraphs from 1.
 */
export const EDIT_OPTIONS = ['--merge', '--split', '--role'] as const;

export interface Edit {
  option: (typeof EDIT_OPTIONS)[number];
  value: string;
}

const FIELDS = new Set<string>(ARTICLE_TEXT_FIELDS);
const TARGETS = new Set<string>([...FIELDS, 'paragraph', 'banner', 'columnName']);

/** Takes the edit options (each with its value) out of the argument list. */
export function takeEdits(args: string[]): { rest: string[]; edits: Edit[]; error?: string } {
  const rest: string[] = [];
  const edits: Edit[] = [];
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split(/=(.*)/s, 2);
    if (!(EDIT_OPTIONS as readonly string[]).includes(name)) {
      rest.push(args[i]);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith('--')) return { rest, edits, error: `${name} 缺少参数 / ${name} needs a value` };
    edits.push({ option: name as Edit['option'], value });
  }
  return { rest, edits };
}

function articleId(result: ImportResult, ref: string): string | undefined {
  if (/^\d+$/.test(ref)) return result.articles[Number(ref) - 1]?.id;
  return result.articles.some((a) => a.id === ref) ? ref : undefined;
}

export type EditOutcome = { ok: true; result: ImportResult } | { ok: false; zh: string; en: string };

/** Applies the edits in order; the first one that names nothing stops with a message. */
export function applyEdits(result: ImportResult, edits: Edit[]): EditOutcome {
  let current = result;
  for (const { option, value } of edits) {
    const bad = (zh: string, en: string): EditOutcome => ({ ok: false, zh: `${option} ${value}：${zh}`, en: `${option} ${value}: ${en}` });
    if (option === '--merge') {
      const [a, b] = value.split(',').map((r) => articleId(current, r.trim()));
      if (!a || !b || a === b) return bad('找不到这两篇稿件', 'names two articles that do not exist');
      current = mergeArticles(current, a, b);
    } else if (option === '--split') {
      const m = /^([^:]+):(\d+)$/.exec(value);
      const a = m && articleId(current, m[1]);
      const at = m ? Number(m[2]) - 1 : -1;
      const article = current.articles.find((x) => x.id === a);
      if (!a || !article || at < 1 || at >= article.body.content.length) return bad('应为 稿件:段号，段号在第 2 段到最后一段之间', 'expects ARTICLE:PARAGRAPH, the paragraph between the 2nd and the last');
      current = splitArticle(current, a, at);
    } else {
      const m = /^([^.]+)\.([A-Za-z]+|p\d+)=([A-Za-z]+)$/.exec(value);
      const a = m && articleId(current, m[1]);
      if (!m || !a || !TARGETS.has(m[3]) || !(FIELDS.has(m[2]) || /^p\d+$/.test(m[2]))) return bad('应为 稿件.行=角色', 'expects ARTICLE.LINE=ROLE');
      const from: RoleRef = m[2].startsWith('p') && !FIELDS.has(m[2]) ? { articleId: a, paragraph: Number(m[2].slice(1)) - 1 } : { articleId: a, field: m[2] as ArticleField };
      const article = current.articles.find((x) => x.id === a)!;
      const empty = 'field' in from ? !article[from.field].trim() : !article.body.content[from.paragraph];
      if (empty) return bad('这一行是空的或不存在', 'that line is empty or does not exist');
      current = changeRole(current, from, m[3] as RoleTarget);
    }
  }
  return { ok: true, result: current };
}
