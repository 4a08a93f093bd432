import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArticleBlock, BanmianDocument, Block } from '../src-core/model/document';
import { parseDocument } from '../src-core/model/serialize';
import { docFromParagraphs, plainText } from '../src-core/model/richtext';

const SAMPLE = fileURLToPath(new URL('../assets/samples/luoyang-page.banmian', import.meta.url));

export function samplePage(): BanmianDocument {
  const r = parseDocument(readFileSync(SAMPLE, 'utf8'));
  if (!r.ok) throw new Error(r.en);
  return r.document;
}

/**
 * The sample page with every article in the page's named styles: make-up's per-article levers
 * (headline sizes by rank, tracking) cleared, for tests of the styles themselves.
 */
export function samplePageInPageStyles(): BanmianDocument {
  const doc = samplePage();
  return { ...doc, articles: doc.articles.map(({ styleOverrides: _, ...a }) => a) };
}

/**
 * Where the sample's blocks stood when it was placed by hand (before make-up filled it, issue 16): two
 * 4-column stacks under a 4-line banner, the picture 4 columns wide, the bottom 28 lines free. Tests
 * pinned on that page (copyfit's decisions, the blocks fitted when 栏数 drops, overlap positions,
 * a picture's ppi) keep it as their setup.
 */
const HAND_PLACED: readonly Block[] = [
  { id: 'b-banner', kind: 'article', articleId: 'banner', col: 0, span: 8, row: 0, rows: 4 },
  { id: 'b-xie-feng', kind: 'article', articleId: 'xie-feng', col: 0, span: 4, row: 4, rows: 30 },
  { id: 'b-wu-jinsong', kind: 'article', articleId: 'wu-jinsong', col: 4, span: 4, row: 4, rows: 26 },
  { id: 'b-xu-chaowen', kind: 'article', articleId: 'xu-chaowen', col: 0, span: 4, row: 34, rows: 17 },
  { id: 'b-funiu-road', kind: 'article', articleId: 'funiu-road', col: 4, span: 4, row: 30, rows: 16 },
  { id: 'b-nanguan', kind: 'article', articleId: 'nanguan', col: 0, span: 4, row: 51, rows: 17 },
  { id: 'b-anle', kind: 'article', articleId: 'anle', col: 4, span: 4, row: 46, rows: 35 },
  { id: 'b-anle-photo', kind: 'image', imageId: 'anle-photo', caption: '安乐街道社区工作人员向沿街商户宣传烟花爆竹禁放禁售规定。张铁生 摄', articleId: 'anle', col: 4, span: 4, row: 51, rows: 18 },
  { id: 'b-nanyang-chamber', kind: 'article', articleId: 'nanyang-chamber', col: 0, span: 4, row: 68, rows: 13 },
  { id: 'b-junhe-yungu', kind: 'article', articleId: 'junhe-yungu', col: 0, span: 4, row: 81, rows: 9 },
  { id: 'b-soe-ranking', kind: 'article', articleId: 'soe-ranking', col: 4, span: 4, row: 81, rows: 9 },
];

/** The sample's articles, in the page's named styles, on the hand-placed blocks (no ad). */
export function handPlacedPage(): BanmianDocument {
  return { ...samplePageInPageStyles(), blocks: HAND_PLACED.map((b) => ({ ...b })) };
}

/**
 * A full broadsheet text page: `articles` articles of real newspaper text (the sample's paragraphs,
 * reused in turn) totalling about `hanChars` Han characters, over the 8-column grid, two articles
 * side by side per band of rows.
 */
export function fullTextPage(hanChars = 12_000, articles = 10): BanmianDocument {
  const sample = samplePage();
  const paragraphs = sample.articles.flatMap((a) => plainText(a.body).split('\n')).filter((p) => p.length > 20);
  const perArticle = Math.round(hanChars / articles);
  const doc: BanmianDocument = { ...sample, articles: [], blocks: [], images: [] };
  let next = 0;
  const countHan = (s: string): number => (s.match(/[\u4e00-\u9fff]/g) ?? []).length;
  const rowsPerBand = Math.floor(117 / (articles / 2));
  for (let i = 0; i < articles; i++) {
    const body: string[] = [];
    let han = 0;
    while (han < perArticle) {
      const p = paragraphs[next++ % paragraphs.length];
      body.push(p);
      han += countHan(p);
    }
    const id = `bench-${i}`;
    doc.articles.push({ id, kicker: '', headline: `第${i + 1}篇 测试稿件标题`, deck: '', byline: '本报记者 张三', bylinePosition: 'end', lead: '', body: docFromParagraphs(body), jumpFrom: '', jumpTo: '' });
    const block: ArticleBlock = { id: `b-${id}`, kind: 'article', articleId: id, col: (i % 2) * 4, span: 4, row: Math.floor(i / 2) * rowsPerBand, rows: rowsPerBand };
    doc.blocks.push(block);
  }
  return doc;
}

export function hanCount(doc: BanmianDocument): number {
  return doc.articles.reduce((n, a) => n + (plainText(a.body).match(/[\u4e00-\u9fff]/g) ?? []).length, 0);
}

/**
 * The hand-placed sample page with its 国企盘点 article (a 9-line block at the page foot, free lines
 * below it) given the page's first `paragraphs` long paragraphs: an article far overset where 适配
 * must deepen.
 */
export function longArticleAtFoot(paragraphs: number): BanmianDocument {
  const doc = handPlacedPage();
  const text = doc.articles.flatMap((a) => plainText(a.body).split('\n')).filter((p) => p.length > 20);
  return { ...doc, articles: doc.articles.map((a) => (a.id === 'soe-ranking' ? { ...a, body: docFromParagraphs(text.slice(0, paragraphs)) } : a)) };
}
