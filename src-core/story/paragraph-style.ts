import { Extension } from '@tiptap/core';

/** The model's `PARAGRAPH_STYLE_ATTR` and `PARAGRAPH_STYLES` (src-core/model/richtext.ts; a unit test keeps them equal). */
const PARAGRAPH_STYLE_ATTR = 'paragraphStyle';
const PARAGRAPH_STYLES: readonly string[] = ['editorsNote'];

/** What the clipboard's HTML is read through (src-core has no DOM types). */
type HtmlElement = { getAttribute(name: string): string | null };

/**
 * A body paragraph's own style (段落样式, the 编者按) as a node attribute of the story schema: the
 * style's name, or null (not stored, so plain bodies keep their JSON and Yjs shape). It travels
 * with its paragraph in the Yjs fragment and on the clipboard (`data-paragraph-style`). Enter at
 * its end starts a 正文 paragraph (not kept on split), as 飞腾's next style after 编者按 is 正文.
 */
export const ParagraphStyle = Extension.create({
  name: 'banmianParagraphStyle',
  addGlobalAttributes: () => [
    {
      types: ['paragraph'],
      attributes: {
        [PARAGRAPH_STYLE_ATTR]: {
          default: null,
          keepOnSplit: false,
          parseHTML: (element) => {
            const v = (element as unknown as HtmlElement).getAttribute('data-paragraph-style');
            return v !== null && PARAGRAPH_STYLES.includes(v) ? v : null;
          },
          renderHTML: (attrs) => (PARAGRAPH_STYLES.includes(attrs[PARAGRAPH_STYLE_ATTR] as string) ? { 'data-paragraph-style': attrs[PARAGRAPH_STYLE_ATTR] } : {}),
        },
      },
    },
  ],
});
