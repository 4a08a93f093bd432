import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StartupPage } from '../src-core/host-api';
import type { PageLayout } from '../src-core/layout/page-layout';
import { PageCanvas, type LayoutOutcome } from './canvas/PageCanvas';
import { loadHostFonts, type LoadedFonts } from './canvas/fonts';
import { connectHost } from './host';

const APP_NAME = '版面 Banmian';

type Loading = { state: 'loading'; zh: string } | { state: 'error'; zh: string; en: string } | { state: 'ready'; page: StartupPage; fonts: LoadedFonts };

function StatusLine({ loading, outcome }: { loading: Loading; outcome?: LayoutOutcome }) {
  if (loading.state === 'loading') return <footer className="status" data-state="loading">{loading.zh}</footer>;
  if (loading.state === 'error' || outcome?.error) {
    const err = loading.state === 'error' ? loading : outcome!.error!;
    return (
      <footer className="status" data-state="error" role="alert">
        <span className="status-error">{err.zh}</span>
        <span className="status-en">{err.en}</span>
      </footer>
    );
  }
  if (!outcome?.layout) return <footer className="status" data-state="loading">正在排版…</footer>;
  return <ReadyStatus layout={outcome.layout} elapsed={outcome.elapsed} fonts={loading.fonts} />;
}

function ReadyStatus({ layout, elapsed, fonts }: { layout: PageLayout; elapsed: number; fonts: LoadedFonts }) {
  const overset = layout.overset.reduce((n, o) => n + o.characters, 0);
  const missing = layout.missingGlyphs;
  const missingCount = missing.reduce((n, m) => n + m.count, 0);
  const glyphRuns = layout.items.filter((i) => i.kind === 'glyphs').length;
  return (
    <footer className="status" data-state="ready">
      <span className={overset > 0 ? 'status-warn' : undefined} data-testid="overset">
        溢排 {overset} 字
      </span>
      {missing.length > 0 && (
        <span className="status-warn" data-testid="missing-glyphs" title={missing.map((m) => `${m.char} (${m.face}, ${m.owner}) ×${m.count}`).join('\n')}>
          缺字 {missingCount}：{[...new Set(missing.map((m) => m.char))].join(' ')}
        </span>
      )}
      <span>{layout.report.page.lines} 行</span>
      <span>{glyphRuns} 段字</span>
      <span>排版 {Math.round(elapsed)} ms</span>
      <span className="status-right">字体 {fonts.faces.length} 款</span>
    </footer>
  );
}

export function App() {
  const host = useMemo(connectHost, []);
  const [loading, setLoading] = useState<Loading>({ state: 'loading', zh: '正在打开版面…' });
  const [outcome, setOutcome] = useState<LayoutOutcome>();
  const [guides, setGuides] = useState(false);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const page = await host.startupPage();
      if (cancelled) return;
      if (!page.ok) return setLoading({ state: 'error', zh: page.zh, en: page.en });
      setLoading({ state: 'loading', zh: '正在加载字体…' });
      const fonts = await loadHostFonts(host);
      if (cancelled) return;
      if (!fonts.ok) return setLoading({ state: 'error', zh: fonts.zh, en: fonts.en });
      setLoading({ state: 'ready', page: page.value, fonts: fonts.value });
    })().catch((e: unknown) => {
      if (!cancelled) setLoading({ state: 'error', zh: `启动失败：${String(e)}`, en: `Startup failed: ${String(e)}` });
    });
    return () => {
      cancelled = true;
    };
  }, [host]);

  const title = loading.state === 'ready' ? loading.page.title : undefined;
  useEffect(() => {
    document.title = title ? `${APP_NAME} — ${title}` : APP_NAME;
  }, [title]);

  const onLayout = useCallback((o: LayoutOutcome) => setOutcome(o), []);
  const paper = loading.state === 'ready' ? loading.page.document.page.header.paperName : '';

  return (
    <div className="app">
      <header className="toolbar">
        <span className="brand">版面</span>
        <span className="doc-title" data-testid="doc-title">
          {paper && <span className="paper">{paper}</span>}
          {title ?? ''}
        </span>
        <span className="spacer" />
        <label className="toggle">
          <input type="checkbox" checked={guides} onChange={(e) => setGuides(e.target.checked)} />
          版心网格
        </label>
      </header>
      <main className="page-area">
        {loading.state === 'ready' ? (
          <PageCanvas document={loading.page.document} fonts={loading.fonts.registry} guides={guides} onLayout={onLayout} />
        ) : (
          <div className="placeholder">{loading.state === 'loading' ? loading.zh : '无法显示版面'}</div>
        )}
      </main>
      <StatusLine loading={loading} outcome={outcome} />
    </div>
  );
}
