import type { BanmianDocument, Block } from '../../src-core/model/document';
import { overlapsWith } from '../../src-core/model/overlap';
import type { Message } from './editor';

/**
 * Why a block cannot go where it was dragged: it would cover another text block. Refused rather than
 * pushing the neighbour, because a push ripples down the page and moves blocks the 组版 placed by
 * hand (飞腾 leaves the others alone too); the page stays as it was and the notice names the blocks.
 */
export function collisionNotice(doc: BanmianDocument, moved: Block, action: 'move' | 'draw' = 'move'): Message | undefined {
  const hit = overlapsWith(doc.blocks, moved);
  if (!hit.length) return undefined;
  const titles = hit.map((id) => {
    const b = doc.blocks.find((x) => x.id === id);
    const a = b?.kind === 'article' ? doc.articles.find((x) => x.id === b.articleId) : undefined;
    const t = (a?.headline || a?.kicker || '').trim() || id;
    return `“${t.length > 16 ? `${t.slice(0, 16)}…` : t}”`;
  });
  if (action === 'draw') {
    return {
      zh: `未画文本框：文字块不能重叠，这样会压住 ${titles.join('、')}。请画在空白处`,
      en: `No text frame drawn: text blocks cannot overlap, and this would cover ${titles.join(', ')}. Draw it in an empty area`,
    };
  }
  return {
    zh: `未移动：文字块不能重叠，这样会压住 ${titles.join('、')}。请先移开或缩小它`,
    en: `Not moved: text blocks cannot overlap, and this would cover ${titles.join(', ')}. Move or shrink it first`,
  };
}
