import { useMemo, useState } from 'react';
import type { TypoReport } from '../../src-core/layout/page-layout';
import type { PreflightReport } from '../../src-core/preflight';
import type { Editor } from '../editor/editor';
import { useEditor, useEditorInstance } from '../editor/use-editor';
import { articleQualities, emLabel, panelIssues, qualityFigures, withinLimitPercent, type ArticleQuality } from './quality';
import type { Settled } from '../ui/use-settled-layout';

/**
 * 预检: the preflight report the PDF export runs (errors block the export) and the typographic
 * report of the page and of each article, on the page as it stood when the editor last paused.
 * Every line that names an article or an image selects its block.
 */
export function PreflightPanel({ settled, report }: { settled: Settled | null; report: PreflightReport | null }) {
  const editor = useEditorInstance();
  const selection = useEditor((s) => s.selection);
  const issues = useMemo(() => (settled && report ? panelIssues(settled.doc, report) : []), [settled, report]);
  const articles = useMemo(() => (settled ? articleQualities(settled.doc, settled.layout) : []), [settled]);
  if (!settled || !report) return <p className="hint">正在排版… · Laying out…</p>;
  const max = settled.doc.page.typeset.maxExpansion;
  const page = settled.layout.report.page;
  return (
    <div className="preflight-panel" data-testid="preflight-panel" data-columns={settled.doc.page.grid.columns}>
      <section className="panel-section" data-testid="preflight-issues">
        <h3 title="Preflight: errors block the PDF export">
          印前检查 <small>Preflight</small>
          <span className="count" data-testid="preflight-counts">
            <span className={report.errors.length ? 'pf-count-error' : undefined}>{report.errors.length} 错误</span> ·{' '}
            <span className={report.warnings.length ? 'pf-count-warn' : undefined}>{report.warnings.length} 警告</span>
          </span>
        </h3>
        {issues.length === 0 ? (
          <p className="pf-ok" data-testid="preflight-ok">
            ✓ 可以付印 <small>Ready to print: no errors or warnings</small>
          </p>
        ) : (
          <ul className="pf-issues">
            {issues.map((i, n) => (
              <li key={n}>
                <button
                  className={`pf-issue pf-${i.severity}${i.target && i.target === selection ? ' selected' : ''}`}
                  data-testid="preflight-issue"
                  data-severity={i.severity}
                  data-code={i.code}
                  data-target={i.target ?? ''}
                  disabled={!i.target}
                  title={i.target ? `${i.en}\n(click to select the block)` : i.en}
                  onClick={() => i.target && selectBlock(editor, i.target)}
                >
                  <span className="pf-mark">{i.severity === 'error' ? '错误' : '警告'}</span>
                  <span className="pf-text">
                    {i.zh}
                    <small>{i.en}</small>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel-section" data-testid="typo-page">
        <h3 title="Typographic report of the whole page">
          排版质量 · 全版 <small>Typography, page</small>
        </h3>
        <Figures report={page} max={max} testId="typo-page-figures" />
      </section>
      <section className="panel-section" data-testid="typo-articles">
        <h3 title="Typographic report per article; click one to select its block">
          各稿 <small>Per article</small>
        </h3>
        <ul className="pf-articles">
          {articles.map((a) => (
            <ArticleRow key={a.articleId} a={a} max={max} selected={!!a.blockId && a.blockId === selection} />
          ))}
        </ul>
        <p className="hint">
          字距上限 {emLabel(max)} · Expansion limit
        </p>
      </section>
    </div>
  );
}

function selectBlock(editor: Editor, blockId: string): void {
  editor.select(blockId);
  // Bring the block into view if the page is zoomed in.
  const el = document.querySelector(`[data-testid="overlay"] g.frame[data-block="${CSS.escape(blockId)}"]`);
  el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
}

function Figures({ report, max, testId }: { report: TypoReport; max: number; testId: string }) {
  return (
    <dl className="pf-figures" data-testid={testId}>
      {qualityFigures(report, max).map((f) => (
        <div key={f.key} className={f.bad ? 'bad' : undefined} data-figure={f.key} title={f.en}>
          <dt>{f.zh}</dt>
          <dd>{f.text}</dd>
        </div>
      ))}
    </dl>
  );
}

function ArticleRow({ a, max, selected }: { a: ArticleQuality; max: number; selected: boolean }) {
  const editor = useEditorInstance();
  const [open, setOpen] = useState(false);
  const r = a.report;
  const within = withinLimitPercent(r);
  return (
    <li className={`pf-article${selected ? ' selected' : ''}${a.bad ? ' bad' : ''}`} data-testid="typo-article" data-article={a.articleId} data-block={a.blockId ?? ''}>
      <div className="pf-article-head">
        <button className="pf-toggle" aria-expanded={open} title={open ? 'Hide figures' : 'Show all figures'} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'}
        </button>
        <button className="pf-article-title" disabled={!a.blockId} title="Select the article's block" onClick={() => a.blockId && selectBlock(editor, a.blockId)}>
          {a.title}
        </button>
        <span className="pf-article-sum" title={`${r.lines} lines, ${within.toFixed(1)}% within ${emLabel(max)}, ${r.loneCharacters} lone characters, ${r.looseLines} loose lines`}>
          {r.lines} 行 · {within.toFixed(within === 100 ? 0 : 1)}%{r.loneCharacters ? ` · 孤 ${r.loneCharacters}` : ''}
          {r.looseLines ? ` · 松 ${r.looseLines}` : ''}
        </span>
      </div>
      {open && <Figures report={r} max={max} testId="typo-article-figures" />}
    </li>
  );
}
