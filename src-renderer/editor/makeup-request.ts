import type { BanmianDocument } from '../../src-core/model/document';
import type { MakeUpRequest, PictureLink } from '../../src-core/makeup';
import { hasBodyText } from '../../src-core/model/richtext';

/**
 * The page as make-up sees it: the articles in the list's order (the first is the lead), each
 * picture that belongs to an article linked to it, and a picture that belongs to none kept where
 * the 组版 put it (as if locked), rather than lost when the rest of the page is re-made. So is a
 * headline-only banner (通栏标题): the engine would hold it over for having no body.
 */
export function makeUpRequest(doc: BanmianDocument): MakeUpRequest {
  const pictures: PictureLink[] = [];
  const bodiless = new Set(doc.articles.filter((a) => !hasBodyText(a.body)).map((a) => a.id));
  const blocks = doc.blocks.map((b) => {
    if (b.kind === 'article' && !b.locked && bodiless.has(b.articleId)) return { ...b, locked: true };
    if (b.kind !== 'image' || b.locked) return b;
    if (b.articleId && doc.articles.some((a) => a.id === b.articleId)) {
      pictures.push({ imageId: b.imageId, articleId: b.articleId, caption: b.caption });
      return b;
    }
    return { ...b, locked: true };
  });
  return { document: { ...doc, blocks }, pictures };
}
