import { useMemo, useState, useSyncExternalStore } from 'react';
import { layout } from '../../src-core/layout/layout';
import { makeUp, type Alternative, type MakeUpResult } from '../../src-core/makeup';
import { pageToSvg } from '../../src-core/svg/page-svg';
import { cssFamily, svgAdvance } from '../canvas/fonts';
import type { Editor } from '../editor/editor';
import { useEditorInstance } from '../editor/use-editor';
import { makeUpRequest } from '../editor/makeup-request';
import './makeup.css';

/** 自动组版: the engine's ranked alternatives as thumbnails; one click applies one (one undo step). */
let result: MakeUpResult | null = null;
const listeners = new Set<() => void>();
const show = (r: MakeUpResult | null) => {
  result = r;
  for (const l of listeners) l();
};

/** Makes up the page now (locked blocks kept, the rest re-made) and opens the choice. */
export function openMakeUp(editor: Editor): void {
  show(makeUp(makeUpRequest(editor.getState().doc), { fonts: editor.fonts }));
}

export function MakeUpDialog() {
  const r = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => result,
  );
  return r ? <Choices result={r} onClose={() => show(null)} /> : null;
}

const pct = (v: number): string => `${Math.round(v * 100)}%`;

function Choices({ result: r, onClose }: { result: MakeUpResult; onClose: () => void }) {
  const editor = useEditorInstance();
  const [chosen, setChosen] = useState(0);
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
        {r.alternatives.length === 0 && <p className="status-error">没有可用的版面 · No page could be made up</p>}
        <ol className="makeup-choices">
          {r.alternatives.map((alt, i) => (
            <li key={i}>
              <button className={`makeup-choice${i === chosen ? ' chosen' : ''}`} data-testid="makeup-choice" onMouseEnter={() => setChosen(i)} onClick={() => apply(alt)} title={alt.moves.map((m) => m.zh).join('\n')}>
                <Thumbnail alt={alt} />
                <ScoreLine alt={alt} rank={i + 1} />
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

function ScoreLine({ alt, rank }: { alt: Alternative; rank: number }) {
  const s = alt.score;
  return (
    <span className="makeup-score" data-testid="makeup-score">
      <b>方案 {rank}</b> 满版 {pct(s.fill)} · 层次 {pct(s.hierarchy)} · 均衡 {pct(s.balance)} · 图片 {pct(s.pictures)}
      <small>
        fill, hierarchy, balance, pictures · 标题 {s.headlineSizes.join('/')} pt
      </small>
      {alt.heldOver.length > 0 && (
        <span className="makeup-held" data-testid="makeup-held">
          待用 {alt.heldOver.length} 篇：{alt.heldOver.map((h) => h.headline || h.articleId).join('、')}
        </span>
      )}
    </span>
  );
}

/** The alternative drawn with the page's own SVG path, scaled down by CSS. */
function Thumbnail({ alt }: { alt: Alternative }) {
  const editor = useEditorInstance();
  const svg = useMemo(() => {
    const images = new Map(alt.document.images.filter((i) => i.data).map((i) => [i.id, `data:${i.mime};base64,${i.data}`]));
    const pl = layout(alt.document, { fonts: editor.fonts });
    return pageToSvg(pl, { fontFamily: cssFamily, imageHref: (id) => images.get(id), advance: svgAdvance(editor.fonts) });
  }, [alt, editor]);
  // The markup is ours: pageToSvg escapes all text.
  return <span className="makeup-thumb" data-testid="makeup-thumb" dangerouslySetInnerHTML={{ __html: svg }} />;
}
