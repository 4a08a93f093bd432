/**
 * The headless CLI: `npm run banmian -- <command> …`. Each command is declared in command-table.ts
 * and lives in its own module under src-main/cli/commands/, exporting `run(args): Promise<number>`
 * (the exit code). What every command shares is done here once: `--help`, and refusing an output
 * that would overwrite an input.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { asksHelp, cliUsage, commandUsage, isCommand } from './command-table';
import { filesOf, outputClash } from './output-guard';

export interface CommandModule {
  run(args: string[]): Promise<number>;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(cliUsage());
    return command ? 0 : 2;
  }
  if (!isCommand(command)) {
    console.error(`未知命令 Unknown command: ${command}\n${cliUsage()}`);
    return 2;
  }
  if (asksHelp(args)) {
    console.log(commandUsage(command));
    return 0;
  }
  const { inputs, outputs } = filesOf(command, args);
  const clash = outputClash(inputs, outputs);
  if (clash) {
    console.error(`${clash.zh}\n${clash.en}`);
    return 2;
  }
  const url = new URL(`./commands/${command}.ts`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    console.error(`命令 ${command} 尚未提供 / The ${command} command is not available in this build yet.`);
    return 3;
  }
  const mod = (await import(url.href)) as CommandModule;
  return mod.run(args);
}

/**
 * Exits with `code` once stdout and stderr have taken all that was written: a pipe is written to
 * asynchronously, and exiting at once cut `import --json | jq` short at 128 KB.
 */
function exitWhenWritten(code: number): void {
  let left = 2;
  const done = (): void => {
    if (--left === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(exitWhenWritten, (e: unknown) => {
    console.error(`出错 Error: ${e instanceof Error ? e.message : String(e)}`);
    exitWhenWritten(1);
  });
}
