import { lazy, Suspense, useEffect, useMemo } from 'react';
import type { HostApi, HostInfo } from '../src-core/host-api';
import { CollabDesk } from './collab/desk';
// The presence bar and status line (eager) are styled there too; the dialogs come later.
import './collab/collab.css';
import { CollabContext } from './collab/use-collab';
import type { Editor } from './editor/editor';
import { EditionSession } from './edition/edition-session';
import { editionCommands } from './edition/commands';
import { useFiles } from './files/use-files';
import { nativeMenu } from './host';
import { initialIdentity } from './proof/identity';
import { ProofDialogs } from './proof/ProofChrome';
import { ProofSession } from './proof/session';
import { ProofContext } from './proof/use-proof';
import { Workspace } from './workspace/Workspace';
// After every stylesheet the workspace's modules bring, as it always came: its rules win over theirs.
import './styles.css';

export { Editor } from './editor/editor';

/**
 * Panels the first page does not show load after it, in chunks of their own (the scripts before
 * the first paint are what the start waits for): the edition overview and the sharing dialogs.
 */
const EditionChrome = lazy(() => import('./edition/EditionOverview').then((m) => ({ default: m.EditionChrome })));
const CollabDialogs = lazy(() => import('./collab/CollabDialogs').then((m) => ({ default: m.CollabDialogs })));

/** The workspace over a page that is laid out and drawable (App shows it once the start is done). */
export function Ready({ editor, host, info }: { editor: Editor; host: HostApi; info: HostInfo }) {
  const edition = useMemo(() => new EditionSession(), []);
  const { actions, dialogs, importDropped } = useFiles(editor, host, info, edition);
  const menu = nativeMenu();
  const proof = useMemo(() => new ProofSession(editor, host, info, initialIdentity()), [editor, host, info]);
  const collab = useMemo(() => new CollabDesk(editor, proof, host), [editor, proof, host]);
  const more = useMemo(() => editionCommands(edition, editor, host), [edition, editor, host]);
  // A share the host resumed after a crash is rejoined; unsynced edits of other pages are offered.
  useEffect(() => void collab.resumeShare(), [collab]);
  return (
    <ProofContext.Provider value={proof}>
      <CollabContext.Provider value={collab}>
        <Workspace editor={editor} files={actions} nativeMenu={menu} onFilesDropped={importDropped} more={more}>
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
