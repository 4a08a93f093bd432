import type { Article, StyleName } from '../../src-core/model/document';
import { editableFields, overriddenFields, resolveStyle, STYLE_LABELS } from '../../src-core/model/styles';
import { useEditor, useEditorInstance } from '../editor/use-editor';
import { Section } from '../ui/fields';
import { sizeLabel } from './format';
import { StyleFields } from './style-fields';

/** The styles an article's own text is set in, as 属性 lists them (titles first, then the body flow). */
const ARTICLE_STYLES: StyleName[] = ['kicker', 'headline', 'deck', 'byline', 'lead', 'body', 'subhead'];
/** With pictures of its own (image blocks that belong to it), their captions too. */
const WITH_PICTURES: StyleName[] = [...ARTICLE_STYLES, 'caption'];

/**
 * 本稿样式: the selected article's styles as it is set, each field editable for this article only.
 * A field the article overrides is highlighted and the style's name carries InDesign's "+"; 清除覆盖
 * goes back to the page style per field (×) or for the whole style.
 */
export function ArticleStyles({ article }: { article: Pick<Article, 'id' | 'styleOverrides'> }) {
  const editor = useEditorInstance();
  const page = useEditor((s) => s.doc.page);
  const hasPictures = useEditor((s) => s.doc.blocks.some((b) => b.kind === 'image' && b.articleId === article.id));
  return (
    <Section zh="本稿样式" en="Styles of this article" testId="article-styles">
      <p className="hint">在此改动只作用于本稿（局部覆盖）· Changes here override the page style for this article only</p>
      {(hasPictures ? WITH_PICTURES : ARTICLE_STYLES).map((name) => {
        const label = STYLE_LABELS[name];
        const style = resolveStyle(page, name, article.styleOverrides);
        const overridden = new Set(overriddenFields(page, name, article.styleOverrides));
        const testId = `article-style-${name}`;
        return (
          <div className={`article-style${overridden.size ? ' overridden' : ''}`} key={name} data-testid={testId}>
            <div className="article-style-head">
              <span className="style-name" data-testid={`${testId}-name`} title={overridden.size ? `${label.en}+ (overridden)` : label.en}>
                {label.zh}
                {overridden.size > 0 && <b className="override-plus">+</b>}
              </span>
              <span className="style-summary">{sizeLabel(style.size)}</span>
              {overridden.size > 0 && (
                <>
                  <button data-testid={`${testId}-clear`} title="Clear overrides: back to the page style" onClick={() => editor.clearStyleOverride(article.id, name)}>
                    清除覆盖
                  </button>
                  <button data-testid={`${testId}-redefine`} title="Redefine the page style from this article" onClick={() => editor.redefineStyleFrom(article.id, name)}>
                    重定义样式
                  </button>
                </>
              )}
            </div>
            <StyleFields
              testId={testId}
              style={style}
              fields={editableFields(name)}
              overridden={overridden}
              onChange={(fields) => editor.setStyleOverride(article.id, name, fields)}
              onClearField={(field) => editor.clearStyleOverride(article.id, name, field)}
            />
          </div>
        );
      })}
    </Section>
  );
}
