import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { HostApi, HostInfo } from '../src-core/host-api';
import { CollabDesk } from './collab/desk';
// The presence bar and status line (eager) are styled there too; the dialogs come later.
import './collab/collab.css';
import { CollabContext } from './collab/use-collab';
import { facesToDeclareFirst, fetchFacesFor, loadHostFonts, type LoadedFonts } from './canvas/fonts';
import { LoadedFontsContext } from './canvas/use-fonts';
import { Editor } from './editor/editor';
import { EditionSession } from './edition/edition-session';
import { useFiles } from './files/use-files';
import { connectHost, nativeMenu } from './host';
import { initialIdentity } from './proof/identity';
import { ProofDialogs } from './proof/ProofChrome';
import { ProofSession } from './proof/session';
import { ProofContext } from './proof/use-proof';
import { Workspace } from './workspace/Workspace';

const APP_NAME = '版面 Banmian';

/**
 * Panels the first page does not show load after it, in chunks of their own (the scripts before
 * the first paint are what the start waits for): the edition overview and the sharing dialogs.
 */
const EditionChrome = lazy(() => import('./edition/EditionOverview').then((m) => ({ default: m.EditionChrome })));
const CollabDialogs = lazy(() => import('./collab/CollabDialogs').then((m) => ({ default: m.CollabDialogs })));

type Boot = { state: 'loading'; zh: string } | { state: 'error'; zh: string; en: string } | { state: 'ready'; editor: Editor; fonts: LoadedFonts; info: HostInfo };

export function App() {
  const host = useMemo(connectHost, []);
  const [boot, setBoot] = useState<Boot>({ state: 'loading', zh: '正在打开版面…' });

  useEffect(() => {
    let cancelled = false;
    (async () => {
      // The fonts (the bulk of the start) load while the host reads the page.
      const loadingFonts = loadHostFonts(host);
      const [page, info] = await Promise.all([host.startupPage(), host.hostInfo()]);
      if (cancelled) return;
      if (!page.ok) return setBoot({ state: 'error', zh: page.zh, en: page.en });
      if (!info.ok) return setBoot({ state: 'error', zh: info.zh, en: info.en });
      setBoot({ state: 'loading', zh: '正在加载字体…' });
      const fonts = await loadingFonts;
      if (cancelled) return;
      if (!fonts.ok) return setBoot({ state: 'error', zh: fonts.zh, en: fonts.en });
      const { document: doc, path, title } = page.value;
      const pageFonts = await fetchFacesFor(host, doc);
      if (cancelled) return;
      if (!pageFonts.ok) return setBoot({ state: 'error', zh: pageFonts.zh, en: pageFonts.en });
      const editor = new Editor(fonts.value.registry, doc, { path: path ?? null, title });
      if (pageFonts.value) editor.notify(pageFonts.value);
      // The browser gets the faces the first page draws with now, the others once it is up.
      const declared = await fonts.value.declare(facesToDeclareFirst(editor.getState().layout));
      if (cancelled) return;
      if (!declared.ok) return setBoot({ state: 'error', zh: declared.zh, en: declared.en });
      setBoot({ state: 'ready', editor, fonts: fonts.value, info: info.value });
    })().catch((e: unknown) => {
      if (!cancelled) setBoot({ state: 'error', zh: `启动失败：${String(e)}`, en: `Startup failed: ${String(e)}` });
    });
    return () => {
      cancelled = true;
    };
  }, [host]);

  const editor = boot.state === 'ready' ? boot.editor : null;
  const fonts = boot.state === 'ready' ? boot.fonts : null;

  useEffect(() => {
    if (!editor) document.title = APP_NAME;
  }, [editor]);

  // The faces the first page did not need, when the window is idle after showing it.
  useEffect(() => {
    if (!editor || !fonts) return;
    const declareRest = () =>
      void fonts.declare(fonts.faces.map((f) => f.id)).then((r) => {
        if (!r.ok) editor.notify(r);
      });
    const idle = requestIdleCallback(declareRest, { timeout: 1000 });
    return () => cancelIdleCallback(idle);
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
      <Ready editor={editor} host={host} info={boot.info} />
    </LoadedFontsContext.Provider>
  );
}

function Ready({ editor, host, info }: { editor: Editor; host: HostApi; info: HostInfo }) {
  const edition = useMemo(() => new EditionSession(), []);
  const { actions, dialogs, importDropped } = useFiles(editor, host, info, edition);
  const menu = nativeMenu();
  const proof = useMemo(() => new ProofSession(editor, host, info, initialIdentity()), [editor, host, info]);
  const collab = useMemo(() => new CollabDesk(editor, proof, host), [editor, proof, host]);
  // A share the host resumed after a crash is rejoined; unsynced edits of other pages are offered.
  useEffect(() => void collab.resumeShare(), [collab]);
  return (
    <ProofContext.Provider value={proof}>
      <CollabContext.Provider value={collab}>
        <Workspace editor={editor} files={actions} nativeMenu={menu} onFilesDropped={importDropped}>
          {dialogs}
          <ProofDialogs />
          <Suspense fallback={null}>
            <EditionChrome session={edition} editor={editor} host={host} />
            <CollabDialogs />
          </Suspense>
        </Workspace>
      </CollabContext.Provider>
    </ProofContext.Provider>
  );
}
