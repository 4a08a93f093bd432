/**
 * `npm run server -- [--port N] [--data DIR] [--users FILE] [--host ADDR] [--tls-key F --tls-cert F]
 *                    [--behind-proxy IP,IP] [--redis HOST:PORT] [--name NAME] [--durability normal|full]`
 * `npm run server -- add-user NAME ROLE --users FILE [--pages ID,ID|*]`   prints the token once
 * `npm run server -- list-users --users FILE`
 * `npm run server -- remove-user ID --users FILE`
 *
 * When listening it prints `ready <url>` on one line (scripts and tests wait for it).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROLES, parseRole } from '../../src-core/collab/roles';
import { CollabServerError, startCollabServer } from './server';
import { UsersFileError, addUser, listUsers, removeUser } from './users';

interface Parsed {
  positional: string[];
  flags: Map<string, string>;
}

const VALUE_FLAGS = new Set(['port', 'data', 'users', 'host', 'tls-key', 'tls-cert', 'behind-proxy', 'redis', 'name', 'durability', 'pages', 'debounce']);

function parse(argv: string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2);
      if (!VALUE_FLAGS.has(k)) fail(`未知选项 --${k}`, `unknown option --${k}`);
      const v = inline ?? argv[++i];
      if (v === undefined) fail(`选项 --${k} 需要一个值`, `option --${k} needs a value`);
      flags.set(k, v);
    } else positional.push(a);
  }
  return { positional, flags };
}

function fail(zh: string, en: string): never {
  console.error(`错误：${zh}\nerror: ${en}`);
  process.exit(2);
}

function usersPath(flags: Map<string, string>): string {
  return resolve(flags.get('users') ?? 'banmian-users.json');
}

/** Printed after `ready`: what a newsroom does next (docs/COLLABORATION.md, "Newsroom server"). */
function printHowTo(url: string): void {
  const shown = url.replace('0.0.0.0', '<本机地址 this host>');
  console.log(`
发布版面：组版在版面应用中打开版面，文件 → 发布到服务器，填地址 ${shown} 和组版的令牌。
  版面以 报名/日期/版次 命名（页眉中填写）；令牌用 add-user 生成：npm run server -- add-user 姓名 组版 --users 文件
加入版面：文件 → 加入共享版面 → 报社服务器，填同一地址和自己的令牌，从列表中按名称选版面（只列出令牌有权打开的版面）。
To publish: the layout editor opens the page in the app, File → Publish to server, with address ${shown}
  and their token (make one with: npm run server -- add-user NAME 组版 --users FILE). The page is named
  by its paper, date and page number (from its header).
To join: File → Join a shared page → Newsroom server, the same address and one's own token; pick the page
  by name (the list shows only the pages the token may open).`);
}

async function main(): Promise<void> {
  const { positional, flags } = parse(process.argv.slice(2));
  const command = positional[0] ?? 'serve';
  if (command === 'add-user') {
    const [, name, roleText] = positional;
    if (!name || !roleText) fail('用法：add-user 姓名 角色 --users 文件 [--pages 编号,编号|*]', 'usage: add-user NAME ROLE --users FILE [--pages ID,ID|*]');
    const role = parseRole(roleText);
    if (!role) fail(`角色应为 ${ROLES.join('、')}（或 layout、proof、chief）`, `the role must be one of ${ROLES.join(', ')} (or layout, proof, chief)`);
    const pages = (flags.get('pages') ?? '*').split(',').map((p) => p.trim()).filter(Boolean);
    const { user, token } = addUser(usersPath(flags), name, role, pages);
    console.log(`已添加 ${user.name}（${user.role}），编号 ${user.id}，可打开：${user.pages.join(', ')}`);
    console.log(`added ${user.name} (${user.role}), id ${user.id}, pages: ${user.pages.join(', ')}`);
    console.log('令牌只显示这一次 / the token is shown only this once:');
    console.log(token);
    return;
  }
  if (command === 'list-users') {
    for (const u of listUsers(usersPath(flags))) console.log(`${u.id}\t${u.role}\t${u.name}\t${u.pages.join(',')}`);
    return;
  }
  if (command === 'remove-user') {
    const id = positional[1];
    if (!id) fail('用法：remove-user 编号 --users 文件', 'usage: remove-user ID --users FILE');
    if (!removeUser(usersPath(flags), id)) fail(`没有编号为 ${id} 的用户`, `no user with id ${id}`);
    console.log(`已删除 ${id} / removed ${id}`);
    return;
  }
  if (command !== 'serve') fail(`未知命令 ${command}`, `unknown command ${command}`);

  const port = Number(flags.get('port') ?? '1234');
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('端口应为 0–65535 的整数', 'the port must be an integer 0–65535');
  const durability = flags.get('durability') ?? 'normal';
  if (durability !== 'full' && durability !== 'normal') fail('--durability 应为 full 或 normal', '--durability must be full or normal');
  const redisText = flags.get('redis');
  let redis: { host: string; port: number } | undefined;
  if (redisText) {
    const m = /^(.+):(\d+)$/.exec(redisText);
    if (!m) fail('--redis 应写作 主机:端口', '--redis must be HOST:PORT');
    redis = { host: m[1], port: Number(m[2]) };
  }
  const key = flags.get('tls-key');
  const cert = flags.get('tls-cert');
  if (Boolean(key) !== Boolean(cert)) fail('--tls-key 与 --tls-cert 需同时给出', '--tls-key and --tls-cert go together');
  const server = await startCollabServer({
    port,
    host: flags.get('host'),
    dataDir: resolve(flags.get('data') ?? 'banmian-data'),
    usersFile: usersPath(flags),
    tls: key && cert ? { key: readFileSync(key), cert: readFileSync(cert) } : undefined,
    behindProxy: flags.has('behind-proxy') ? { trustedProxies: flags.get('behind-proxy')!.split(',').map((s) => s.trim()) } : undefined,
    redis,
    name: flags.get('name'),
    durability,
    debounce: flags.has('debounce') ? Number(flags.get('debounce')) : undefined,
  });
  console.log(`storage: SQLite via ${server.storage}`);
  console.log(`ready ${server.url}`);
  printHowTo(server.url);
  const stop = async (): Promise<void> => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  if (e instanceof CollabServerError || e instanceof UsersFileError) fail(e.zh, e.en);
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EADDRINUSE') fail('端口已被占用', 'the port is already in use');
  console.error(e);
  process.exit(1);
});
