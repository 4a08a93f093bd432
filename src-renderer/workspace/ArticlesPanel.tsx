import { memo, useMemo } from 'react';
import { commandSpec } from '../../src-core/commands';
import type { Article } from '../../src-core/model/document';
import { plainText } from '../../src-core/model/richtext';
import { overriddenStyles, STYLE_LABELS } from '../../src-core/model/styles';
import { ARTICLE_DRAG_TYPE, setArticleBeingDragged } from '../canvas/PageCanvas';
import { useEditor, useEditorInstance, useEditorSettled } from '../editor/use-editor';
import { countChars } from './format';
import { articleFits, type ArticleFit } from '../../src-core/copyfit';
import { FitBadge } from '../ui/FitBadge';
import { hasBodyText } from '../../src-core/model/richtext';
import { FoldButton, FoldedStrip } from './PanelFold';

/** Articles keep their object identity while unchanged (the store's snapshot), so counts are cached per object. */
const charCounts = new WeakMap<Article, number>();

function charCount(a: Article): number {
  let n = charCounts.get(a);
  if (n === undefined) {
    n = countChars(`${a.kicker}${a.headline}${a.deck}${a.lead}${plainText(a.body)}`);
    charCounts.set(a, n);
  }
  return n;
}

/** The 稿件 list folded (panel-folds.ts). */
export function FoldedArticlesPanel() {
  return <FoldedStrip side="left" items={[{ zh: '稿件', en: 'Articles' }]} />;
}

/** 稿件: every article of the page, placed or waiting, with its overset and length. */
export function ArticlesPanel() {
  const articles = useEditor((s) => s.doc.articles);
  // Lengths as of the last pause in typing (useEditorSettled).
  const counted = useEditorSettled((s) => s.doc.articles);
  const lengths = useMemo(() => new Map(counted.map((a) => [a.id, charCount(a)])), [counted]);
  const blocks = useEditor((s) => s.doc.blocks);
  const overset = useEditor((s) => s.layout?.overset);
  const frames = useEditor((s) => s.layout?.frames);
  const fits = useMemo(() => articleFits({ blocks }, { frames: frames ?? [], overset: overset ?? [] }), [blocks, frames, overset]);
  const selection = useEditor((s) => s.selection);
  const placed = useMemo(() => {
    const m = new Map<string, string>();
    for (const b of blocks) if (b.kind === 'article') m.set(b.articleId, b.id);
    return m;
  }, [blocks]);
  const oversetOf = useMemo(() => new Map((overset ?? []).map((o) => [o.articleId, o.characters])), [overset]);
  const selectedArticle = useMemo(() => {
    const b = blocks.find((x) => x.id === selection);
    return b && b.kind !== 'rule' ? b.articleId : undefined;
  }, [blocks, selection]);
  const unplaced = articles.filter((a) => !placed.has(a.id));
  const onPage = articles.filter((a) => placed.has(a.id));

  const item = (a: Article) => {
    const blockId = placed.get(a.id);
    return <ArticleItem key={a.id} article={a} chars={lengths.get(a.id) ?? charCount(a)} blockId={blockId} over={oversetOf.get(a.id) ?? 0} fit={hasBodyText(a.body) ? fits.get(a.id) : undefined} selected={selectedArticle === a.id} />;
  };

  return (
    <aside className="panel panel-left" data-testid="articles">
      <h2 title="Articles">
        稿件 <small>Articles</small>
        <FoldButton side="left" />
      </h2>
      <h3 title="Not yet on the page: drag onto the page">
        未上版 <small>Unplaced</small> <span className="count">{unplaced.length}</span>
      </h3>
      {unplaced.length > 0 ? <ul className="article-list">{unplaced.map(item)}</ul> : <NothingUnplaced none={articles.length === 0} />}
      <h3 title="On the page">
        已上版 <small>Placed</small> <span className="count">{onPage.length}</span>
      </h3>
      <ul className="article-list">{onPage.map(item)}</ul>
    </aside>
  );
}

/** The 未上版 list empty: every story placed, or (a new page) no story yet and the commands that bring one. */
function NothingUnplaced({ none }: { none: boolean }) {
  if (!none) return <p className="hint">全部稿件已上版 · All articles placed</p>;
  const [imp, write] = (['file.import', 'file.newStory'] as const).map((id) => commandSpec(id)!);
  return (
    <p className="hint no-articles" data-testid="no-articles">
      还没有稿件：{imp.zh.replace(/…$/, '')}（{imp.keys}）或{write.zh}（{write.keys}） · No stories yet: {imp.en.replace(/…$/, '').toLowerCase()} ({imp.keys}) or {write.en.toLowerCase()} ({write.keys})
    </p>
  );
}

/**
 * One article of the list. Memoised: typing changes one article object (and maybe its overset), so
 * only that line of the list is drawn again.
 */
const ArticleItem = memo(function ArticleItem({ article: a, chars, blockId, over, fit, selected }: { article: Article; chars: number; blockId: string | undefined; over: number; fit: ArticleFit | undefined; selected: boolean }) {
  const editor = useEditorInstance();
  return (
    <li
      className={`article-item${blockId ? ' placed' : ' unplaced'}${selected ? ' selected' : ''}`}
      data-testid="article-item"
      data-article={a.id}
      data-placed={blockId ? 'yes' : 'no'}
      draggable={!blockId}
      title={blockId ? 'Double-click to edit the story' : 'Drag onto the page to place it'}
      onDragStart={(e) => {
        e.dataTransfer.setData(ARTICLE_DRAG_TYPE, a.id);
        e.dataTransfer.effectAllowed = 'copy';
        setArticleBeingDragged(a.id);
      }}
      onDragEnd={() => {
        setArticleBeingDragged(null);
        if (editor.getState().interaction?.kind === 'place') editor.cancelInteraction();
      }}
      onClick={() => blockId && editor.select(blockId)}
      onDoubleClick={() => editor.openStory(a.id)}
    >
      <span className="article-headline">{a.headline || a.kicker || a.id}</span>
      <span className="article-meta">
        <span data-testid="article-chars">{chars} 字</span>
        <OverrideBadge article={a} />
        {over > 0 && (
          <span className="badge badge-overset" data-testid="article-overset" title={`Overset: ${over} characters`}>
            溢 {over}
          </span>
        )}
        {fit && <FitBadge fit={fit} testId="article-fit" />}
      </span>
    </li>
  );
});

/** 样式+: the article sets some page styles its own way (local overrides), as InDesign marks them. */
function OverrideBadge({ article }: { article: Article }) {
  const page = useEditor((s) => s.doc.page);
  const names = overriddenStyles(page, article.styleOverrides);
  if (names.length === 0) return null;
  const zh = names.map((n) => STYLE_LABELS[n].zh).join('、');
  const en = names.map((n) => STYLE_LABELS[n].en).join(', ');
  return (
    <span className="badge badge-override" data-testid="article-overrides" title={`本稿覆盖了样式：${zh} · Local overrides: ${en}`}>
      样式+
    </span>
  );
}
