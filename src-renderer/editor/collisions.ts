import type { AdBlock, ArticleBlock, BanmianDocument, Block } from '../../src-core/model/document';
import { columnDepths } from '../../src-core/model/grid';
import { overlapsWith } from '../../src-core/model/overlap';
import type { Message } from './editor';

/** An article's cells, column by column (a stepped block only down to each column's depth), reach into the ad. */
function coversAd(article: ArticleBlock, ad: AdBlock): boolean {
  return columnDepths(article).some((depth, c) => {
    const col = article.col + c;
    return col >= ad.col && col < ad.col + ad.span && article.row < ad.row + ad.rows && ad.row < article.row + depth;
  });
}

/**
 * A booked ad is no place for text either (the paper owes the advertiser the space as sold): the
 * ads a moved text block would cover, or the text blocks a moved ad would.
 */
function adsInTheWay(blocks: readonly Block[], moved: Block): string[] {
  const others = blocks.filter((b) => b.id !== moved.id);
  if (moved.kind === 'article') return others.filter((b): b is AdBlock => b.kind === 'ad' && coversAd(moved, b)).map((b) => b.id);
  if (moved.kind === 'ad') return others.filter((b): b is ArticleBlock => b.kind === 'article' && coversAd(b, moved)).map((b) => b.id);
  return [];
}

/**
 * Why a block cannot go where it was dragged: it would cover another text block or a booked ad. Refused rather than
 * pushing the neighbour, because a push ripples down the page and moves blocks the 组版 placed by
 * hand (飞腾 leaves the others alone too); the page stays as it was and the notice names the blocks.
 */
export function collisionNotice(doc: BanmianDocument, moved: Block, action: 'move' | 'draw' = 'move'): Message | undefined {
  const hit = [...overlapsWith(doc.blocks, moved), ...adsInTheWay(doc.blocks, moved)];
  if (!hit.length) return undefined;
  const titles = hit.map((id) => {
    const b = doc.blocks.find((x) => x.id === id);
    if (b?.kind === 'ad') return `广告“${b.advertiser || id}”`;
    const a = b?.kind === 'article' ? doc.articles.find((x) => x.id === b.articleId) : undefined;
    const t = (a?.headline || a?.kicker || '').trim() || id;
    return `“${t.length > 16 ? `${t.slice(0, 16)}…` : t}”`;
  });
  if (action === 'draw') {
    return {
      zh: `未画文本框：文字块不能重叠或压住广告，这样会压住 ${titles.join('、')}。请画在空白处`,
      en: `No text frame drawn: text blocks cannot overlap each other or an ad, and this would cover ${titles.join(', ')}. Draw it in an empty area`,
    };
  }
  return {
    zh: `未移动：文字块不能重叠或压住广告，这样会压住 ${titles.join('、')}。请先移开或缩小它`,
    en: `Not moved: text blocks cannot overlap each other or an ad, and this would cover ${titles.join(', ')}. Move or shrink it first`,
  };
}
