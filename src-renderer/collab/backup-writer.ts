import type { HostApi } from '../../src-core/host-api';
import { takeDeskBackup } from '../../src-core/collab/desk-backup';
import type { SharedPageDocs } from '../../src-core/collab/shared-docs';
import type { CollabSession } from './session/session';

/**
 * Keeps this desk's copy of a shared page on disk through the host (deskBackupWrite) whenever the
 * session changes (every local edit changes its pending count): one write at a time, the next one
 * taking everything that happened meanwhile, so a burst of keystrokes costs a few writes. A write
 * the host could not take (it is down) is tried again with the next change; the page stays in memory.
 */
export class BackupWriter {
  private dirty = false;
  private writing: Promise<void> | null = null;
  private readonly unsubscribe: () => void;
  /** The last write failed (the host is down or its disk is full). */
  failed = false;

  constructor(
    private readonly host: HostApi,
    private readonly pageId: string,
    private readonly server: string,
    private readonly docs: SharedPageDocs,
    private readonly session: CollabSession,
  ) {
    this.unsubscribe = session.subscribe(() => this.schedule());
    this.schedule();
  }

  schedule(): void {
    this.dirty = true;
    this.writing ??= this.flush();
  }

  /** Stops following the session after a last write; resolves with the pending count it wrote. */
  async stop(): Promise<number> {
    this.unsubscribe();
    this.schedule();
    await this.writing;
    return this.session.status().pending;
  }

  private async flush(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      const backup = takeDeskBackup(this.pageId, this.server, this.docs, this.session.status().pendingEdits);
      try {
        const r = await this.host.deskBackupWrite(this.pageId, JSON.stringify(backup));
        this.failed = !r.ok;
      } catch {
        this.failed = true;
      }
    }
    this.writing = null;
  }
}
