/**
 * Corrections a user makes to an import, as pure functions on the result (the importer is a first
 * draft): merge two articles, split one at a paragraph, change the role of a line. Each returns a
 * new ImportResult and leaves its input untouched; an id that does not exist returns the input.
 */
import { ARTICLE_TEXT_FIELDS, emptyTextFields, type ArticleTextField } from '../model/article-fields';
import type { Article } from '../model/document';
import type { RichParagraph } from '../model/richtext';
import type { ImportResult } from './types';

export type ArticleField = ArticleTextField;

/** A line of an imported article: one of its fields, or a body paragraph (0-based). */
export type RoleRef = { articleId: string; field: ArticleField } | { articleId: string; paragraph: number };

/** Where a line can go: another field, the body (as a paragraph), or a page item. */
export type RoleTarget = ArticleField | 'paragraph' | 'banner' | 'columnName';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const paragraphText = (p: RichParagraph): string => (p.content ?? []).map((c) => (c.type === 'text' ? c.text : '\n')).join('');
const paragraphOf = (text: string, type: 'paragraph' | 'heading' = 'paragraph'): RichParagraph =>
  type === 'heading' ? { type, attrs: { level: 2 }, content: text ? [{ type: 'text', text }] : [] } : { type, content: text ? [{ type: 'text', text }] : [] };

/** Appends the second article to the first: its headline becomes a subhead, empty fields of the first are filled from it. */
export function mergeArticles(result: ImportResult, firstId: string, secondId: string): ImportResult {
  const out = clone(result);
  const a = out.articles.find((x) => x.id === firstId);
  const b = out.articles.find((x) => x.id === secondId);
  if (!a || !b || a === b) return result;
  const extra: RichParagraph[] = [];
  for (const f of ARTICLE_TEXT_FIELDS) {
    if (!b[f]) continue;
    if (!a[f]) a[f] = b[f];
    else if (f === 'headline') extra.push(paragraphOf(b.headline, 'heading'));
    else if (f === 'lead') extra.push(paragraphOf(b.lead));
    else if (f === 'byline') a.byline = `${a.byline} ${b.byline}`;
  }
  if (!a.byline || a.byline === b.byline) a.bylinePosition = b.bylinePosition;
  a.body = { type: 'doc', content: [...a.body.content, ...extra, ...b.body.content] };
  out.articles = out.articles.filter((x) => x.id !== secondId);
  out.imageLinks = out.imageLinks.map((l) => (l.articleId === secondId ? { ...l, articleId: firstId } : l));
  // one 栏头 per article: the first keeps its own, or takes the second's
  const firstHasColumn = out.columnLinks.some((l) => l.articleId === firstId);
  out.columnLinks = out.columnLinks.filter((l) => !(firstHasColumn && l.articleId === secondId)).map((l) => (l.articleId === secondId ? { ...l, articleId: firstId } : l));
  return out;
}

/**
 * Splits an article before body paragraph `at`: the rest becomes a new article (id `<id>-2`, or the
 * next free number). A heading paragraph at the split becomes the new article's headline; a byline
 * set at the end and a "下转" jump go with the second part.
 */
export function splitArticle(result: ImportResult, articleId: string, at: number): ImportResult {
  const out = clone(result);
  const index = out.articles.findIndex((x) => x.id === articleId);
  const a = out.articles[index];
  if (!a || at <= 0 || at >= a.body.content.length) return result;
  const rest = a.body.content.slice(at);
  a.body = { type: 'doc', content: a.body.content.slice(0, at) };
  let headline = '';
  if (rest[0].type === 'heading') headline = paragraphText(rest.shift()!);
  let k = 2;
  while (out.articles.some((x) => x.id === `${articleId}-${k}`)) k++;
  const b: Article = {
    id: `${articleId}-${k}`,
    ...emptyTextFields(),
    headline,
    byline: a.bylinePosition === 'end' ? a.byline : '',
    bylinePosition: 'end',
    body: { type: 'doc', content: rest },
    jumpTo: a.jumpTo,
  };
  if (a.bylinePosition === 'end') a.byline = '';
  a.jumpTo = '';
  out.articles.splice(index + 1, 0, b);
  return out;
}

/** Moves a line to another role; a target field that is not empty gives its old text back to where the line came from. */
export function changeRole(result: ImportResult, from: RoleRef, to: RoleTarget): ImportResult {
  const out = clone(result);
  const a = out.articles.find((x) => x.id === from.articleId);
  if (!a) return result;
  let text: string;
  if ('field' in from) {
    if (from.field === to) return result;
    text = a[from.field];
    a[from.field] = '';
  } else {
    const p = a.body.content[from.paragraph];
    if (!p) return result;
    text = paragraphText(p);
    a.body.content.splice(from.paragraph, 1);
  }
  const giveBack = (old: string): void => {
    if (!old) return;
    if ('field' in from) a[from.field] = old;
    else a.body.content.splice(from.paragraph, 0, paragraphOf(old));
  };
  if (to === 'banner') out.page.banners.push(text);
  else if (to === 'columnName') {
    out.page.columnNames.push(text);
    out.columnLinks = [...out.columnLinks.filter((l) => l.articleId !== a.id), { articleId: a.id, columnName: text }];
  }
  else if (to === 'paragraph') {
    const atEnd = 'field' in from && (from.field === 'byline' || from.field === 'jumpTo');
    if (atEnd) a.body.content.push(paragraphOf(text));
    else a.body.content.unshift(paragraphOf(text));
  } else {
    const old = a[to];
    a[to] = text;
    if (to === 'byline' && !('field' in from)) a.bylinePosition = from.paragraph === 0 ? 'top' : 'end';
    giveBack(old);
  }
  return out;
}
