import type { ReactNode } from 'react';
import { useEditor } from '../editor/use-editor';

/** Why the page's arrangement cannot be changed now (校对 mode, signed for print), as a tooltip; null when it can. */
export function useReadOnlyWhy(): string | null {
  const readOnly = useEditor((s) => s.readOnly);
  return readOnly ? `${readOnly.zh} · ${readOnly.en}` : null;
}

/**
 * The controls that change the page's arrangement, disabled together (one fieldset, drawn as if it
 * were not there) while the layout is read-only, with the reason as their tooltip: they look as
 * they answer, instead of answering with a read-only notice.
 */
export function LayoutLock({ children }: { children: ReactNode }) {
  const why = useReadOnlyWhy();
  return (
    <fieldset className="layout-lock" disabled={why !== null} title={why ?? undefined} data-testid="layout-lock" data-locked={why !== null ? 'true' : undefined}>
      {children}
    </fieldset>
  );
}
