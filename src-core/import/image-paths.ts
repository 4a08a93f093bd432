/**
 * The pictures of one import by path, so that a Markdown file's `![](ref)` finds the picture
 * imported beside it: by its path relative to the Markdown file, then as written, then by name.
 */

function normPath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.replace(/\\/g, '/').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

const dirOf = (p: string): string => normPath(p).split('/').slice(0, -1).join('/');
export const baseOf = (p: string): string => normPath(p).split('/').pop() ?? p;

export class ImagePaths {
  private readonly byPath = new Map<string, string>();
  private readonly byBase = new Map<string, string>();

  add(fileName: string, imageId: string): void {
    this.byPath.set(normPath(fileName), imageId);
    this.byBase.set(baseOf(fileName), imageId);
  }

  /** The image a reference in `fromFile` names; none for URLs (http:, data:, …). */
  resolve(fromFile: string, ref: string): string | undefined {
    if (/^[a-z]+:/i.test(ref)) return undefined;
    const rel = normPath(dirOf(fromFile) ? `${dirOf(fromFile)}/${ref}` : ref);
    return this.byPath.get(rel) ?? this.byPath.get(normPath(ref)) ?? this.byBase.get(baseOf(ref));
  }
}
