import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArticleBlock, BanmianDocument } from '../src-core/model/document';
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
 * The sample page with its 国企盘点 article (a 9-line block at the page foot, free lines below it)
 * given the page's first `paragraphs` long paragraphs: an article far overset where 适配 must deepen.
 */
export function longArticleAtFoot(paragraphs: number): BanmianDocument {
  const doc = samplePage();
  const text = doc.articles.flatMap((a) => plainText(a.body).split('\n')).filter((p) => p.length > 20);
  return { ...doc, articles: doc.articles.map((a) => (a.id === 'soe-ranking' ? { ...a, body: docFromParagraphs(text.slice(0, paragraphs)) } : a)) };
}
