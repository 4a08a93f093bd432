import { foldPanel, type Side } from './panel-folds';
import { showSideTab, type SideTab } from './side-tabs';

/** The button on an open side panel that folds it to a strip. */
export function FoldButton({ side }: { side: Side }) {
  return (
    <button className="panel-fold" data-testid={`fold-${side}`} title="收起面板 · Fold the panel" aria-label="收起 Fold" onClick={() => foldPanel(side, true)}>
      {side === 'left' ? '«' : '»'}
    </button>
  );
}

/** What a folded panel leaves: a strip of its names, each opening the panel (on that tab). */
export function FoldedStrip({ side, items }: { side: Side; items: readonly { zh: string; en: string; tab?: SideTab }[] }) {
  return (
    <aside className={`panel-strip panel-strip-${side}`} data-testid={`folded-${side}`}>
      {items.map((it) => (
        <button
          key={it.zh}
          className="panel-strip-item"
          data-testid={it.tab ? `tab-${it.tab}` : `unfold-${side}`}
          title={`${it.en} — 展开 · open`}
          onClick={() => {
            if (it.tab) showSideTab(it.tab);
            foldPanel(side, false);
          }}
        >
          {it.zh}
        </button>
      ))}
    </aside>
  );
}
