import { useEffect } from 'react';
import { NOTICE_LIFETIME_MS } from '../editor/notice-kinds';
import { useEditor, useEditorInstance } from '../editor/use-editor';

/**
 * The one notice line at the window's foot. It clears itself after its kind's lifetime
 * (NOTICE_LIFETIME_MS) unless it is an error to act on; `data-lifetime` says which ("sticky" or ms).
 */
export function Notice() {
  const editor = useEditorInstance();
  const notice = useEditor((s) => s.notice);
  const lifetime = notice ? NOTICE_LIFETIME_MS[notice.kind] : null;
  useEffect(() => {
    if (!notice || lifetime === null) return;
    const t = setTimeout(() => editor.dismissNotice(), lifetime);
    return () => clearTimeout(t);
  }, [notice, lifetime, editor]);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'info' ? 'status' : 'alert'} data-testid="notice" data-kind={notice.kind} data-lifetime={lifetime ?? 'sticky'}>
      <span className="notice-zh">{notice.zh}</span>
      <span className="notice-en">{notice.en}</span>
      <button onClick={() => editor.dismissNotice()} aria-label="关闭 Dismiss">
        ×
      </button>
    </div>
  );
}
