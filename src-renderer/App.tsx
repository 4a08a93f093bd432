import { useEffect, useMemo, useState } from 'react';
import type { HostApi, HostInfo } from '../src-core/host-api';
import { bringFaces, bringWanted, facesToDeclareFirst, fetchFacesFor, fetchWanted, loadHostFonts, pageFaces, WINDOW_FACES, type LoadedFonts } from './canvas/fonts';
import { declareWhenIdle } from './canvas/declare-when-idle';
import { LoadedFontsContext } from './canvas/use-fonts';
import { connectHost } from './host';
import type { Editor, Ready as ReadyView } from './Ready';

/**
 * The entry holds only the start (React, the host connection, the font loader) so the window paints
 * its first words early; the workspace (editor, canvas, store, panels) is its own chunk, fetched and
 * parsed while the host reads the page and the fonts come (loadWorkspace).
 */
const loadWorkspace = () => afterFirstPaint().then(() => import('./Ready'));

/** How long the start waits for the first paint to be reported before it fetches the workspace anyway (a hidden window paints later). */
const FIRST_PAINT_WAIT_MS = 500;

/** Once the window has painted its first words (Paint Timing's first-contentful-paint). */
function afterFirstPaint(): Promise<void> {
  return new Promise((done) => {
    const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
    if (painted()) return done();
    const observer = new PerformanceObserver(() => void (painted() && finish()));
    const timer = setTimeout(() => finish(), FIRST_PAINT_WAIT_MS);
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
      done();
    };
    try {
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      finish();
    }
  });
}

const APP_NAME = '版面 Banmian';

/**
 * Marks on the way to the first drawn page (User Timing): the bench reads them for its breakdown of
 * the start (bench/editor.bench.ts).
 */
export const BOOT_MARKS = { page: 'bm:page-read', fonts: 'bm:fonts-opened', laidOut: 'bm:page-laid-out', declared: 'bm:faces-declared' } as const;

type Boot =
  | { state: 'loading'; zh: string }
  | { state: 'error'; zh: string; en: string }
  | { state: 'ready'; editor: Editor; fonts: LoadedFonts; info: HostInfo; Ready: typeof ReadyView };

/**
 * The start: the page and the fonts from the host, the workspace's chunk, the page laid out and its
 * faces declared; each step shown (`show`) until the workspace is ready or a step fails.
 */
async function startUp(host: HostApi, cancelled: () => boolean, show: (boot: Boot) => void): Promise<void> {
  // The faces are listed, and the window's own fetched and handed to the browser (which decodes
  // them on this thread), while the host reads the page.
  const loadingFonts = loadHostFonts(host).then((r) => (r.ok && void bringFaces(r.value, WINDOW_FACES), r));
  const workspace = loadWorkspace();
  const [page, info] = await Promise.all([host.startupPage(), host.hostInfo()]);
  performance.mark(BOOT_MARKS.page);
  if (!page.ok) return show({ state: 'error', zh: page.zh, en: page.en });
  if (!info.ok) return show({ state: 'error', zh: info.zh, en: info.en });
  show({ state: 'loading', zh: '正在加载字体…' });
  const fonts = await loadingFonts;
  if (!fonts.ok) return show({ state: 'error', zh: fonts.zh, en: fonts.en });
  const { document: doc, path, title } = page.value;
  // Only the faces this page's styles set text in; the others come when idle (App, below).
  const pageFonts = await fetchFacesFor(host, doc);
  performance.mark(BOOT_MARKS.fonts);
  if (!pageFonts.ok) return show({ state: 'error', zh: pageFonts.zh, en: pageFonts.en });
  // Its styles' faces are declared while the workspace comes: the first layout draws with them.
  const declaring = fonts.value.declare(pageFaces(fonts.value.registry, doc));
  const { Editor, Ready } = await workspace;
  if (cancelled()) return;
  let editor = new Editor(fonts.value.registry, doc, { path: path ?? null, title });
  // A glyph its faces lack, or a stand-in for a missing family, reached a face not fetched: laid out again with it.
  for (let more = await fetchWanted(fonts.value); more.ok && more.value; more = await fetchWanted(fonts.value)) {
    // The first one is let go (nothing holds it): its store was made from the same page.
    editor = new Editor(fonts.value.registry, doc, { path: path ?? null, title });
  }
  if (pageFonts.value) editor.notify(pageFonts.value);
  performance.mark(BOOT_MARKS.laidOut);
  // The browser gets the faces the first page draws with now, the others once it is up.
  const declared = await declaring.then((r) => (r.ok ? fonts.value.declare(facesToDeclareFirst(editor.getState().layout)) : r));
  if (!declared.ok) return show({ state: 'error', zh: declared.zh, en: declared.en });
  performance.mark(BOOT_MARKS.declared);
  show({ state: 'ready', editor, fonts: fonts.value, info: info.value, Ready });
}

export function App() {
  const host = useMemo(connectHost, []);
  const [boot, setBoot] = useState<Boot>({ state: 'loading', zh: '正在打开版面…' });

  useEffect(() => {
    let cancelled = false;
    const show = (next: Boot) => void (!cancelled && setBoot(next));
    startUp(host, () => cancelled, show).catch((e: unknown) => show({ state: 'error', zh: `启动失败：${String(e)}`, en: `Startup failed: ${String(e)}` }));
    return () => {
      cancelled = true;
    };
  }, [host]);

  const editor = boot.state === 'ready' ? boot.editor : null;
  const fonts = boot.state === 'ready' ? boot.fonts : null;

  useEffect(() => {
    if (!editor) document.title = APP_NAME;
  }, [editor]);

  // A face a layout reached that is not here yet (an opened page's stand-in or 生僻字 face): brought
  // now, not when the idle loader comes to it, and the page laid out again with it.
  useEffect(() => {
    if (!editor || !fonts) return;
    return editor.subscribe(() => {
      if (fonts.registry.wantedFaces().length === 0) return;
      void bringWanted(fonts).then((r) => (r.ok ? r.value && editor.facesArrived() : editor.notify(r)));
    });
  }, [editor, fonts]);

  // The faces the first page did not need, one at a time when the window is idle after showing it:
  // a bundled face is fetched and declared, an installed one declared if something fetched it.
  useEffect(() => {
    if (!editor || !fonts) return;
    const declareOne = (id: string) =>
      (fonts.registry.isPending(id) ? bringFaces(fonts, [id]) : fonts.declare([id])).then((r) => {
        if (!r.ok) editor.notify(r);
        // a layout made meanwhile that stood in for this face is made again with it
        else editor.facesArrived();
      });
    return declareWhenIdle(
      fonts.faces.map((f) => f.id),
      declareOne,
    );
  }, [editor, fonts]);

  if (boot.state !== 'ready' || !editor || !fonts) {
    return (
      <div className="app boot">
        <div className="placeholder">{boot.state === 'loading' ? boot.zh : '无法显示版面'}</div>
        {boot.state === 'error' ? (
          <footer className="status" data-state="error" role="alert">
            <span className="status-error">{boot.zh}</span>
            <span className="status-en">{boot.en}</span>
          </footer>
        ) : (
          <footer className="status" data-state="loading">
            {boot.state === 'loading' ? boot.zh : ''}
          </footer>
        )}
      </div>
    );
  }
  return (
    <LoadedFontsContext.Provider value={fonts}>
      <boot.Ready editor={editor} host={host} info={boot.info} />
    </LoadedFontsContext.Provider>
  );
}
