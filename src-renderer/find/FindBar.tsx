import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { PageLayout } from '../../src-core/layout/page-layout';
import { useEditor, useEditorInstance } from '../editor/use-editor';
import { FIELD_LABELS, findInStore, replaceMatches, type FindMatch } from './find';
import './find.css';

/** Whether the find bar is open; the 查找替换 command opens it. */
let open = false;
const listeners = new Set<() => void>();
const setOpen = (v: boolean) => {
  open = v;
  for (const l of listeners) l();
};
export const openFind = (): void => setOpen(true);
const useOpen = () =>
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );

/** 查找/替换: a bar over the page; the current occurrence is selected on the page and marked. */
export function FindBar() {
  const isOpen = useOpen();
  return isOpen ? <FindBarOpen /> : null;
}

function FindBarOpen() {
  const layout = useEditor((s) => s.layout);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [index, setIndex] = useState(0);
  const matches = useMatches(query, matchCase);
  const current: FindMatch | undefined = matches[Math.min(index, matches.length - 1)];
  useSelectArticleOf(current);
  const go = (step: number) => matches.length && setIndex((i) => (Math.min(i, matches.length - 1) + step + matches.length) % matches.length);
  const { replaceOne, replaceAll } = useReplace(matches, current, replacement, () => setIndex(0));
  const keys = fieldKeys(go);
  const canvas = document.querySelector('.canvas-area');
  const bar = (
    <div className="find-bar" role="search" data-testid="find-bar" onKeyDown={(e) => !e.ctrlKey && !e.metaKey && e.stopPropagation()}>
      <FindRow query={query} onQuery={(q) => (setQuery(q), setIndex(0))} matches={matches} current={current} go={go} matchCase={matchCase} setMatchCase={setMatchCase} keys={keys} />
      <div className="find-row">
        <input data-testid="find-replacement" placeholder="替换为 Replace with" value={replacement} onChange={(e) => setReplacement(e.target.value)} onKeyDown={(e) => keys(e, replaceOne)} />
        <button data-testid="find-replace" title="Replace this occurrence" disabled={!current} onClick={replaceOne}>
          替换
        </button>
        <button data-testid="find-replace-all" title="Replace all on the page (one undo step)" disabled={!matches.length} onClick={replaceAll}>
          全部替换
        </button>
      </div>
      {current && <FindWhere match={current} />}
    </div>
  );
  return (
    <>
      {canvas ? createPortal(bar, canvas) : bar}
      {current && layout && <MatchMarks layout={layout} match={current} />}
    </>
  );
}

/** The occurrences on the page, found again whenever the page changes. */
function useMatches(query: string, matchCase: boolean): FindMatch[] {
  const editor = useEditorInstance();
  const revision = useEditor((s) => s.revision);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => findInStore(editor.pageStore, query, { matchCase }), [editor, query, matchCase, revision]);
}

/** The occurrence's article is selected on the page. */
function useSelectArticleOf(current: FindMatch | undefined): void {
  const editor = useEditorInstance();
  useEffect(() => {
    if (!current) return;
    const block = editor.getState().doc.blocks.find((b) => b.kind === 'article' && b.articleId === current.articleId);
    if (block) editor.select(block.id);
  }, [editor, current?.articleId, current]);
}

/** Replacing one occurrence or all of them; a refused replacement is reported, not thrown. */
function useReplace(matches: FindMatch[], current: FindMatch | undefined, replacement: string, restart: () => void) {
  const editor = useEditorInstance();
  const run = (what: FindMatch[]) => {
    try {
      return replaceMatches(editor.pageStore, what, replacement);
    } catch (e) {
      editor.notify({ zh: `无法替换：${e instanceof Error ? e.message : String(e)}`, en: `Cannot replace: ${e instanceof Error ? e.message : String(e)}` });
      return 0;
    }
  };
  const replaceOne = () => {
    if (!current) return;
    run([current]);
    // The next occurrence now sits at the same index.
  };
  const replaceAll = () => {
    if (!matches.length) return;
    const n = run(matches);
    editor.notify({ zh: `已替换 ${n} 处（可一次撤销）`, en: `Replaced ${n} occurrence(s) (one undo step)` }, 'info');
    restart();
  };
  return { replaceOne, replaceAll };
}

type FieldKeys = (e: React.KeyboardEvent, enter: () => void) => void;

/** The keys of the bar's text fields: Enter does the field's action, Shift+Enter goes back, Esc closes. */
const fieldKeys =
  (go: (step: number) => void): FieldKeys =>
  (e, enter) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (e.shiftKey) go(-1);
      else enter();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
    }
    if (!e.ctrlKey && !e.metaKey) e.stopPropagation();
  };

interface FindRowProps {
  query: string;
  onQuery: (query: string) => void;
  matches: FindMatch[];
  current: FindMatch | undefined;
  go: (step: number) => void;
  matchCase: boolean;
  setMatchCase: (on: boolean) => void;
  keys: FieldKeys;
}

/** The query, the count, previous/next, match case and close. */
function FindRow({ query, onQuery, matches, current, go, matchCase, setMatchCase, keys }: FindRowProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const shown = current ? matches.indexOf(current) + 1 : 0;
  return (
    <div className="find-row">
      <input ref={input} data-testid="find-query" placeholder="查找 Find" value={query} onChange={(e) => onQuery(e.target.value)} onKeyDown={(e) => keys(e, () => go(1))} />
      <span className="find-count" data-testid="find-count" title={`${matches.length} occurrences`}>
        {query ? (matches.length ? `${shown} / ${matches.length}` : '无 None') : ''}
      </span>
      <button data-testid="find-prev" title="Previous (Shift+Enter)" disabled={!matches.length} onClick={() => go(-1)}>
        ↑
      </button>
      <button data-testid="find-next" title="Next (Enter)" disabled={!matches.length} onClick={() => go(1)}>
        ↓
      </button>
      <label className="find-case" title="Match case (Latin letters)">
        <input type="checkbox" data-testid="find-case" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} />
        Aa
      </label>
      <button className="find-close" data-testid="find-close" title="Close (Esc)" aria-label="关闭 Close" onClick={() => setOpen(false)}>
        ×
      </button>
    </div>
  );
}

/** Where the current occurrence is (article, field, paragraph) and the text around it. */
function FindWhere({ match }: { match: FindMatch }) {
  const editor = useEditorInstance();
  return (
    <p className="find-where" data-testid="find-where" title={`${FIELD_LABELS[match.field][1]}${match.field === 'body' ? `, paragraph ${match.paragraph + 1}` : ''}`}>
      <span className="find-field">
        {articleTitle(editor.getState().doc.articles, match.articleId)} · {FIELD_LABELS[match.field][0]}
        {match.field === 'body' ? ` 第 ${match.paragraph + 1} 段` : ''}
      </span>
      <span className="find-context">
        {match.before}
        <mark>{match.text}</mark>
        {match.after}
      </span>
    </p>
  );
}

function articleTitle(articles: { id: string; headline: string; kicker: string }[], id: string): string {
  const a = articles.find((x) => x.id === id);
  return (a?.headline || a?.kicker || id).slice(0, 16);
}

/** The glyphs of the current occurrence, marked over the page (in the page's own coordinates). */
function MatchMarks({ layout, match }: { layout: PageLayout; match: FindMatch }) {
  const rects = useMemo(() => {
    const out: { x: number; y: number; w: number; h: number }[] = [];
    for (const item of layout.items) {
      const src = item.kind === 'glyphs' ? item.source : undefined;
      if (item.kind !== 'glyphs' || !src || src.owner !== match.articleId || src.field !== match.field) continue;
      if (match.field === 'body' && src.paragraph !== match.paragraph) continue;
      src.offsets.forEach((o, i) => {
        if (o < match.start || o >= match.end) return;
        out.push({ x: item.xs[i], y: item.y - item.size * 0.88, w: item.size * item.hScale, h: item.size });
      });
    }
    return out;
  }, [layout, match]);
  const sheet = document.querySelector('[data-testid="sheet"]');
  if (!sheet || rects.length === 0) return null;
  return createPortal(
    <svg className="find-marks" data-testid="find-marks" viewBox={`0 0 ${layout.width} ${layout.height}`} preserveAspectRatio="none">
      {rects.map((r, i) => (
        <rect key={i} x={r.x - 0.5} y={r.y - 0.5} width={r.w + 1} height={r.h + 1} />
      ))}
    </svg>,
    sheet,
  );
}
