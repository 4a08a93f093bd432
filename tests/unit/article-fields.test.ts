import { describe, expect, it } from 'vitest';
import { mergeArticles } from '../../src-core/import/edit';
import type { ImportResult } from '../../src-core/import/types';
import { ARTICLE_PART_LABELS, ARTICLE_TEXT_FIELDS, emptyTextFields } from '../../src-core/model/article-fields';
import type { Article } from '../../src-core/model/document';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { validateDocument } from '../../src-core/model/validate';
import { checkDocument } from '../../src-core/proof/checks';
import { emptyDocument } from '../../src-core/model/defaults';

const article = (id: string, fields: Partial<Article>): Article => ({ ...emptyTextFields(), id, bylinePosition: 'top', body: docFromParagraphs(['正文。']), ...fields });

describe('the one article field list', () => {
  it('lists the text fields in reading order, each with a zh and an en name', () => {
    expect(ARTICLE_TEXT_FIELDS).toEqual(['kicker', 'headline', 'deck', 'byline', 'lead', 'jumpFrom', 'jumpTo']);
    expect(ARTICLE_PART_LABELS.jumpFrom).toEqual({ zh: '上接', en: 'Jump from' });
    expect(ARTICLE_PART_LABELS.jumpTo).toEqual({ zh: '下转', en: 'Jump to' });
  });

  it('validation checks every field of the list', () => {
    for (const field of ARTICLE_TEXT_FIELDS) {
      const doc = emptyDocument();
      doc.articles = [article('a', {})];
      (doc.articles[0] as unknown as Record<string, unknown>)[field] = 5;
      const v = validateDocument(doc);
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.issues.map((i) => i.path)).toContain(`articles[0].${field}`);
    }
  });

  it('merging fills every empty field of the first article from the second', () => {
    const second = article('b', Object.fromEntries(ARTICLE_TEXT_FIELDS.map((f) => [f, `${f}-b`])));
    const result: ImportResult = { articles: [article('a', {}), second], images: [], imageLinks: [], columnLinks: [] } as unknown as ImportResult;
    const merged = mergeArticles(result, 'a', 'b').articles[0];
    for (const f of ARTICLE_TEXT_FIELDS) expect(merged[f]).toBe(`${f}-b`);
  });

  it('the checks read every field of the list', () => {
    const fields = Object.fromEntries(ARTICLE_TEXT_FIELDS.map((f) => [f, '他说我们我们去'])) as Partial<Article>;
    const found = new Set(checkDocument({ articles: [article('x', fields)] }).findings.map((f) => f.field));
    expect([...found].sort()).toEqual([...ARTICLE_TEXT_FIELDS].sort());
  });
});
