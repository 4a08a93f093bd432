import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { MenuBridge } from '../../src-core/host-api';
import { PageCanvas } from '../canvas/PageCanvas';
import { collabCommands } from '../collab/commands';
import { CollabStatusLine, PeopleBar } from '../collab/Presence';
import { useCollab, useCollabDesk } from '../collab/use-collab';
import type { Editor } from '../editor/editor';
import { ACTUAL_SIZE } from '../editor/geometry';
import { EditorContext, useEditor, useEditorInstance, useEditorSettled } from '../editor/use-editor';
import { proofCommands } from '../proof/commands';
import { ErrorRateStatus, ProofDock } from '../proof/ProofPanel';
import { IdentityChip, ProofButton, useRoleTitle } from '../proof/ProofChrome';
import { useProofSession } from '../proof/use-proof';
import { dockWidthVars, StoryDock } from '../story/StoryDock';
import { activeStory } from '../story/active-story';
import { storyCommands } from '../story/commands';
import { ArticlesPanel, FoldedArticlesPanel } from './ArticlesPanel';
import { usePanelFolds, workspaceColumns } from './panel-folds';
import { commandForKeyPress, commandSpec } from '../../src-core/commands';
import { runIfEnabled, type Command } from '../command-binding';
import { buildCommands } from './commands';
import type { FileActions } from '../files/file-actions';
import { mm } from './format';
import { MenuBar, Toolbar } from './MenuBar';
import { FoldedSidePanel, SidePanel } from './SidePanel';
import { FindBar } from '../find/FindBar';
import { Notice } from './Notice';
import { ShortcutsDialog } from './ShortcutsDialog';
import { NewPageDialog } from '../files/NewPageDialog';
import { MakeUpDialog } from '../makeup/MakeUpDialog';

const APP_NAME = '版面 Banmian';

const isTyping = (t: EventTarget | null): boolean => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

/** The window a 组版 editor works in: menus and toolbar, 稿件 on the left, the page (and the story editor docked beside it), 属性 on the right, the status line. */
export function Workspace({ editor, files, nativeMenu, onFilesDropped, more, children }: { editor: Editor; files: FileActions; nativeMenu?: MenuBridge; onFilesDropped?: (files: File[], at: { col: number; row: number } | null) => void; /** Commands bound elsewhere (the open edition's), over the workspace's own of the same id. */ more?: readonly Command[]; children?: ReactNode }) {
  const proof = useProofSession();
  const collab = useCollabDesk();
  const canvasArea = useRef<HTMLElement>(null);
  const folds = usePanelFolds(canvasArea);
  const commands = useMemo(
    () => new Map([...buildCommands(editor, files), ...[...proofCommands(proof), ...storyCommands(activeStory(editor)), ...(collab ? collabCommands(collab) : []), ...(more ?? [])].map((c) => [c.id, c] as const)]),
    [editor, files, proof, collab, more],
  );

  // Electron's native menu runs the same commands (its shortcuts are handled below, not by the menu);
  // its items cannot show the page's state, so a command disabled now is refused here.
  useEffect(() => nativeMenu?.onCommand((id) => void runIfEnabled(commands.get(id))), [nativeMenu, commands]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const typing = isTyping(e.target);
      const id = commandForKeyPress(e);
      const runs = !typing || ((e.ctrlKey || e.metaKey) && !commandSpec(id ?? '')?.onCanvas);
      if (id && runs && runIfEnabled(commands.get(id))) {
        e.preventDefault();
        return;
      }
      if (typing) return;
      if (e.key.startsWith('Arrow') && !e.ctrlKey && !e.metaKey) {
        if (editor.nudge(e.key, e.shiftKey)) e.preventDefault();
      } else if (e.key === 'Escape') {
        if (editor.getState().interaction) editor.cancelInteraction();
        else editor.select(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, editor]);

  return (
    <EditorContext.Provider value={editor}>
      <div className="app workspace" data-testid="workspace" style={{ gridTemplateColumns: workspaceColumns(folds) }}>
        <header className="chrome-top">
          <div className="titlebar">
            <span className="brand">版面</span>
            <MenuBar commands={commands} showMenus={!nativeMenu} />
            <DocTitle />
            <PeopleBar />
            <ProofButton />
            <IdentityChip />
          </div>
          <Toolbar commands={commands} />
        </header>
        {folds.left ? <FoldedArticlesPanel /> : <ArticlesPanel />}
        <main className="canvas-area" ref={canvasArea} style={dockWidthVars}>
          <PageCanvas onFilesDropped={onFilesDropped} />
          <StoryDock area={canvasArea} />
          <ProofDock />
        </main>
        {folds.right ? <FoldedSidePanel /> : <SidePanel />}
        <FindBar />
        <NewPageDialog />
        <MakeUpDialog />
        <ShortcutsDialog />
        <StatusLine />
        <Notice />
        {children}
      </div>
    </EditorContext.Provider>
  );
}

function DocTitle() {
  const file = useEditor((s) => s.file);
  // A joined page lives on the server (every change is stored there): nothing to save, so no dot.
  const joined = useCollab((s) => s.mode === 'joined') ?? false;
  const dirty = useEditor((s) => s.dirty) && !joined;
  const paper = useEditor((s) => s.doc.page.header.paperName);
  const role = useRoleTitle();
  useEffect(() => {
    document.title = `${dirty ? '● ' : ''}${APP_NAME} — ${file.title}${role}`;
  }, [dirty, file.title, role]);
  return (
    <span className="doc-title" data-testid="doc-title" title={file.path ?? file.title}>
      {paper && <span className="paper">{paper}</span>}
      {file.title}
      {dirty && (
        <span className="dirty" data-testid="dirty" title="Unsaved changes">
          {' '}
          ●
        </span>
      )}
    </span>
  );
}

function StatusLine() {
  const layout = useEditor((s) => s.layout);
  const error = useEditor((s) => s.layoutError);
  // The layout time as of the last pause: it changes with every keystroke (useEditorSettled).
  const ms = useEditorSettled((s) => s.layoutMs);
  const zoom = useEditor((s) => s.zoom);
  const selection = useEditor((s) => s.selection);
  const blocks = useEditor((s) => s.doc.blocks);
  const geo = useEditor((s) => s.geo);
  if (error) {
    return (
      <footer className="status" data-state="error" role="alert">
        <span className="status-error">{error.zh}</span>
        <span className="status-en">{error.en}</span>
      </footer>
    );
  }
  if (!layout) return <footer className="status" data-state="loading">正在排版…</footer>;
  const overset = layout.overset.reduce((n, o) => n + o.characters, 0);
  const missing = layout.missingGlyphs;
  const missingCount = missing.reduce((n, m) => n + m.count, 0);
  const underset = layout.frames.reduce((n, f) => n + (f.kind === 'article' ? f.emptyLines : 0), 0);
  const block = selection ? blocks.find((b) => b.id === selection) : undefined;
  return (
    <footer className="status" data-state="ready">
      <span className={overset > 0 ? 'status-warn' : undefined} data-testid="overset" title="Overset characters on the page">
        溢排 {overset} 字
      </span>
      <span data-testid="underset" title="Empty lines at the foot of article blocks">
        空行 {underset}
      </span>
      {missing.length > 0 && (
        <span className="status-warn" data-testid="missing-glyphs" title={missing.map((m) => `${m.char} (${m.face}, ${m.owner}) ×${m.count}`).join('\n')}>
          缺字 {missingCount}：{[...new Set(missing.map((m) => m.char))].join(' ')}
        </span>
      )}
      <span title="Lines on the page">{layout.report.page.lines} 行</span>
      <span className="status-ms" data-testid="layout-ms" title="Layout time">
        排版 {ms.toFixed(1)} ms
      </span>
      {block && block.kind !== 'rule' && (
        <span data-testid="status-selection" title="Selection: first column, span, first line, depth">
          第 {block.col + 1} 栏起 跨 {block.span} 栏 · 第 {block.row + 1} 行起 {block.rows} 行 · {mm(block.span * geo.colWidth + (block.span - 1) * geo.gutter)}
        </span>
      )}
      <ErrorRateStatus />
      <CollabStatusLine />
      <span className="status-right" title="Zoom">
        {Math.round((zoom / ACTUAL_SIZE) * 100)}%
      </span>
    </footer>
  );
}
