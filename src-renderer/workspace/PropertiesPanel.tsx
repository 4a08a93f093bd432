import { useMemo } from 'react';
import { withPresetFormat } from '../../src-core/model/defaults';
import type { Block, GridRect, PageHeader, PageSettings, RuleBlock } from '../../src-core/model/document';
import { rectOf } from '../../src-core/model/grid';
import { useEditor, useEditorInstance } from '../editor/use-editor';
import { mm } from './format';
import { ArticleStyles } from './ArticleStyles';
import { MmField, NumberField, Row, Section, TextField } from '../ui/fields';
import { BoxProperties, ImageCropProperties, RuleProperties, TitleBandProperties, TitleDirectionProperties, TitleImageProperties } from './BlockStyleProperties';
import { SizeCombo } from './style-fields';
import { LayoutLock } from '../ui/layout-lock';
import { useAfterNextFrame } from '../ui/after-next-frame';
import { PictureProperties } from '../pictures/PictureProperties';

/** 属性: the selected block, the page's title styles, and the page settings. */
export function PropertiesPanel() {
  return (
    <aside className="panel panel-right" data-testid="properties">
      <h2 title="Properties">
        属性 <small>Properties</small>
      </h2>
      <PropertiesContent />
    </aside>
  );
}

/** The panel's sections without its frame, for the tabbed right-hand panel (page styles have their own tab, 样式). */
export function PropertiesContent() {
  // A marquee or Ctrl+A selects many blocks at once: the canvas shows them in the frame after the
  // gesture, and the key block's fields (600 elements) come in the frame after that.
  const many = useEditor((s) => s.selected.length > 1);
  const selection = useAfterNextFrame(useEditor((s) => s.selection), many);
  const blocks = useEditor((s) => s.doc.blocks);
  const block = selection ? blocks.find((b) => b.id === selection) : undefined;
  return (
    <div data-testid="properties-content">
      {many && <SelectedCount />}
      {block ? <BlockProperties block={block} /> : <p className="hint">选中版面上的块以查看属性 · Select a block on the page</p>}
      <LayoutLock>
        {block?.kind === 'article' && <SelectedArticleStyles articleId={block.articleId} />}
        <PageProperties />
      </LayoutLock>
    </div>
  );
}

/**
 * Several blocks selected: how many, and that the fields below are the key block's (the one drawn
 * with handles). It alone follows the count while a marquee is dragged, not the fields below.
 */
function SelectedCount() {
  const count = useEditor((s) => s.selected.length);
  return (
    <p className="selected-count" data-testid="selected-count">
      {count} 块已选 · {count} blocks selected
      <small>下列属性为主块的 · The fields below are the key block’s</small>
    </p>
  );
}

const GRID_BLOCK_TITLES: Record<GridBlock['kind'], [string, string]> = {
  article: ['稿件块', 'Article block'],
  image: ['图片块', 'Image block'],
  box: ['底纹框', 'Tinted box'],
  ad: ['广告', 'Ad'],
};

/** The selected block: one section whose fields follow the block's kind (the section stays when the kind changes). */
function BlockProperties({ block }: { block: Block }) {
  const [zh, en] = block.kind === 'rule' ? ['线条', 'Rule'] : GRID_BLOCK_TITLES[block.kind];
  return (
    <Section zh={zh} en={en} testId="block-properties">
      {block.kind === 'rule' ? <RuleBlockFields block={block} /> : <GridBlockFields block={block} />}
    </Section>
  );
}

/** The blocks placed on the column grid (every kind but the free-standing rule). */
type GridBlock = Exclude<Block, RuleBlock>;

function RuleBlockFields({ block }: { block: RuleBlock }) {
  const editor = useEditorInstance();
  return (
    <LayoutLock>
      <RuleProperties block={block} />
      <LockedRow block={block} />
      <div className="buttons">
        <button onClick={() => editor.deleteSelected()} title="Delete rule">
          删除线条
        </button>
      </div>
    </LayoutLock>
  );
}

function GridBlockFields({ block }: { block: GridBlock }) {
  const articleTitle = useArticleTitle(block);
  return (
    <>
      {articleTitle && (
        <p className="block-title" data-testid="block-article">
          {articleTitle}
        </p>
      )}
      <LayoutLock>
        <GridPlacementFields block={block} />
        <BlockKindFields block={block} />
        {block.kind !== 'ad' && <BoxProperties block={block} />}
        {block.kind === 'article' && <TitleDirectionProperties block={block} />}
        {block.kind === 'article' && <TitleBandProperties block={block} />}
        {block.kind === 'article' && <TitleImageProperties block={block} />}
        <LockedRow block={block} />
      </LayoutLock>
      <GridBlockButtons block={block} />
    </>
  );
}

/** The headline alone: the article object changes with every keystroke in its story. */
function useArticleTitle(block: GridBlock): string | undefined {
  return useEditor((s) => {
    const article = block.articleId ? s.doc.articles.find((a) => a.id === block.articleId) : undefined;
    return article && (article.headline || article.id);
  });
}

/** Where the block sits on the grid, in columns and lines, and its size in millimetres. */
function GridPlacementFields({ block }: { block: GridBlock }) {
  const editor = useEditorInstance();
  const geo = useEditor((s) => s.geo);
  const r = rectOf(geo, block);
  const set = (fields: Partial<GridRect>) => editor.setBlockRect(block.id, fields);
  return (
    <>
      <div className="field-grid">
        <Row zh="起栏" en="First column">
          <NumberField testId="prop-col" value={block.col + 1} min={1} max={geo.columns} onCommit={(v) => set({ col: v - 1 })} unit="栏" />
        </Row>
        <Row zh="跨栏" en="Columns spanned">
          <NumberField testId="prop-span" value={block.span} min={1} max={geo.columns} onCommit={(v) => set({ span: v })} unit="栏" />
        </Row>
        <Row zh="起行" en="First line">
          <NumberField testId="prop-row" value={block.row + 1} min={1} max={geo.rows} onCommit={(v) => set({ row: v - 1 })} unit="行" />
        </Row>
        <Row zh="行数" en="Lines deep">
          <NumberField testId="prop-rows" value={block.rows} min={1} max={geo.rows} onCommit={(v) => set({ rows: v })} unit="行" />
        </Row>
      </div>
      <p className="measure" data-testid="prop-mm">
        X {mm(r.x)} · Y {mm(r.y)} · 宽 {mm(r.width)} · 高 {mm(r.height)}
      </p>
    </>
  );
}

/** The fields only an article block (headline span) or an image block (caption, crop) has. */
function BlockKindFields({ block }: { block: GridBlock }) {
  const editor = useEditorInstance();
  return (
    <>
      {/* Vertical titles take the columns they need at the block's right: no span to set. */}
      {block.kind === 'article' && block.titleDirection !== 'vertical' && (
        <Row zh="标题跨栏" en="Headline span">
          <NumberField
            testId="prop-headline-span"
            value={block.headlineSpan ?? block.span}
            min={1}
            max={block.span}
            unit="栏"
            onCommit={(v) => editor.editBlock(block.id, { headlineSpan: v >= block.span ? undefined : v })}
          />
        </Row>
      )}
      {block.kind === 'image' && (
        <Row zh="图片说明" en="Caption">
          <TextField testId="prop-caption" value={block.caption} onCommit={(v) => editor.editBlock(block.id, { caption: v })} />
        </Row>
      )}
      {block.kind === 'image' && <PictureProperties block={block} />}
      {block.kind === 'image' && <ImageCropProperties block={block} />}
    </>
  );
}

function LockedRow({ block }: { block: Block }) {
  const editor = useEditorInstance();
  return (
    <Row zh="锁定" en="Locked">
      <input type="checkbox" data-testid="prop-locked" checked={!!block.locked} onChange={() => editor.toggleLock(block.id)} />
    </Row>
  );
}

function GridBlockButtons({ block }: { block: GridBlock }) {
  const editor = useEditorInstance();
  return (
    <div className="buttons">
      {block.kind === 'article' && (
        <>
          {/* The story stays open to edit in 校对 mode: text changes become suggestions. */}
          <button onClick={() => editor.openStory(block.articleId)} title="Edit story">
            编辑稿件
          </button>
        </>
      )}
      <LayoutLock>
        {block.kind === 'article' && (
          <button onClick={() => editor.fitToText(block.id)} title="Fit block to text">
            块高随文
          </button>
        )}
        <button onClick={() => editor.deleteSelected()} title="Delete block (the article stays in the list)">
          删除块
        </button>
      </LayoutLock>
    </div>
  );
}

function SelectedArticleStyles({ articleId }: { articleId: string }) {
  // Typing makes a new article object per keystroke: read only its overrides, as a string, so the
  // style fields redraw when an override changes and not when the text does.
  const overrides = useEditor((s) => {
    const article = s.doc.articles.find((a) => a.id === articleId);
    return article ? JSON.stringify(article.styleOverrides ?? null) : undefined;
  });
  const article = useMemo(() => (overrides === undefined ? undefined : { id: articleId, styleOverrides: JSON.parse(overrides) ?? undefined }), [articleId, overrides]);
  return article ? <ArticleStyles article={article} /> : null;
}

const HEADER_FIELDS: [keyof PageHeader, string, string][] = [
  ['paperName', '报名', 'Paper'],
  ['date', '日期', 'Date'],
  ['pageNumber', '版次', 'Page number'],
  ['section', '版名', 'Section'],
  ['editor', '责任编辑', 'Editor'],
  ['proofreader', '校对', 'Proofreader'],
  ['layoutEditor', '组版', 'Layout editor'],
];

function PageProperties() {
  const page = useEditor((s) => s.doc.page);
  return (
    <Section zh="版面设置" en="Page settings" testId="page-properties">
      <PageFormatRow page={page} />
      <div className="field-grid">
        <PageSizeRows page={page} />
        <MarginRows page={page} />
        <ColumnRows page={page} />
        <BodyTypeRows page={page} />
      </div>
      <GridModeRows page={page} />
      <HeaderRows page={page} />
    </Section>
  );
}

/** Changes to the page's grid, merged into the grid it has. */
function useSetGrid(page: PageSettings): (fields: Partial<PageSettings['grid']>) => void {
  const editor = useEditorInstance();
  return (fields) => editor.setPage({ grid: { ...page.grid, ...fields } });
}

function PageFormatRow({ page }: { page: PageSettings }) {
  const editor = useEditorInstance();
  const setFormat = (name: string) => {
    if (name === 'custom') return editor.setPage({ format: { ...page.format, name: 'custom' } });
    editor.setPage(withPresetFormat(page, name as 'broadsheet' | 'tabloid'));
  };
  return (
    <Row zh="开本" en="Format">
      <select data-testid="page-format" value={page.format.name} onChange={(e) => setFormat(e.target.value)}>
        <option value="broadsheet">对开 Broadsheet</option>
        <option value="tabloid">四开 Tabloid</option>
        <option value="custom">自定义 Custom</option>
      </select>
    </Row>
  );
}

function PageSizeRows({ page }: { page: PageSettings }) {
  const editor = useEditorInstance();
  return (
    <>
      <Row zh="宽" en="Width">
        <MmField pt={page.format.width} onCommit={(v) => editor.setPage({ format: { ...page.format, name: 'custom', width: v } })} />
      </Row>
      <Row zh="高" en="Height">
        <MmField pt={page.format.height} onCommit={(v) => editor.setPage({ format: { ...page.format, name: 'custom', height: v } })} />
      </Row>
    </>
  );
}

function MarginRows({ page }: { page: PageSettings }) {
  const editor = useEditorInstance();
  const setMargin = (key: keyof PageSettings['margins'], v: number) => editor.setPage({ margins: { ...page.margins, [key]: v } });
  return (
    <>
      <Row zh="上边距" en="Top margin">
        <MmField pt={page.margins.top} onCommit={(v) => setMargin('top', v)} />
      </Row>
      <Row zh="下边距" en="Bottom margin">
        <MmField pt={page.margins.bottom} onCommit={(v) => setMargin('bottom', v)} />
      </Row>
      <Row zh="左边距" en="Left margin">
        <MmField pt={page.margins.left} onCommit={(v) => setMargin('left', v)} />
      </Row>
      <Row zh="右边距" en="Right margin">
        <MmField pt={page.margins.right} onCommit={(v) => setMargin('right', v)} />
      </Row>
    </>
  );
}

/** The number of columns and the gutter: in characters on a character grid, in millimetres on a free one. */
function ColumnRows({ page }: { page: PageSettings }) {
  const setGrid = useSetGrid(page);
  return (
    <>
      <Row zh="栏数" en="Columns">
        <NumberField testId="page-columns" value={page.grid.columns} min={1} max={20} unit="栏" onCommit={(v) => setGrid({ columns: v })} />
      </Row>
      {page.grid.mode === 'character' ? (
        <>
          <Row zh="每栏字数" en="Characters per column">
            <NumberField testId="page-chars" value={page.grid.charsPerColumn} min={1} max={80} unit="字" onCommit={(v) => setGrid({ charsPerColumn: v })} />
          </Row>
          <Row zh="栏间距" en="Gutter">
            <NumberField testId="page-gutter" value={page.grid.gutterChars} min={0} max={10} unit="字" onCommit={(v) => setGrid({ gutterChars: v })} />
          </Row>
        </>
      ) : (
        <Row zh="栏间距" en="Gutter">
          <MmField pt={page.grid.gutter} onCommit={(v) => setGrid({ gutter: v })} />
        </Row>
      )}
    </>
  );
}

function BodyTypeRows({ page }: { page: PageSettings }) {
  const editor = useEditorInstance();
  return (
    <>
      <Row zh="正文字号" en="Body size">
        <SizeCombo testId="page-body-size" pt={page.bodySize} onCommit={(v) => editor.setStyle('body', { size: v })} />
      </Row>
      <Row zh="行距" en="Leading">
        <NumberField value={page.leading} min={0} max={36} digits={1} unit="pt" onCommit={(v) => editor.setPage({ leading: v })} />
      </Row>
    </>
  );
}

/** The grid mode, the column rules, and the type area the grid gives. */
function GridModeRows({ page }: { page: PageSettings }) {
  const editor = useEditorInstance();
  const geo = useEditor((s) => s.geo);
  const setGrid = useSetGrid(page);
  return (
    <>
      <Row zh="网格" en="Grid mode">
        <select data-testid="page-grid-mode" title="背景格（按字）或自由 · Character grid or free" value={page.grid.mode} onChange={(e) => setGrid({ mode: e.target.value as 'character' | 'free' })}>
          <option value="character">按字 Character grid</option>
          <option value="free">自由 Free</option>
        </select>
      </Row>
      <Row zh="栏线" en="Column rules">
        <input type="checkbox" data-testid="page-column-rules" checked={page.columnRules} onChange={(e) => editor.setPage({ columnRules: e.target.checked })} />
      </Row>
      <p className="measure" data-testid="page-grid-info">
        版心 {mm(geo.gridWidth)} × {mm(geo.gridHeight)} · 栏宽 {mm(geo.colWidth)} · {geo.rows} 行
      </p>
    </>
  );
}

function HeaderRows({ page }: { page: PageSettings }) {
  const editor = useEditorInstance();
  return (
    <>
      <h4 title="Header and credits">
        报头与署名 <small>Header and credits</small>
      </h4>
      <Row zh="报头高度" en="Header depth">
        <MmField testId="header-height" pt={page.header.height} onCommit={(v) => editor.setHeader({ height: v })} />
      </Row>
      {HEADER_FIELDS.map(([key, zh, en]) => (
        <Row key={key} zh={zh} en={en}>
          <TextField testId={`header-${key}`} value={String(page.header[key] ?? '')} onCommit={(v) => editor.setHeader({ [key]: v })} />
        </Row>
      ))}
    </>
  );
}
