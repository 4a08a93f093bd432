import type { Block, PageSettings, StyleName, TextStyle } from '../model/document';
import { CHECK_STATE_LIMITS, PAGE_HEADER_ID, type CommentEntry, type DismissedFinding, type ProofResult, type Role, type SavedCorrection, type SuggestionMeta, type Thread } from '../model/proof';
import { blockIssues } from '../model/validate';
import { FIND_FIELDS, type FindMatch } from './find-replace';
import { ARTICLE_META_KEYS, type ArticleMeta } from './ydocs';

/**
 * Every change the page store makes to a page besides building it: a closed set, each operation
 * checked by `operationProblem` before it is applied (a bad one changes nothing and throws a
 * PageOperationError). Typing in the story editor is the one write that does not pass here: tiptap
 * edits the body fragment the store hands it (`PageStore.bodyBinding`), under the store's undo.
 */

type ValueIn<B, K extends PropertyKey> = B extends unknown ? (K extends keyof B ? B[K] : never) : never;
type FieldOf<B> = B extends unknown ? Exclude<keyof B, 'id' | 'kind'> : never;

/** Fields of a block to set; a field set to undefined is removed (e.g. headlineSpan). Id and kind never change. */
export type BlockPatch = { [K in FieldOf<Block>]?: ValueIn<Block, K> };

/**
 * A made-up page (自动组版, or the page re-made for a new 栏数): the page settings that change with it,
 * every block of the page afterwards (a block whose id the page has keeps its place in the stacking
 * order and changes only the fields that differ) and the style overrides the engine chose.
 */
export interface MadeUpPage {
  page?: Partial<Omit<PageSettings, 'header'>>;
  blocks: readonly Block[];
  styles: readonly { articleId: string; name: StyleName; fields: Partial<TextStyle> }[];
  /** Paragraphs make-up cut (by index in the article's body); only those marked 可删 are removed. */
  cuts?: readonly { articleId: string; paragraphs: readonly number[] }[];
}

export type PageOperation =
  | { kind: 'moveBlock'; id: string; col: number; row: number }
  | { kind: 'resizeBlock'; id: string; span: number; rows: number }
  | { kind: 'editBlock'; id: string; patch: BlockPatch }
  /** 排列 › 上移一层 …: these blocks take the places in the stacking order they hold between them, in this order. */
  | { kind: 'restack'; ids: readonly string[] }
  | { kind: 'editArticle'; id: string; fields: Partial<ArticleMeta> }
  | { kind: 'makeUp'; change: MadeUpPage }
  | { kind: 'replace'; matches: readonly FindMatch[]; replacement: string }
  | { kind: 'recordSuggestion'; articleId: string; meta: Omit<SuggestionMeta, 'status'> }
  | { kind: 'decide'; articleId: string; id: string; decision: Decision; by: string }
  | { kind: 'decideAll'; articleIds: readonly string[]; decision: Decision; by: string }
  | { kind: 'comment'; articleId: string; thread: Thread }
  | { kind: 'reply'; articleId: string; threadId: string; entry: CommentEntry }
  | { kind: 'resolve'; articleId: string; threadId: string; resolved: boolean }
  | { kind: 'dismissFinding'; articleId: string; finding: DismissedFinding }
  | { kind: 'recordCorrections'; articleId: string; corrections: readonly SavedCorrection[] }
  | { kind: 'startRound'; by: string }
  | { kind: 'finishRound'; by: string }
  | { kind: 'signOff'; by: string; role: Role }
  | { kind: 'reopen'; by: string; role: Role; reason: string };

export type Decision = 'accept' | 'reject';

/** What applying an operation returns: how many changed, whether it was there, or a round's verdict. */
export type OperationResult<O extends PageOperation> = O['kind'] extends 'replace' | 'decideAll'
  ? number
  : O['kind'] extends 'decide'
    ? boolean
    : O['kind'] extends 'startRound' | 'finishRound' | 'signOff' | 'reopen'
      ? ProofResult
      : void;

/** Rounds and sign-off answer for themselves (a refusal is a ProofResult); the rest refuse a signed page. */
export const LOCK_EXEMPT: ReadonlySet<PageOperation['kind']> = new Set(['startRound', 'finishRound', 'signOff', 'reopen']);

export interface Problem {
  zh: string;
  en: string;
}

/** Thrown for an operation that does not fit the page; nothing was changed. */
export class PageOperationError extends Error {
  constructor(
    readonly operation: PageOperation['kind'],
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${operation}: ${en}`);
  }
}

/** What the checks read of the page. */
export interface PageView {
  block(id: string): Block | undefined;
  hasArticle(id: string): boolean;
  hasThread(articleId: string, threadId: string): boolean;
  columns: number;
  articleIds: Set<string>;
  imageIds: Set<string>;
}

/** The block after the patch, as it is stored (undefined removes a field; id and kind stay). */
export function patchedBlock(block: Block, patch: BlockPatch): Block {
  const out: Record<string, unknown> = { ...block };
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'id' || k === 'kind') continue;
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out as unknown as Block;
}

export function blockPatchOf(op: Extract<PageOperation, { kind: 'moveBlock' | 'resizeBlock' | 'editBlock' }>): BlockPatch {
  if (op.kind === 'moveBlock') return { col: op.col, row: op.row };
  if (op.kind === 'resizeBlock') return { span: op.span, rows: op.rows };
  return op.patch;
}

/** Why `op` cannot be applied to the page, or undefined when it can. */
export function operationProblem(op: PageOperation, page: PageView): Problem | undefined {
  switch (op.kind) {
    case 'moveBlock':
    case 'resizeBlock':
    case 'editBlock':
      return blockProblem(op.id, blockPatchOf(op), page);
    case 'restack':
      return restackProblem(op.ids, page);
    case 'editArticle':
      return articleProblem(op.id, page) ?? metaProblem(op.fields);
    case 'makeUp':
      return madeUpProblem(op.change, page);
    case 'replace':
      return replaceProblem(op);
    case 'recordSuggestion':
    case 'decide':
      return articleProblem(op.articleId, page) ?? (op.kind === 'decide' ? decisionProblem(op.decision) : undefined);
    case 'comment':
      return articleProblem(op.articleId, page) ?? textsProblem([op.thread?.quote, ...(op.thread?.comments ?? []).map((c) => c?.text)]);
    case 'decideAll':
      return op.articleIds.map((id) => articleProblem(id, page)).find(Boolean) ?? decisionProblem(op.decision);
    case 'reply':
    case 'resolve':
      return articleProblem(op.articleId, page) ?? (op.kind === 'reply' && !page.hasThread(op.articleId, op.threadId) ? { zh: `没有批注 ${op.threadId}`, en: `no thread ${op.threadId}` } : undefined) ?? (op.kind === 'reply' ? textsProblem([op.entry?.text]) : undefined);
    case 'dismissFinding':
      // the page header's findings belong to no article: the page keeps their dismissals
      return (op.articleId === PAGE_HEADER_ID ? undefined : articleProblem(op.articleId, page)) ?? (typeof op.finding?.rule === 'string' && typeof op.finding.text === 'string' && op.finding.text.length <= CHECK_STATE_LIMITS.textChars ? undefined : { zh: '忽略的问题缺少规则或文字', en: 'the dismissed finding needs a rule and a text' });
    case 'recordCorrections':
      return articleProblem(op.articleId, page) ?? (op.corrections.length <= CHECK_STATE_LIMITS.corrections ? undefined : { zh: `自动改正过多（上限 ${CHECK_STATE_LIMITS.corrections}）`, en: `too many corrections (at most ${CHECK_STATE_LIMITS.corrections})` });
    case 'startRound':
    case 'finishRound':
    case 'signOff':
    case 'reopen':
      return typeof op.by === 'string' ? undefined : { zh: '缺少签名', en: 'the name is missing' };
  }
}

/** A comment's texts are held to the length the file keeps: a longer one would be dropped when the page is next opened. */
function textsProblem(texts: unknown[]): Problem | undefined {
  const max = CHECK_STATE_LIMITS.textChars;
  if (texts.every((t) => typeof t === 'string' && t.length <= max)) return undefined;
  return { zh: `批注文字过长或缺失（每条最多 ${max} 字）`, en: `a comment's text is missing or too long (at most ${max} characters each)` };
}

function blockProblem(id: string, patch: BlockPatch, page: PageView): Problem | undefined {
  const block = page.block(id);
  if (!block) return { zh: `没有版块 ${id}`, en: `no block ${id}` };
  if (typeof patch !== 'object' || patch === null) return { zh: '版块的修改应为对象', en: 'a block change must be an object' };
  const issue = blockIssues(`blocks.${id}`, patchedBlock(block, patch), page)[0];
  return issue && { zh: issue.zh, en: issue.en };
}

/** Every block must fit the page it lands on: the new grid's columns when the change brings one. */
function madeUpProblem(change: MadeUpPage, page: PageView): Problem | undefined {
  if (!change || !Array.isArray(change.blocks) || !Array.isArray(change.styles)) return { zh: '组版结果应有版块和样式列表', en: 'a made-up page must list its blocks and styles' };
  const target = { columns: change.page?.grid?.columns ?? page.columns, articleIds: page.articleIds, imageIds: page.imageIds };
  const ids = new Set<string>();
  for (const b of change.blocks) {
    const issue = blockIssues(`blocks.${b?.id}`, b, target)[0];
    if (issue) return { zh: issue.zh, en: issue.en };
    if (ids.has(b.id)) return { zh: `版块 ${b.id} 出现了两次`, en: `block ${b.id} is listed twice` };
    ids.add(b.id);
  }
  for (const c of change.cuts ?? []) {
    if (!Array.isArray(c?.paragraphs) || !c.paragraphs.every((i) => Number.isInteger(i) && i >= 0)) return { zh: `稿件 ${c?.articleId} 的删段应为段落序号列表`, en: `the paragraphs cut from ${c?.articleId} must be a list of paragraph indices` };
  }
  return [...change.styles, ...(change.cuts ?? [])].map((s) => articleProblem(s.articleId, page)).find(Boolean);
}

function restackProblem(ids: readonly string[], page: PageView): Problem | undefined {
  if (!Array.isArray(ids)) return { zh: '层次应为版块列表', en: 'a stacking order must be a list of blocks' };
  if (new Set(ids).size !== ids.length) return { zh: '层次中有重复的版块', en: 'a block is listed twice in the stacking order' };
  const missing = ids.find((id) => typeof id !== 'string' || !page.block(id));
  return missing === undefined ? undefined : { zh: `没有版块 ${String(missing)}`, en: `no block ${String(missing)}` };
}

function articleProblem(id: string, page: PageView): Problem | undefined {
  return page.hasArticle(id) ? undefined : { zh: `没有文章 ${id}`, en: `no article ${id}` };
}

const META_KEYS: ReadonlySet<string> = new Set(ARTICLE_META_KEYS);

function metaProblem(fields: Partial<ArticleMeta>): Problem | undefined {
  for (const [key, value] of Object.entries(fields)) {
    if (!META_KEYS.has(key)) return { zh: `文章没有“${key}”这一项`, en: `an article has no field '${key}'` };
    if (value === undefined) continue;
    if (typeof value !== 'string') return { zh: `文章的“${key}”应为文字`, en: `the article's '${key}' must be a string` };
    if (key === 'bylinePosition' && value !== 'top' && value !== 'end') return { zh: '署名位置应为 top 或 end', en: "bylinePosition must be 'top' or 'end'" };
  }
  return undefined;
}

const FIND_FIELD_SET: ReadonlySet<string> = new Set(FIND_FIELDS);

function replaceProblem(op: Extract<PageOperation, { kind: 'replace' }>): Problem | undefined {
  if (typeof op.replacement !== 'string') return { zh: '替换内容应为文字', en: 'the replacement must be a string' };
  const bad = op.matches.find((m) => !FIND_FIELD_SET.has(m.field) || !Number.isInteger(m.start) || !Number.isInteger(m.end) || m.start < 0 || m.end < m.start);
  return bad && { zh: `查找结果无效：${bad.articleId} ${bad.field} ${bad.start}–${bad.end}`, en: `a match is not valid: ${bad.articleId} ${bad.field} ${bad.start}–${bad.end}` };
}

function decisionProblem(decision: Decision): Problem | undefined {
  return decision === 'accept' || decision === 'reject' ? undefined : { zh: '决定应为接受或拒绝', en: "the decision must be 'accept' or 'reject'" };
}
