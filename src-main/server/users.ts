import { editionOfPageId } from '../../src-core/collab/directory';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, unwatchFile, watchFile, writeFileSync } from 'node:fs';
import { isRole, type Role } from '../../src-core/collab/roles';
import { isValidId } from '../../src-core/collab/names';
import { TOKEN_PATTERN } from '../../src-core/collab/invitation';

/**
 * The users file: who may connect, as which role, to which pages. Tokens are 256 random bits shown
 * once when the user is added; the file keeps only a salted SHA-256 of each. A fast hash is enough
 * because a token is not a password a person chose: there is nothing to guess from a dictionary.
 *
 * A token reads `bm1.<userId>.<secret>`, so the server finds the user without trying every hash.
 */

export interface UserRecord {
  id: string;
  name: string;
  role: Role;
  /** Page ids this user may open, or `*` for every page. */
  pages: string[];
  salt: string;
  hash: string;
  created: string;
}

export interface UsersFile {
  format: 'banmian-users';
  version: 1;
  users: UserRecord[];
}

export interface Person {
  id: string;
  name: string;
  role: Role;
  pages: string[];
}

export class UsersFileError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

function hashSecret(salt: string, secret: string): string {
  return createHash('sha256').update(salt).update('\0').update(secret).digest('hex');
}

export function emptyUsersFile(): UsersFile {
  return { format: 'banmian-users', version: 1, users: [] };
}

export function parseUsersFile(text: string, path: string): UsersFile {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new UsersFileError(`用户文件 ${path} 不是有效的 JSON`, `The users file ${path} is not valid JSON`);
  }
  const f = v as Partial<UsersFile>;
  if (!f || f.format !== 'banmian-users' || f.version !== 1 || !Array.isArray(f.users)) {
    throw new UsersFileError(`${path} 不是版面用户文件（format: banmian-users, version: 1）`, `${path} is not a Banmian users file (format: banmian-users, version: 1)`);
  }
  f.users.forEach((u, i) => {
    const ok =
      u &&
      typeof u.id === 'string' &&
      isValidId(u.id) &&
      typeof u.name === 'string' &&
      u.name.trim() !== '' &&
      isRole(u.role) &&
      Array.isArray(u.pages) &&
      u.pages.every((p) => p === '*' || (typeof p === 'string' && isValidId(p))) &&
      typeof u.salt === 'string' &&
      /^[0-9a-f]{64}$/.test(u.hash);
    if (!ok) throw new UsersFileError(`${path} 第 ${i + 1} 个用户记录无效`, `${path}: user record ${i + 1} is not valid`);
  });
  return f as UsersFile;
}

export function readUsersFile(path: string): UsersFile {
  if (!existsSync(path)) return emptyUsersFile();
  return parseUsersFile(readFileSync(path, 'utf8'), path);
}

function writeUsersFile(path: string, file: UsersFile): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

/** Adds a user and returns their token; the token is not stored and cannot be shown again. */
export function addUser(path: string, name: string, role: Role, pages: string[] = ['*']): { user: Person; token: string } {
  if (!name.trim()) throw new UsersFileError('用户名不能为空', 'The name must not be empty');
  for (const p of pages) if (p !== '*' && !isValidId(p)) throw new UsersFileError(`版面编号无效：${p}`, `Not a valid page id: ${p}`);
  const file = readUsersFile(path);
  const id = `u${randomBytes(6).toString('hex')}`;
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16).toString('hex');
  const record: UserRecord = { id, name: name.trim(), role, pages, salt, hash: hashSecret(salt, secret), created: new Date().toISOString() };
  file.users.push(record);
  writeUsersFile(path, file);
  return { user: { id, name: record.name, role, pages }, token: `bm1.${id}.${secret}` };
}

/** Removes a user; their token stops working on the next connection (the server rereads the file). */
export function removeUser(path: string, id: string): boolean {
  const file = readUsersFile(path);
  const before = file.users.length;
  file.users = file.users.filter((u) => u.id !== id);
  if (file.users.length === before) return false;
  writeUsersFile(path, file);
  return true;
}

export function listUsers(path: string): Person[] {
  return readUsersFile(path).users.map(({ id, name, role, pages }) => ({ id, name, role, pages }));
}

/** Looks tokens up in a users file, rereading it when it changes on disk. */
export class UserDirectory {
  private file: UsersFile = emptyUsersFile();
  private stamp = '';

  constructor(private readonly path: string) {
    this.reload();
  }

  private reload(): void {
    const st = existsSync(this.path) ? statSync(this.path) : undefined;
    const stamp = st ? `${st.mtimeMs}:${st.size}` : 'none';
    if (stamp === this.stamp) return;
    this.file = readUsersFile(this.path);
    this.stamp = stamp;
  }

  /** Calls `onChange` after the file changed on disk and was reread (polled: renames are seen too). */
  watch(onChange: () => void, intervalMs: number): () => void {
    const listener = (): void => {
      try {
        this.reload();
      } catch {
        return; // half-written: the next change brings the whole file
      }
      onChange();
    };
    watchFile(this.path, { interval: intervalMs, persistent: false }, listener);
    return () => unwatchFile(this.path, listener);
  }

  /** Whether the file still lists this person with the same role and grants. */
  stillHolds(person: Person): boolean {
    const u = this.file.users.find((x) => x.id === person.id);
    return !!u && u.role === person.role && u.name === person.name && u.pages.join('\n') === person.pages.join('\n');
  }

  authenticate(token: string): Person | undefined {
    try {
      this.reload();
    } catch {
      // a half-written or broken file: keep serving with the last good one
    }
    const m = TOKEN_PATTERN.exec(token ?? '');
    if (!m) return undefined;
    const user = this.file.users.find((u) => u.id === m[1]);
    if (!user) return undefined;
    const given = Buffer.from(hashSecret(user.salt, m[2]), 'hex');
    const stored = Buffer.from(user.hash, 'hex');
    if (given.length !== stored.length || !timingSafeEqual(given, stored)) return undefined;
    return { id: user.id, name: user.name, role: user.role, pages: user.pages };
  }
}

export function mayOpen(person: Person, pageId: string): boolean {
  return person.pages.includes('*') || person.pages.includes(pageId);
}

/**
 * An edition document opens with a grant for the edition's id or for any page of it (its pool is
 * what those pages are made from); what a request then writes on a page needs that page's grant.
 */
export function mayOpenEdition(person: Person, editionId: string): boolean {
  return mayOpen(person, editionId) || person.pages.some((p) => editionOfPageId(p) === editionId);
}
