/**
 * The little of SQLite the collaboration store needs, over Node's built-in `node:sqlite`
 * (Node ≥ 22.13, and Electron's Node). One driver for `npm run server`, the web host, the tests and
 * the desktop app: no native addon to compile at `npm install` and none to rebuild for Electron.
 */
export type SqliteDriverName = 'node:sqlite';

export interface SqlStatement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface SqlDatabase {
  readonly driver: SqliteDriverName;
  readonly isOpen: boolean;
  exec(sql: string): void;
  prepare(sql: string): SqlStatement;
  /** Runs `fn` in one transaction; `immediate` takes the write lock at once (BEGIN IMMEDIATE). */
  transaction<T>(fn: () => T, mode?: 'deferred' | 'immediate'): T;
  close(): void;
}

export class SqliteDriverError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

interface NodeSqliteModule {
  DatabaseSync: new (file: string) => {
    isOpen?: boolean;
    exec(sql: string): void;
    prepare(sql: string): SqlStatement;
    close(): void;
  };
}

function loadNodeSqlite(): NodeSqliteModule {
  // getBuiltinModule rather than an import: on a Node without the module the host still loads and
  // the share command says why it cannot start.
  let sqlite: NodeSqliteModule | undefined;
  try {
    sqlite = process.getBuiltinModule?.('node:sqlite') as NodeSqliteModule | undefined;
  } catch {
    sqlite = undefined;
  }
  if (!sqlite) {
    throw new SqliteDriverError(
      `此运行环境（Node ${process.versions.node}）没有内置 SQLite（需要 Node 22.13 以上）`,
      `This runtime (Node ${process.versions.node}) has no built-in SQLite (Node 22.13 or later is needed)`,
    );
  }
  return sqlite;
}

export function openDatabase(file: string): SqlDatabase {
  const sqlite = loadNodeSqlite();
  let db: InstanceType<NodeSqliteModule['DatabaseSync']>;
  try {
    db = new sqlite.DatabaseSync(file);
  } catch (e) {
    throw new SqliteDriverError(`无法打开协作数据库：${(e as Error).message}`, `Cannot open the collaboration database: ${(e as Error).message}`);
  }
  let open = true;
  return {
    driver: 'node:sqlite',
    get isOpen() {
      return db.isOpen ?? open;
    },
    exec: (sql) => db.exec(sql),
    prepare: (sql) => db.prepare(sql),
    transaction: (fn, mode = 'deferred') => {
      db.exec(mode === 'immediate' ? 'BEGIN IMMEDIATE' : 'BEGIN');
      try {
        const result = fn();
        db.exec('COMMIT');
        return result;
      } catch (e) {
        db.exec('ROLLBACK');
        throw e;
      }
    },
    close: () => {
      open = false;
      db.close();
    },
  };
}
