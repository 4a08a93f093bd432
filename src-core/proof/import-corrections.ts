import type { Article } from '../model/document';
import type { SavedCorrection } from '../model/proof';
import { printableParagraphs } from '../model/richtext';
import { excerpt, type Field, type PlacedFinding } from './checks';

/**
 * The importer's changes (import/report.ts Correction) as check findings of their own level,
 * 已自动改正: what the author wrote, what it became, and where, so a proofreader sees every change
 * and can undo it. They weigh nothing in the 差错率: the author's text is not the printed text.
 */

/** A change the importer made, placed: the model's shape, which import/report.ts `Correction` fits. */
export type Correction = SavedCorrection;

/** What each kind of change is called, zh and en (unknown kinds fall back to the generic words). */
const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  punctuation: { zh: '半角标点改为全角', en: 'half-width punctuation made full-width' },
  quotes: { zh: '直引号改为弯引号', en: 'straight quote made curly' },
  'unpaired-quote': { zh: '不成对的直引号改为弯引号', en: 'unpaired straight quote made curly' },
  ellipsis: { zh: '省略号改为“……”', en: 'ellipsis made "……"' },
  dash: { zh: '破折号改为“——”', en: 'dash made "——"' },
  'deck-dash': { zh: '副题前加破折号“——”', en: 'the deck given its "——"' },
  'ocr-space': { zh: '删去汉字之间的空格', en: 'space between Han characters removed' },
  'ocr-space-beside-cjk': { zh: '删去中文旁的空格', en: 'space beside Chinese text removed' },
  'column-join': { zh: '分栏断开的段落接上', en: 'a paragraph broken by a column joined' },
  'line-join': { zh: '硬换行接排', en: 'a hard-wrapped line joined' },
};

/** Articles plus the page items a check reads as headline-only texts (banners, column names). */
export interface CheckedPage {
  articles: Article[];
  /** Ids of the headline-only articles made for 通栏 banners and 栏目 column names, in order. */
  bannerIds: string[];
  columnIds: string[];
}

type Place = { articleId: string; field: Field; paragraph: number; text: string; offset: number };

/** Each article's body paragraphs as plain text, worked out once per article. */
type BodyTexts = (a: Article) => string[];

function locate(c: Correction, page: CheckedPage, byId: Map<string, Article>, bodyTexts: BodyTexts): Place | undefined {
  const pageItem = (ids: string[]): Place | undefined => {
    for (const id of ids) {
      const text = byId.get(id)?.headline ?? '';
      if (text === c.text) return { articleId: id, field: 'headline', paragraph: 0, text, offset: c.offset };
    }
    return undefined;
  };
  if (c.field === 'banner') return pageItem(page.bannerIds);
  if (c.field === 'column') return pageItem(page.columnIds);
  const a = c.articleId === undefined ? undefined : byId.get(c.articleId);
  if (!a) return undefined;
  if (c.field === 'body') {
    const paragraphs = bodyTexts(a);
    const k = paragraphs.findIndex((t) => t.includes(c.text));
    return k < 0 ? undefined : { articleId: a.id, field: 'body', paragraph: k, text: paragraphs[k], offset: paragraphs[k].indexOf(c.text) + c.offset };
  }
  const field = c.field;
  const at = a[field].indexOf(c.text);
  return at < 0 ? undefined : { articleId: a.id, field, paragraph: 0, text: a[field], offset: at + c.offset };
}

/** One finding per correction whose text is still in the page (a later edit may have removed it). */
export function correctionFindings(corrections: readonly Correction[], page: CheckedPage): PlacedFinding[] {
  const byId = new Map(page.articles.map((a) => [a.id, a]));
  const bodies = new Map<string, string[]>();
  const bodyTexts: BodyTexts = (a) => {
    let texts = bodies.get(a.id);
    if (!texts) bodies.set(a.id, (texts = printableParagraphs(a.body).map((p) => p.spans.map((s) => s.text).join(''))));
    return texts;
  };
  const out: PlacedFinding[] = [];
  for (const c of corrections) {
    const at = locate(c, page, byId, bodyTexts);
    if (!at) continue;
    const name = KIND_NAMES[c.kind] ?? { zh: '导入时改动', en: 'changed on import' };
    const from = c.from === '(none)' ? '' : c.from;
    const shown = (s: string): string => (s === '' ? '（无）' : s.replace(/ /g, '␣'));
    out.push({
      rule: 'auto-corrected',
      severity: 'corrected',
      offset: at.offset,
      length: c.to.length,
      excerpt: excerpt(at.text, at.offset, c.to.length),
      zh: `已自动改正（${name.zh}）：原稿“${shown(from)}”→“${shown(c.to)}”`,
      en: `Auto-corrected (${name.en}): the copy's "${shown(from)}" → "${shown(c.to)}"`,
      corrected: { from, to: c.to },
      weight: 0,
      articleId: at.articleId,
      field: at.field,
      paragraph: at.paragraph,
    });
  }
  return out;
}
