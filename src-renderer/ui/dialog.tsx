import { useEffect } from 'react';

/** Escape anywhere in the window cancels an open dialog, wherever the focus is. */
export function useEscape(onCancel: () => void): void {
  useEffect(() => {
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, [onCancel]);
}

/**
 * The modal shell every dialog of the workspace uses (Esc cancels; Enter confirms where `onEnter` is
 * given); `className` is added to the dialog's box (a wider dialog).
 */
export function Backdrop({ children, testId, onCancel, onEnter, className }: { children: React.ReactNode; testId: string; onCancel: () => void; onEnter?: () => void; className?: string }) {
  useEscape(onCancel);
  return (
    <div className="dialog-backdrop">
      <div
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        data-testid={testId}
        onKeyDown={(e) => {
          // Keys stay in the dialog (not the workspace's shortcuts), so Esc is handled here too.
          if (e.key === 'Escape') onCancel();
          if (e.key === 'Enter' && onEnter) onEnter();
          e.stopPropagation();
        }}
      >
        {children}
      </div>
    </div>
  );
}
