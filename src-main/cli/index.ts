/**
 * The headless CLI: `npm run banmian -- <command> …`. Each command lives in its own module under
 * src-main/cli/commands/ and exports `run(args): Promise<number>` (the exit code).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface CommandModule {
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, { zh: string; en: string }> = {
  layout: { zh: '排版并输出排版质量报告', en: 'lay out a page and print its typographic report' },
  import: { zh: '导入稿件（文本、Markdown、Word、图片）', en: 'import articles (text, Markdown, Word, images)' },
  compose: { zh: '导入并自动组版，导出 PDF', en: 'import, auto-place and export a PDF' },
  export: { zh: '把 .banmian 版面导出为 PDF', en: 'export a .banmian page to PDF' },
  preflight: { zh: '印前检查', en: 'preflight a page' },
  check: { zh: '自动校对检查', en: 'run the proofreading checks' },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, d]) => `  ${name.padEnd(10)} ${d.zh} / ${d.en}`);
  return `用法 Usage: npm run banmian -- <命令 command> [参数 args]\n${lines.join('\n')}`;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(usage());
    return command ? 0 : 2;
  }
  if (!(command in COMMANDS)) {
    console.error(`未知命令 Unknown command: ${command}\n${usage()}`);
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

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`出错 Error: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
