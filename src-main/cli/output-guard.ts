/**
 * One guard for every command: an output may not be one of the command's inputs, nor another of
 * its outputs (`export page.banmian -o page.banmian` would write a PDF over the page). Paths are
 * compared as the file system sees them: symlinks resolved, `./a` and `a` the same, hard links by
 * device and inode.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { COMMANDS, parseOptions, type CommandName, type CommandSpec } from './command-table';

interface FileIdentity {
  real: string;
  inode?: string;
}

function identity(path: string): FileIdentity {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    // Not there yet (an output): its folder is real, its name is the one given.
    try {
      real = join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      real = resolve(path);
    }
  }
  try {
    const st = statSync(real);
    return { real, inode: `${st.dev}:${st.ino}` };
  } catch {
    return { real };
  }
}

const same = (a: FileIdentity, b: FileIdentity): boolean => a.real === b.real || (a.inode !== undefined && a.inode === b.inode);

/** The files a command line reads and writes, as the command table declares them. */
export function filesOf(name: CommandName, args: string[]): { inputs: string[]; outputs: string[] } {
  const spec: CommandSpec = COMMANDS[name];
  // strict: false so that an unknown option is left for the command's own message
  const { values, positionals } = parseArgs({ args, options: parseOptions(name), allowPositionals: true, strict: false });
  const inputs = [...positionals];
  const outputs: string[] = [];
  for (const [key, o] of Object.entries(spec.options)) {
    const v = values[key];
    if (typeof v !== 'string' || !o.role) continue;
    (o.role === 'input' ? inputs : outputs).push(v);
  }
  return { inputs, outputs };
}

/** A message when an output would overwrite an input or another output; undefined when the paths are apart. */
export function outputClash(inputs: string[], outputs: string[]): { zh: string; en: string } | undefined {
  const ins = inputs.map((p) => ({ p, id: identity(p) }));
  const seen: { p: string; id: FileIdentity }[] = [];
  for (const p of outputs) {
    const id = identity(p);
    const input = ins.find((i) => same(i.id, id));
    if (input) return { zh: `输出文件 ${p} 就是输入文件 ${input.p}，不能覆盖输入`, en: `The output ${p} is the input ${input.p}; an input is never overwritten` };
    const other = seen.find((o) => same(o.id, id));
    if (other) return { zh: `两个输出文件 ${other.p} 和 ${p} 是同一个文件`, en: `Two outputs, ${other.p} and ${p}, are the same file` };
    seen.push({ p, id });
  }
  return undefined;
}
