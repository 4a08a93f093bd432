import { useEffect, useMemo, useState } from 'react';
import type { HostApi, HostInfo } from '../src-core/host-api';
import { bringEach, bringFaces, bringWanted, facesToDeclareFirst, fetchFacesFor, firstFaces, loadHostFonts, pageFaces, WINDOW_FACES, type LoadedFonts } from './canvas/fonts';
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
export const BOOT_MARKS = { page: 'bm:page-read', fonts: 'bm:fonts-opened', workspace: 'bm:workspace-here', laidOut: 'bm:page-laid-out', declared: 'bm:faces-declared', complete: 'bm:page-faces-in' } as const;

type Boot =
  | { state: 'loading'; zh: string }
  | { state: 'error'; zh: string; en: string }
  /** `later`: the first page's faces it was shown without (laid out again once they are here). */
  | { state: 'ready'; editor: Editor; fonts: LoadedFonts; later: readonly string[]; info: HostInfo; Ready: typeof ReadyView };

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
  const { registry } = fonts.value;
  // The window's faces and the body text's; the page's other faces right after it is shown (App, below).
  const first = firstFaces(registry, doc);
  const pageFonts = await fetchFacesFor(host, doc, first);
  performance.mark(BOOT_MARKS.fonts);
  if (!pageFonts.ok) return show({ state: 'error', zh: pageFonts.zh, en: pageFonts.en });
  // They are declared while the workspace comes: the first layout draws with them.
  const declaring = fonts.value.declare(first);
  const { Editor, Ready } = await workspace;
  performance.mark(BOOT_MARKS.workspace);
  if (cancelled()) return;
  const editor = new Editor(registry, doc, { path: path ?? null, title });
  // Its other faces come once it is shown (App lays it out again with them); what their stand-ins
  // reached meanwhile (the chain's faces of other weights) is asked again by that layout if needed.
  const later = pageFaces(registry, doc).filter((id) => !first.includes(id));
  registry.clearWanted();
  if (pageFonts.value) editor.notify(pageFonts.value);
  performance.mark(BOOT_MARKS.laidOut);
  // The browser gets the faces the first page draws with now, the others once it is up.
  const declared = await declaring.then((r) => (r.ok ? fonts.value.declare(facesToDeclareFirst(editor.getState().layout)) : r));
  if (!declared.ok) return show({ state: 'error', zh: declared.zh, en: declared.en });
  performance.mark(BOOT_MARKS.declared);
  show({ state: 'ready', editor, fonts: fonts.value, later, info: info.value, Ready });
}

/**
 * The faces after the start: a face a layout reached that is not here yet, the first page's faces it
 * was shown without (`later`), then the faces no page needed yet, when idle.
 */
function useFacesAfterStart(editor: Editor | null, fonts: LoadedFonts | null, later: readonly string[] | null): void {
  // A face a layout reached that is not here yet (an opened page's stand-in or 生僻字 face): brought
  // now, not when the idle loader comes to it, and the page laid out again with it.
  useEffect(() => {
    if (!editor || !fonts) return;
    return editor.subscribe(() => {
      if (fonts.registry.wantedFaces().length === 0) return;
      void bringWanted(fonts).then((r) => (r.ok ? r.value && editor.facesArrived() : editor.notify(r)));
    });
  }, [editor, fonts]);

  // The first page's faces it was shown without: each handed to the browser as it comes, and the
  // page laid out again once all are here. Then the faces no page needed yet, one at a time when the
  // window is idle: a bundled face is fetched and declared, an installed one declared if something fetched it.
  useEffect(() => {
    if (!editor || !fonts || !later) return;
    let stop: (() => void) | undefined;
    let live = true;
    const declareOne = (id: string) =>
      (fonts.registry.isPending(id) ? bringFaces(fonts, [id]) : fonts.declare([id])).then((r) => {
        if (!r.ok) editor.notify(r);
        // a layout made meanwhile that stood in for this face is made again with it
        else editor.facesArrived();
      });
    void bringEach(fonts, later).then((r) => {
      if (!live) return;
      if (!r.ok) editor.notify(r);
      editor.facesArrived();
      performance.mark(BOOT_MARKS.complete);
      stop = declareWhenIdle(
        fonts.faces.map((f) => f.id),
        declareOne,
      );
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [editor, fonts, later]);
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
  const later = boot.state === 'ready' ? boot.later : null;

  useEffect(() => {
    if (!editor) document.title = APP_NAME;
  }, [editor]);

  useFacesAfterStart(editor, fonts, later);

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
