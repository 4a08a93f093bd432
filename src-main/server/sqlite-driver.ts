import Database from 'better-sqlite3';

/**
 * The little of SQLite the collaboration store needs, over one of two drivers:
 *
 * - `better-sqlite3` (a native addon) under plain Node: `npm run server`, the web host, the tests;
 * - `node:sqlite` (built into Node ≥ 22.13) inside Electron, whose Node ABI differs from the one
 *   better-sqlite3 was compiled for by `npm install`: without it, 文件 → 共享此版面 in the desktop
 *   app would need the addon rebuilt against Electron (`@electron/rebuild`) on every machine.
 *
 * `BANMIAN_SQLITE=node|better` picks one by hand (the tests run the server under Node 24 with `node`).
 */
export type SqliteDriverName = 'better-sqlite3' | 'node:sqlite';

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

export function chooseDriver(env: NodeJS.ProcessEnv = process.env, versions: NodeJS.ProcessVersions = process.versions): SqliteDriverName {
  const asked = env.BANMIAN_SQLITE;
  if (asked === 'node') return 'node:sqlite';
  if (asked === 'better') return 'better-sqlite3';
  return versions.electron ? 'node:sqlite' : 'better-sqlite3';
}

export function openDatabase(file: string, driver: SqliteDriverName = chooseDriver()): SqlDatabase {
  return driver === 'node:sqlite' ? openNodeSqlite(file) : openBetterSqlite(file);
}

function openBetterSqlite(file: string): SqlDatabase {
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (e) {
    throw new SqliteDriverError(`无法打开协作数据库（better-sqlite3）：${(e as Error).message}`, `Cannot open the collaboration database (better-sqlite3): ${(e as Error).message}`);
  }
  return {
    driver: 'better-sqlite3',
    get isOpen() {
      return db.open;
    },
    exec: (sql) => void db.exec(sql),
    prepare: (sql) => db.prepare(sql),
    transaction: (fn, mode = 'deferred') => {
      const tx = db.transaction(fn);
      return mode === 'immediate' ? tx.immediate() : tx.deferred();
    },
    close: () => db.close(),
  };
}

interface NodeSqliteModule {
  DatabaseSync: new (file: string) => {
    isOpen?: boolean;
    exec(sql: string): void;
    prepare(sql: string): SqlStatement;
    close(): void;
  };
}

function openNodeSqlite(file: string): SqlDatabase {
  // getBuiltinModule rather than an import: under Node 20 the module does not exist, and a static
  // import would stop the whole host from loading.
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
  const db = new sqlite.DatabaseSync(file);
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
