import { useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { layout } from '../../src-core/layout/layout';
import { heldCount, heldName, makeUp, type Alternative, type MakeUpResult } from '../../src-core/makeup';
import { cutParagraphsByArticle } from '../../src-core/model/cut-articles';
import type { Article } from '../../src-core/model/document';
import { pageToSvg } from '../../src-core/svg/page-svg';
import { cssFamily, svgAdvance } from '../canvas/fonts';
import type { Editor } from '../editor/editor';
import { useEditorInstance } from '../editor/use-editor';
import { useEscape } from '../ui/dialog';
import { makeUpRequest } from '../editor/makeup-request';
import './makeup.css';
import { assetHref } from '../../src-core/model/asset-href';

/** 自动组版: the engine's ranked alternatives as thumbnails; one click applies one (one undo step). */
interface Shown {
  result: MakeUpResult;
  /** The user allowed cutting 可删 paragraphs for this run. */
  allowCut: boolean;
}
let shown: Shown | null = null;
const listeners = new Set<() => void>();
const show = (s: Shown | null) => {
  shown = s;
  for (const l of listeners) l();
};

/** Makes up the page now (locked blocks kept, the rest re-made) and opens the choice. */
export function openMakeUp(editor: Editor, allowCut = false): void {
  const request = makeUpRequest(editor.getState().doc);
  show({ result: makeUp({ ...request, options: { ...request.options, allowCut, fillShort: true } }, { fonts: editor.fonts }), allowCut });
}

export function MakeUpDialog() {
  const r = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => shown,
  );
  return r ? <Choices result={r.result} allowCut={r.allowCut} onClose={() => show(null)} /> : null;
}

const pct = (v: number): string => `${Math.round(v * 100)}%`;

function Choices({ result: r, allowCut, onClose }: { result: MakeUpResult; allowCut: boolean; onClose: () => void }) {
  const editor = useEditorInstance();
  const articles = editor.getState().doc.articles;
  const [chosen, setChosen] = useState(0);
  useEscape(onClose);
  const apply = (alt: Alternative) => {
    editor.applyMakeUp(alt);
    onClose();
  };
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog makeup-dialog" role="dialog" aria-modal="true" data-testid="dialog-makeup" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => (e.key === 'Escape' ? onClose() : e.key === 'Enter' ? r.alternatives[chosen] && apply(r.alternatives[chosen]) : undefined, e.stopPropagation())}>
        <h2>
          自动组版 <small>Make up the page</small>
        </h2>
        <p className="hint">锁定的块保持不动，其余重新组版；单击版样即采用（可撤销）· Locked blocks stay; the rest is made up anew. Click a page to use it (Ctrl+Z undoes it).</p>
        <label className="makeup-allow-cut">
          <input type="checkbox" data-testid="makeup-allow-cut" checked={allowCut} onChange={(e) => openMakeUp(editor, e.target.checked)} /> 允许删去可删段落 <small>Allow cutting 可删 paragraphs</small>
        </label>
        {r.alternatives.length === 0 && <p className="status-error">没有可用的版面 · No page could be made up</p>}
        <ol className="makeup-choices">
          {r.alternatives.map((alt, i) => (
            <li key={i}>
              <button className={`makeup-choice${i === chosen ? ' chosen' : ''}`} data-testid="makeup-choice" onMouseEnter={() => setChosen(i)} onClick={() => apply(alt)} title={alt.moves.map((m) => m.zh).join('\n')}>
                <Thumbnail alt={alt} />
                <ScoreLine alt={alt} rank={i + 1} cuts={<CutMoves alt={alt} before={articles} />} />
              </button>
            </li>
          ))}
        </ol>
        {r.notes.length > 0 && (
          <ul className="makeup-notes">
            {r.notes.map((n, i) => (
              <li key={i}>
                {n.zh} <small>{n.en}</small>
              </li>
            ))}
          </ul>
        )}
        <div className="buttons">
          <button onClick={onClose}>取消 Cancel</button>
        </div>
      </div>
    </div>
  );
}

/** The score, then what was cut (the user asked for it, so it comes before the list held over). */
function ScoreLine({ alt, rank, cuts }: { alt: Alternative; rank: number; cuts: ReactNode }) {
  const s = alt.score;
  return (
    <span className="makeup-score" data-testid="makeup-score">
      <b>方案 {rank}</b> 满版 {pct(s.fill)} · 层次 {pct(s.hierarchy)} · 均衡 {pct(s.balance)} · 图片 {pct(s.pictures)}
      <small>
        fill, hierarchy, balance, pictures · 标题 {s.headlineSizes.join('/')} pt
      </small>
      {cuts}
      {alt.heldOver.length > 0 && (
        <span className="makeup-held" data-testid="makeup-held">
          {heldCount(alt.heldOver).zh}：{alt.heldOver.map((h) => heldName(h, alt.document)).join('、')}
        </span>
      )}
    </span>
  );
}

/** The moves of the articles this alternative cut 可删 paragraphs from, named as the engine names them. */
function CutMoves({ alt, before }: { alt: Alternative; before: readonly Article[] }) {
  const cut = cutParagraphsByArticle(before, alt.document.articles);
  const moves = alt.moves.filter((m) => cut.has(m.articleId));
  if (!moves.length) return null;
  const headline = (id: string) => before.find((a) => a.id === id)?.headline || id;
  return (
    <span className="makeup-cuts" data-testid="makeup-cut">
      {moves.map((m) => (
        <span key={m.articleId} className="makeup-cut">
          删段《{headline(m.articleId)}》：{m.zh} <small>{m.en}</small>
        </span>
      ))}
    </span>
  );
}

/** The alternative drawn with the page's own SVG path, scaled down by CSS. */
function Thumbnail({ alt }: { alt: Alternative }) {
  const editor = useEditorInstance();
  const svg = useMemo(() => {
    const images = new Map(alt.document.images.map((i) => [i.id, assetHref(i)]));
    const pl = layout(alt.document, { fonts: editor.fonts });
    return pageToSvg(pl, { fontFamily: cssFamily, imageHref: (id) => images.get(id), advance: svgAdvance(editor.fonts) });
  }, [alt, editor]);
  // The markup is ours: pageToSvg escapes all text.
  return <span className="makeup-thumb" data-testid="makeup-thumb" dangerouslySetInnerHTML={{ __html: svg }} />;
}
