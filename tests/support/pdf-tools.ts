import { spawnSync } from 'node:child_process';
import type { FontRegistry } from '../../src-core/fonts/registry';
import type { PageLayout } from '../../src-core/layout/page-layout';

/** Whether a command-line tool (pdftotext, qpdf, mutool, gs …) is on the PATH. */
export function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

/** `has`, saying which package to install when it is not (the test that needs it is skipped). */
export function needs(tool: string): boolean {
  if (has(tool)) return true;
  console.warn(`skipped: ${tool} is not installed (apt-get install ${tool === 'qpdf' ? 'qpdf' : tool === 'mutool' ? 'mupdf-tools' : tool === 'gs' ? 'ghostscript' : 'poppler-utils'})`);
  return false;
}

/** Runs a tool to the end, its output as text (a whole PDF's text fits). */
export const run = (cmd: string, args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** How many times each Han character occurs in a text. */
export function hanCounts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of text.match(/[\u3400-\u9fff\u{20000}-\u{3134f}]/gu) ?? []) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

/**
 * The PostScript names of the faces the pages' glyphs are drawn in, each once, sorted: the fonts
 * pdffonts should list (read from the pages, so a change of the sample's faces needs no edit here).
 */
export function facesDrawn(layouts: PageLayout[], fonts: FontRegistry): string[] {
  const ids = new Set(layouts.flatMap((l) => l.items.flatMap((it) => (it.kind === 'glyphs' ? [it.face] : []))));
  return [...ids].map((id) => fonts.faceById(id)?.postscriptName ?? `(no face ${id})`).sort();
}
