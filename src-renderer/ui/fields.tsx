import { useContext, useState, type KeyboardEvent, type ReactNode } from 'react';
import { EditorContext } from '../editor/use-editor';
import { mmToPt, ptToMm } from '../../src-core/model/units';

/** A labelled row: Chinese label, English as the tooltip and a small secondary line. */
export function Row({ zh, en, children }: { zh: string; en: string; children: ReactNode }) {
  return (
    <label className="field" title={en}>
      <span className="field-label">
        {zh}
        <small>{en}</small>
      </span>
      <span className="field-input">{children}</span>
    </label>
  );
}

/**
 * Keys of a field edited as a draft: Enter commits (by leaving the field), Escape drops the draft
 * and shows the model's value again.
 * Keys stay in the field, so the workspace's shortcuts (arrows, Delete, Ctrl+Z) do not fire.
 */
export function draftKey(e: KeyboardEvent<HTMLInputElement>, cancel: () => void): void {
  if (e.key === 'Enter') e.currentTarget.blur();
  // No blur here: the blur handler of this render still sees the draft and would commit it.
  if (e.key === 'Escape') cancel();
  e.stopPropagation();
}

/**
 * A number typed and committed on Enter or when the field loses focus (one undo step per change,
 * not per keystroke). Input that is no number or out of range is refused with a notice (inside the
 * workspace) and the old value comes back.
 */
export function NumberField({ value, onCommit, min, max, step = 1, digits = 0, unit, testId }: { value: number; onCommit: (v: number) => void; min?: number; max?: number; step?: number; digits?: number; unit?: string; testId?: string }) {
  const shown = digits > 0 ? value.toFixed(digits) : String(Math.round(value));
  // A draft exists only while the field is being edited; otherwise the field shows the model's value
  // in the same render (no effect lag after an undo).
  const [draft, setDraft] = useState<string | null>(null);
  const editor = useContext(EditorContext);
  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    const v = Number(draft.replace(',', '.'));
    if (!Number.isFinite(v)) {
      editor?.notify({ zh: `“${draft}”不是数字，未修改`, en: `'${draft}' is not a number; nothing changed` }, 'warning');
      return;
    }
    if ((min !== undefined && v < min) || (max !== undefined && v > max)) {
      const range = `${min ?? '−∞'}–${max ?? '∞'}${unit ? ` ${unit}` : ''}`;
      editor?.notify({ zh: `${v} 超出范围（${range}），未修改`, en: `${v} is out of range (${range}); nothing changed` }, 'warning');
      return;
    }
    if (v.toFixed(Math.max(digits, 0)) !== Number(shown).toFixed(Math.max(digits, 0))) onCommit(v);
  };
  return (
    <span className="number-field">
      <input
        data-testid={testId}
        inputMode="decimal"
        value={draft ?? shown}
        step={step}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => draftKey(e, () => setDraft(null))}
      />
      {unit && <span className="unit">{unit}</span>}
    </span>
  );
}

/** A length shown and typed in mm, stored in pt. */
export function MmField({ pt, onCommit, testId }: { pt: number; onCommit: (pt: number) => void; testId?: string }) {
  return <NumberField value={ptToMm(pt)} digits={1} min={0} max={2000} unit="mm" testId={testId} onCommit={(v) => onCommit(mmToPt(v))} />;
}

/** Text committed on Enter or blur. */
export function TextField({ value, onCommit, testId, placeholder }: { value: string; onCommit: (v: string) => void; testId?: string; placeholder?: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      data-testid={testId}
      value={draft ?? value}
      placeholder={placeholder}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        if (draft !== null && draft !== value) onCommit(draft);
        setDraft(null);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        e.stopPropagation();
      }}
    />
  );
}

export function Section({ zh, en, children, testId }: { zh: string; en: string; children: ReactNode; testId?: string }) {
  return (
    <section className="panel-section" data-testid={testId}>
      <h3 title={en}>
        {zh} <small>{en}</small>
      </h3>
      {children}
    </section>
  );
}
