import { useEffect, useMemo, useState } from 'react';
import type { StartupPage } from '../src-core/host-api';
import { loadHostFonts, type LoadedFonts } from './canvas/fonts';
import { Editor } from './editor/editor';
import { connectHost, hostKind } from './host';
import type { FileActions } from './workspace/commands';
import { Workspace } from './workspace/Workspace';

const APP_NAME = '版面 Banmian';

type Boot = { state: 'loading'; zh: string } | { state: 'error'; zh: string; en: string } | { state: 'ready'; page: StartupPage; fonts: LoadedFonts };

export function App() {
  const host = useMemo(connectHost, []);
  const [boot, setBoot] = useState<Boot>({ state: 'loading', zh: '正在打开版面…' });

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const page = await host.startupPage();
      if (cancelled) return;
      if (!page.ok) return setBoot({ state: 'error', zh: page.zh, en: page.en });
      setBoot({ state: 'loading', zh: '正在加载字体…' });
      const fonts = await loadHostFonts(host);
      if (cancelled) return;
      if (!fonts.ok) return setBoot({ state: 'error', zh: fonts.zh, en: fonts.en });
      setBoot({ state: 'ready', page: page.value, fonts: fonts.value });
    })().catch((e: unknown) => {
      if (!cancelled) setBoot({ state: 'error', zh: `启动失败：${String(e)}`, en: `Startup failed: ${String(e)}` });
    });
    return () => {
      cancelled = true;
    };
  }, [host]);

  const editor = useMemo(() => (boot.state === 'ready' ? new Editor(boot.fonts.registry, boot.page.document, { path: null, title: boot.page.title }) : null), [boot]);

  useEffect(() => {
    if (!editor) document.title = APP_NAME;
  }, [editor]);

  const files = useMemo<FileActions | null>(() => {
    if (!editor) return null;
    const later = (zh: string, en: string) => () => editor.notify({ zh: `${zh}尚未接通`, en: `${en} is not connected yet` }, 'info');
    return {
      newPage: later('新建版面', 'New page'),
      open: later('打开', 'Open'),
      save: later('保存', 'Save'),
      saveAs: later('另存为', 'Save As'),
      importFiles: later('导入', 'Import'),
      exportPdf: later('导出 PDF', 'PDF export'),
      findReplace: later('查找替换', 'Find and replace'),
    };
  }, [editor]);

  if (boot.state !== 'ready' || !editor || !files) {
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
  return <Workspace editor={editor} files={files} showMenus={hostKind() === 'web' || true} />;
}
