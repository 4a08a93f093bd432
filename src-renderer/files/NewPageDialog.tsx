import { useState, useSyncExternalStore } from 'react';
import { useEditorInstance } from '../editor/use-editor';
import { Row } from '../ui/fields';
import { newPageDocument, presetSpec, type NewPageSpec } from './new-page';
import { Backdrop } from '../ui/dialog';

/** 新建版面: the dialog the 新建 command opens (after the unsaved-work question). */
let open = false;
const listeners = new Set<() => void>();
const setOpen = (v: boolean) => {
  open = v;
  for (const l of listeners) l();
};
export const openNewPage = (): void => setOpen(true);

export function NewPageDialog() {
  const isOpen = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
  return isOpen ? <NewPageForm onClose={() => setOpen(false)} /> : null;
}

function NewPageForm({ onClose }: { onClose: () => void }) {
  const editor = useEditorInstance();
  const [spec, setSpec] = useState<NewPageSpec>(presetSpec('broadsheet'));
  const [error, setError] = useState<{ zh: string; en: string } | null>(null);
  const set = (patch: Partial<NewPageSpec>) => {
    setError(null);
    setSpec((s) => ({ ...s, ...patch, preset: patch.preset ?? (patch.widthMm !== undefined || patch.heightMm !== undefined ? 'custom' : s.preset) }));
  };
  const create = () => {
    const r = newPageDocument(spec);
    if (!r.ok) return setError(r);
    editor.replaceDocument(r.doc, { path: null, title: '未命名 Untitled' });
    // An empty page shows where its columns are, as 方正飞腾 does.
    editor.toggle('columns', true);
    onClose();
  };
  return (
    <Backdrop testId="dialog-new-page" onCancel={onClose} onEnter={create}>
      <h2>
        新建版面 <small>New page</small>
      </h2>
      <NewPageFields spec={spec} set={set} choosePreset={(preset) => setSpec(presetSpec(preset))} />
      <p className="hint">正文小五（9 pt），栏间 1 字，版心左右居中 · Body 9 pt, 1-character gutter, text area centred</p>
      {error && (
        <p className="status-error" role="alert" data-testid="new-page-error">
          {error.zh}
          <br />
          <small>{error.en}</small>
        </p>
      )}
      <div className="buttons">
        <button onClick={onClose}>取消 Cancel</button>
        <button className="primary" data-testid="new-page-ok" onClick={create}>
          新建 Create
        </button>
      </div>
    </Backdrop>
  );
}

/** The format (a preset fills the size) and the size, columns and characters per column it can be changed to. */
function NewPageFields({ spec, set, choosePreset }: { spec: NewPageSpec; set: (patch: Partial<NewPageSpec>) => void; choosePreset: (preset: 'broadsheet' | 'tabloid') => void }) {
  return (
    <>
      <Row zh="开本" en="Format">
        <select data-testid="new-page-preset" value={spec.preset} onChange={(e) => (e.target.value === 'custom' ? set({ preset: 'custom' }) : choosePreset(e.target.value as 'broadsheet' | 'tabloid'))}>
          <option value="broadsheet">对开 Broadsheet（390 × 546 mm）</option>
          <option value="tabloid">四开 Tabloid（273 × 390 mm）</option>
          <option value="custom">自定义 Custom</option>
        </select>
      </Row>
      <NumberRow zh="宽" en="Width" value={spec.widthMm} onChange={(v) => set({ widthMm: v })} testId="new-page-width" unit="mm" />
      <NumberRow zh="高" en="Height" value={spec.heightMm} onChange={(v) => set({ heightMm: v })} testId="new-page-height" unit="mm" />
      <NumberRow zh="栏数" en="Columns" value={spec.columns} onChange={(v) => set({ columns: v })} testId="new-page-columns" unit="栏" />
      <NumberRow zh="每栏字数" en="Characters per column" value={spec.charsPerColumn} onChange={(v) => set({ charsPerColumn: v })} testId="new-page-chars" unit="字" />
    </>
  );
}

/** One number of the new page, typed freely: newPageDocument checks them all on 新建. */
function NumberRow({ zh, en, value, onChange, testId, unit }: { zh: string; en: string; value: number; onChange: (v: number) => void; testId: string; unit: string }) {
  return (
    <label className="field">
      <span className="field-label">
        {zh}
        <small>{en}</small>
      </span>
      <span className="field-input">
        <input type="number" data-testid={testId} value={value} onChange={(e) => onChange(Number(e.target.value))} /> <span className="unit">{unit}</span>
      </span>
    </label>
  );
}
