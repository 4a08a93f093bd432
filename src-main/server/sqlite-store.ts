import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { PageEntry } from '../../src-core/collab/directory';
import { openDatabase, type SqlDatabase, type SqlStatement } from './sqlite-driver';

/** Yjs origin of updates that reach this instance from another one through Redis (extension-redis). */
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';

export type Durability = 'full' | 'normal';

/**
 * Shared documents in SQLite (`<dataDir>/banmian-collab.sqlite`, through node:sqlite: see
 * sqlite-driver.ts).
 *
 * Every update is appended to `updates` synchronously inside the document's update event, which runs
 * before Hocuspocus acknowledges the update to the client: an acknowledged change is in SQLite's
 * write-ahead log, so it survives the process being killed ('normal'); with 'full' every commit is
 * also fsynced and survives a power cut. Hocuspocus's debounced store folds the log into `documents.state`. Folding merges the stored
 * state, this instance's document and the log rows, so instances that share the file (the Redis
 * path) never drop each other's changes.
 */
export class SqliteStore {
  readonly db: SqlDatabase;
  private readonly appendStmt: SqlStatement;
  private readonly stateStmt: SqlStatement;
  private readonly rowsStmt: SqlStatement;

  constructor(dataDir: string, durability: Durability = 'normal') {
    mkdirSync(dataDir, { recursive: true });
    this.db = openDatabase(join(dataDir, 'banmian-collab.sqlite'));
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec(`PRAGMA synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.exec('PRAGMA busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data BLOB NOT NULL);
      CREATE INDEX IF NOT EXISTS updates_by_name ON updates (name, seq);
      CREATE TABLE IF NOT EXISTS pages (id TEXT PRIMARY KEY, paper TEXT NOT NULL, date TEXT NOT NULL, page_number TEXT NOT NULL, updated_at TEXT NOT NULL);
    `);
    this.appendStmt = this.db.prepare('INSERT INTO updates (name, data) VALUES (?, ?)');
    this.stateStmt = this.db.prepare('SELECT state FROM documents WHERE name = ?');
    this.rowsStmt = this.db.prepare('SELECT seq, data FROM updates WHERE name = ? ORDER BY seq');
  }

  /** The stored document as one update (state plus the log), or undefined for a new document. */
  load(name: string): Uint8Array | undefined {
    // One read transaction: another instance folding the log between the two reads would otherwise
    // make the rows vanish after the state was read without them.
    const { state, rows } = this.db.transaction(() => ({
      state: this.stateStmt.get(name) as { state: Uint8Array } | undefined,
      rows: this.rowsStmt.all(name) as { seq: number; data: Uint8Array }[],
    }));
    const parts = [...(state ? [state.state] : []), ...rows.map((r) => r.data)].map((b) => new Uint8Array(b));
    return parts.length ? Y.mergeUpdates(parts) : undefined;
  }

  append(name: string, update: Uint8Array): void {
    this.appendStmt.run(name, Buffer.from(update));
  }

  /** Folds the log of one document into its state. */
  compact(name: string, doc: Y.Doc): void {
    this.db.transaction(() => {
      const state = this.stateStmt.get(name) as { state: Uint8Array } | undefined;
      const rows = this.rowsStmt.all(name) as { seq: number; data: Uint8Array }[];
      const merged = Y.mergeUpdates([...(state ? [new Uint8Array(state.state)] : []), Y.encodeStateAsUpdate(doc), ...rows.map((r) => new Uint8Array(r.data))]);
      this.db.prepare('INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at').run(
        name,
        Buffer.from(merged),
        new Date().toISOString(),
      );
      if (rows.length) this.db.prepare('DELETE FROM updates WHERE name = ? AND seq <= ?').run(name, rows[rows.length - 1].seq);
    }, 'immediate');
  }

  documentNames(): string[] {
    return (this.db.prepare('SELECT name FROM documents UNION SELECT DISTINCT name FROM updates ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  }

  /** Records a page's name (报名/日期/版次) for the page directory. */
  namePage(entry: PageEntry): void {
    this.db
      .prepare('INSERT INTO pages (id, paper, date, page_number, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET paper = excluded.paper, date = excluded.date, page_number = excluded.page_number, updated_at = excluded.updated_at')
      .run(entry.id, entry.paper, entry.date, entry.pageNumber, new Date().toISOString());
  }

  /** Every named page, by date (newest first), paper and page number. */
  pageEntries(): PageEntry[] {
    const rows = this.db.prepare('SELECT id, paper, date, page_number FROM pages ORDER BY date DESC, paper, page_number').all() as { id: string; paper: string; date: string; page_number: string }[];
    return rows.map((r) => ({ id: r.id, paper: r.paper, date: r.date, pageNumber: r.page_number }));
  }

  close(): void {
    this.db.close();
  }
}

/** The Hocuspocus extension over a SqliteStore. */
export function sqliteExtension(store: SqliteStore): Extension {
  return {
    extensionName: 'banmian-sqlite',
    async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
      const stored = store.load(documentName);
      if (stored) Y.applyUpdate(document, stored, 'banmian-sqlite-load');
      // Registered after loading, so the stored state is not appended again; runs inside the update
      // event, before the server sends the client its acknowledgement.
      document.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === REDIS_ORIGIN) return; // the instance that received it from its client stored it
        store.append(documentName, update);
      });
    },
    async onStoreDocument({ document, documentName }: onStoreDocumentPayload) {
      // A debounced store can fire after the server closed (stopping a share right after an edit):
      // closing already folded every loaded document, so there is nothing left to fold.
      if (!store.db.isOpen) return;
      store.compact(documentName, document);
    },
  };
}
