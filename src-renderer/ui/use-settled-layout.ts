import type { PageLayout } from '../../src-core/layout/page-layout';
import type { BanmianDocument } from '../../src-core/model/document';
import type { EditorState } from '../editor/editor';
import { useEditorSettled } from '../editor/use-editor';

export interface Settled {
  doc: BanmianDocument;
  layout: PageLayout;
}

/**
 * The page as it was when the editor paused: secondary panels follow the layout this way, so they
 * cost nothing between keystrokes or drag frames and catch up `delay` ms after the last change.
 */
export function useSettledLayout(delay = 250): Settled | null {
  return useEditorSettled(readSettled, delay, sameLayout);
}

const readSettled = (s: EditorState): Settled | null => (s.layout ? { doc: s.doc, layout: s.layout } : null);
const sameLayout = (a: Settled | null, b: Settled | null): boolean => a?.layout === b?.layout;
