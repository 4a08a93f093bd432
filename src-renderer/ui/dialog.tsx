import { useEffect } from 'react';

/** The modal shell every dialog of the workspace uses (Esc cancels). */
export function Backdrop({ children, testId, onCancel }: { children: React.ReactNode; testId: string; onCancel: () => void }) {
  useEffect(() => {
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, [onCancel]);
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        data-testid={testId}
        onKeyDown={(e) => {
          // Keys stay in the dialog (not the workspace's shortcuts), so Esc is handled here too.
          if (e.key === 'Escape') onCancel();
          e.stopPropagation();
        }}
      >
        {children}
      </div>
    </div>
  );
}
