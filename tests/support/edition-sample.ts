import { defaultPage } from '../../src-core/model/defaults';
import type { Article, ArticleBlock } from '../../src-core/model/document';
import { docFromParagraphs } from '../../src-core/model/richtext';

/** An article of plain paragraphs headed `${id}标题` (nothing else filled unless `over` says). */
export const storyArticle = (id: string, paragraphs: string[], over: Partial<Article> = {}): Article => ({
  id, kicker: '', headline: `${id}标题`, deck: '', byline: '', bylinePosition: 'top', lead: '', body: docFromParagraphs(paragraphs), jumpFrom: '', jumpTo: '', ...over,
});

/** A block of an article four columns wide and 20 lines deep, at the page's left edge. */
export const storyBlock = (id: string, articleId: string, row = 0): ArticleBlock => ({ id, kind: 'article', articleId, col: 0, span: 4, row, rows: 20 });

/** A tabloid page's settings whose header prints its 版次 as a plan makes it ('01'), or as `pageNumber` says. */
export const tabloidPage = (n: number, pageNumber = String(n).padStart(2, '0')) => ({ ...defaultPage('tabloid'), header: { ...defaultPage('tabloid').header, pageNumber } });
