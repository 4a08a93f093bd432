import type { Node as PMNode } from '@tiptap/pm/model';

/**
 * From a place in an article body as the engine counts it (block index, UTF-16 offset in the block's
 * printable text: pending insertions left out, a line break one character) to a ProseMirror range in
 * the story editor's document. Returns null when the place is not there any more. `proofView`: the
 * place as the proof view counts it, pending insertions included.
 */
export function printableRange(doc: PMNode, paragraph: number, offset: number, length: number, proofView = false): { from: number; to: number } | null {
  if (paragraph < 0 || paragraph >= doc.childCount) return null;
  let blockPos = 0;
  for (let i = 0; i < paragraph; i++) blockPos += doc.child(i).nodeSize;
  const block = doc.child(paragraph);
  const from = positionIn(block, blockPos + 1, offset, false, proofView);
  const to = positionIn(block, blockPos + 1, offset + length, true, proofView);
  return from === null || to === null ? null : { from, to: Math.max(from, to) };
}

function positionIn(block: PMNode, start: number, target: number, isEnd: boolean, proofView: boolean): number | null {
  let counted = 0;
  let pos = start;
  let found: number | null = null;
  block.forEach((child) => {
    if (found !== null) return;
    const pending = !proofView && child.marks.some((m) => m.type.name === 'insertion');
    const size = child.isText ? child.text!.length : 1;
    if (!pending) {
      // An end lands before a pending insertion that follows; a start after one that precedes.
      if (target < counted + size || (isEnd && target === counted + size)) {
        found = pos + (target - counted);
        return;
      }
      counted += size;
    }
    pos += child.nodeSize;
  });
  if (found === null && target === counted) found = pos;
  return found;
}

/** The ids and kinds of the tracked changes in a document. */
export function suggestionMarks(doc: PMNode): Map<string, 'insertion' | 'deletion'> {
  const out = new Map<string, 'insertion' | 'deletion'>();
  doc.descendants((node) => {
    for (const m of node.marks) {
      if ((m.type.name === 'insertion' || m.type.name === 'deletion') && m.attrs.id != null) out.set(String(m.attrs.id), m.type.name);
    }
    return true;
  });
  return out;
}
