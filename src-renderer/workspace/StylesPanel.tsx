import { editableFields, overrideCounts, pageStyle, STYLE_LABELS, STYLE_NAMES } from '../../src-core/model/styles';
import type { StyleName } from '../../src-core/model/document';
import { useEditor, useEditorInstance } from '../editor/use-editor';
import { StyleFields, StyleSample } from './style-fields';
import { LayoutLock } from '../ui/layout-lock';

/**
 * 样式: the page's named styles, defined once and applied by name. A change reflows every article
 * set in the style (one undo step); the count says how many articles override the style locally.
 * A style's fallback chain (缺字替补字体) is set here only: an article does not override it.
 */
export function StylesPanel() {
  const editor = useEditorInstance();
  const page = useEditor((s) => s.doc.page);
  // The counts as a string: typing makes new article objects, but leaves the counts (and so this
  // panel, its fields and its typeset samples) as they were.
  const countList = useEditor((s) => {
    const counts = overrideCounts(s.doc.page, s.doc.articles);
    return STYLE_NAMES.map((name) => counts[name]).join(' ');
  });
  const counts = Object.fromEntries(countList.split(' ').map((n, i) => [STYLE_NAMES[i], Number(n)])) as Record<StyleName, number>;
  return (
    <div data-testid="styles-panel">
      <p className="hint">全版样式，按名称应用于每篇稿件 · Page styles, applied by name to every article</p>
      {STYLE_NAMES.map((name) => {
        const label = STYLE_LABELS[name];
        return (
          <section className="panel-section style-card" key={name} data-testid={`page-style-${name}`}>
            <h3 title={label.en}>
              {label.zh} <small>{label.en}</small>
              {counts[name] > 0 && (
                <span className="override-count" data-testid={`page-style-${name}-overrides`} title={`${counts[name]} article(s) override this style`}>
                  {counts[name]} 篇覆盖
                </span>
              )}
            </h3>
            {name === 'minorHeadline' && <p className="hint">组版时排在前三篇之后的稿件（中等稿件、简讯）的主题用此字体，字号由组版按稿序定 · Make-up sets the headlines of the stories ranked below the first three in this face, sized by rank</p>}
            {name === 'editorsNote' && <p className="hint">导入时以【编者按】或“编者按：”开头的段落用此样式 · Imported paragraphs opening with 【编者按】 or 编者按： are set in it</p>}
            {name === 'body' && <p className="hint">正文字号即背景格的字：改动它，栏宽与行距随之变化 · The body size is the grid’s character</p>}
            <StyleSample testId={`page-style-${name}-sample`} style={pageStyle(page, name)} />
            <LayoutLock>
              <StyleFields testId={`page-style-${name}`} style={pageStyle(page, name)} fields={[...editableFields(name), 'fallback']} onChange={(fields) => editor.setStyle(name, fields)} />
            </LayoutLock>
          </section>
        );
      })}
    </div>
  );
}
