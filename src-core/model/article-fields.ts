import { STYLE_LABELS } from './styles';

/**
 * An article's one-line text fields (everything but the body), declared once in reading order with
 * their names. The Article type, validation, import edits (merge, roles), the proofreading checks,
 * layout's glyph sources and the panels' labels derive from this list, so a new field is added here.
 */
export const ARTICLE_TEXT_FIELDS = ['kicker', 'headline', 'deck', 'byline', 'lead', 'jumpFrom', 'jumpTo'] as const;

export type ArticleTextField = (typeof ARTICLE_TEXT_FIELDS)[number];

/** A text field or the body: where a piece of an article's text comes from. */
export type ArticleTextPart = ArticleTextField | 'body';

/**
 * What the desk calls each part, Chinese and English. The lead is the dateline (电头, e.g.
 * 本报讯（记者 李雅君）), set inline at the start of the first paragraph; the jumps are the
 * continuation lines (上接01版) and (下转04版).
 */
export const ARTICLE_PART_LABELS: Record<ArticleTextPart, { zh: string; en: string }> = {
  // a part set in a style of its own is called what its style is called
  kicker: STYLE_LABELS.kicker,
  headline: STYLE_LABELS.headline,
  deck: STYLE_LABELS.deck,
  byline: STYLE_LABELS.byline,
  lead: STYLE_LABELS.lead,
  jumpFrom: { zh: '上接', en: 'Jump from' },
  jumpTo: { zh: '下转', en: 'Jump to' },
  body: STYLE_LABELS.body,
};

export function isArticleTextField(name: string): name is ArticleTextField {
  return (ARTICLE_TEXT_FIELDS as readonly string[]).includes(name);
}

/** Every text field empty: the start of a new article. */
export function emptyTextFields(): Record<ArticleTextField, string> {
  return Object.fromEntries(ARTICLE_TEXT_FIELDS.map((f) => [f, ''])) as Record<ArticleTextField, string>;
}
