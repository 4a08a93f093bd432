import { useEditor } from '../editor/use-editor';
import { PicturesPanel } from '../pictures/PicturesPanel';
import { PreflightPanel } from './PreflightPanel';
import { PropertiesContent } from './PropertiesPanel';
import { badFigureCount } from './quality';
import { StylesPanel } from './StylesPanel';
import { showSideTab, useSideTab, type SideTab } from './side-tabs';
import { usePreflight } from './use-preflight';
import { useSettledLayout } from '../ui/use-settled-layout';
import { FoldButton, FoldedStrip } from './PanelFold';
import './panels.css';

/**
 * The right-hand panel: 属性 (the selection and the page settings), 样式 (the page's named styles),
 * 图片 (the page's pictures) and 预检 (preflight and the
 * typographic report) as tabs. Preflight runs on the settled page whichever tab shows, so the tab
 * can carry the error count.
 */
/** The panel's tabs: [tab, 中文, English]. */
const TABS: readonly [SideTab, string, string][] = [
  ['properties', '属性', 'Properties'],
  ['styles', '样式', 'Styles'],
  ['pictures', '图片', 'Pictures'],
  ['preflight', '预检', 'Preflight'],
];

/** The panel folded (panel-folds.ts): its tabs down a strip, each opening it on that tab. */
export function FoldedSidePanel() {
  return <FoldedStrip side="right" items={TABS.map(([tab, zh, en]) => ({ tab, zh, en }))} />;
}

export function SidePanel() {
  const tab = useSideTab();
  const settled = useSettledLayout();
  const report = usePreflight(settled);
  const typoBad = settled ? badFigureCount(settled.layout.report.page, settled.doc.page.typeset.maxExpansion) : 0;
  const errors = report?.errors.length ?? 0;
  const warnings = report?.warnings.length ?? 0;
  useEditor((s) => s.selection);
  return (
    <aside className="panel panel-right side-panel" data-testid="properties">
      <div className="side-tabs" role="tablist">
        {TABS.map(([id, zh, en]) => (
          <button key={id} role="tab" aria-selected={tab === id} className={`side-tab${tab === id ? ' on' : ''}`} data-testid={`tab-${id}`} title={en} onClick={() => showSideTab(id)}>
            {zh} <small>{en}</small>
            {id === 'preflight' && (
              <span
                className={`tab-badge ${errors ? 'tab-badge-error' : warnings || typoBad ? 'tab-badge-warn' : 'tab-badge-ok'}`}
                data-testid="preflight-badge"
                title={`${errors} errors, ${warnings} warnings, ${typoBad} typographic figures out of the norm`}
              >
                {errors ? errors : warnings + typoBad ? warnings + typoBad : '✓'}
              </span>
            )}
          </button>
        ))}
        <FoldButton side="right" />
      </div>
      {tab === 'preflight' ? <PreflightPanel settled={settled} report={report} /> : tab === 'styles' ? <StylesPanel /> : tab === 'pictures' ? <PicturesPanel /> : <PropertiesContent />}
    </aside>
  );
}
