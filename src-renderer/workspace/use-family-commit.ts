import { bringFamily, facesToBring } from '../canvas/fonts';
import { useLoadedFonts } from '../canvas/use-fonts';
import { useEditorInstance } from '../editor/use-editor';

/**
 * How a style takes a family (its face, or a face of its fallback chain): an installed family's
 * faces are fetched first (bringFamily), so the page is laid out with them; when that fails the
 * style stays as it was, with a notice. So are a bundled family's faces not fetched yet; one here is taken at once.
 */
export function useFamilyCommit(): (family: string, commit: () => void) => void {
  const editor = useEditorInstance();
  const loaded = useLoadedFonts();
  return (family, commit) => {
    if (!loaded || facesToBring(loaded, new Set([family])).length === 0) return commit();
    void bringFamily(loaded, family).then((r) => (r.ok ? commit() : editor.notify(r, 'warning')));
  };
}
