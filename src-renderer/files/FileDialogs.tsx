import { useEffect, useState } from 'react';
import { Row } from '../ui/fields';
import { Backdrop } from '../ui/dialog';
import { PNG_DPI, type ExportOptions, type ExportOutcome, type PageFileEntry, type PngExportOptions } from '../../src-core/host-api';

/**
 * The dialogs of the file commands. With native dialogs (Electron) only the export options and
 * the recovery offer are drawn here; on the web host the UI also asks for file names itself.
 */

export type DialogState =
  | { kind: 'open'; files: PageFileEntry[] }
  | { kind: 'save'; files: PageFileEntry[]; suggested: string }
  | { kind: 'export'; format: ExportFormat; native: boolean; suggested: string; busy: boolean; stage?: ExportStage; outcome?: ExportOutcome; error?: { zh: string; en: string } }
  | { kind: 'recover'; title: string; savedAt: string }
  | { kind: 'confirm'; zh: string; en: string; okZh: string; okEn: string; onOk: () => void };


const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { hour12: false });
};

export function PickFileDialog({ state, onChoose, onCancel }: { state: Extract<DialogState, { kind: 'open' | 'save' }>; onChoose: (path: string) => void; onCancel: () => void }) {
  const isSave = state.kind === 'save';
  const [name, setName] = useState(isSave ? state.suggested : (state.files[0]?.path ?? ''));
  const valid = name.trim().length > 0;
  const submit = () => {
    if (!valid) return;
    const n = name.trim();
    onChoose(n.toLowerCase().endsWith('.banmian') ? n : `${n}.banmian`);
  };
  return (
    <Backdrop testId={`dialog-${state.kind}`} onCancel={onCancel}>
      <h2>
        {isSave ? '另存为' : '打开版面'} <small>{isSave ? 'Save As' : 'Open page'}</small>
      </h2>
      {state.files.length === 0 ? (
        <p className="hint">文件夹中还没有版面文件 · No page files in the folder yet</p>
      ) : (
        <ul className="file-list" data-testid="file-list">
          {state.files.map((f) => (
            <li key={f.path}>
              <button className={f.path === name ? 'chosen' : undefined} onClick={() => setName(f.path)} onDoubleClick={() => onChoose(f.path)} title={`${f.path} · ${when(f.modified)}`}>
                {f.path} <small>{when(f.modified)}</small>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Row zh="文件名" en="File name">
        <input data-testid="dialog-file-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && submit()} />
      </Row>
      <div className="buttons">
        <button onClick={onCancel}>取消 Cancel</button>
        <button className="primary" data-testid="dialog-ok" disabled={!valid} onClick={submit}>
          {isSave ? '保存 Save' : '打开 Open'}
        </button>
      </div>
    </Backdrop>
  );
}

/** What an export does, in the order the progress shows it. */
export type ExportStage = 'preflight' | 'write' | 'done';

const STAGES: { stage: ExportStage; zh: string; en: string }[] = [
  { stage: 'preflight', zh: '预检', en: 'Preflight' },
  { stage: 'write', zh: '排版·写入', en: 'Typeset and write' },
  { stage: 'done', zh: '完成', en: 'Done' },
];

export type ExportFormat = 'pdf' | 'png';

/** Options of either export: bleed and marks for the print PDF, the resolution for the proof PNG. */
export type AnyExportOptions = ExportOptions | PngExportOptions;

/** The options the export form edits: the file name (web host), and bleed and marks or the resolution. */
interface ExportFields {
  name: string;
  bleed: number;
  marks: boolean;
  dpi: number;
}

/**
 * The export of the print PDF (with marks and bleed) or of the proof PNG (校样 PNG, the trimmed page):
 * options, the progress through preflight, typesetting and writing, the preflight report, and an
 * 打开 Open button for the file just written.
 */
export function ExportDialog({ state, onExport, onOpen, onCancel }: { state: Extract<DialogState, { kind: 'export' }>; onExport: (path: string | null, options: AnyExportOptions) => void; onOpen: (path: string) => void; onCancel: () => void }) {
  const png = state.format === 'png';
  const ext = png ? '.png' : '.pdf';
  const [fields, setFields] = useState<ExportFields>({ name: state.suggested, bleed: 3, marks: true, dpi: PNG_DPI.default });
  const { name, bleed, marks, dpi } = fields;
  const set = (patch: Partial<ExportFields>) => setFields((f) => ({ ...f, ...patch }));
  const path = state.native ? null : name.trim().toLowerCase().endsWith(ext) ? name.trim() : `${name.trim()}${ext}`;
  const options = (force?: boolean): AnyExportOptions => (png ? { dpi, ...(force ? { force } : {}) } : { bleedMm: bleed, marks, ...(force ? { force } : {}) });
  const dpiValid = Number.isInteger(dpi) && dpi >= PNG_DPI.min && dpi <= PNG_DPI.max;
  return (
    <Backdrop testId="dialog-export" onCancel={onCancel}>
      <h2>{png ? <>导出校样 PNG <small>Export proof PNG</small></> : <>导出 PDF <small>Export PDF</small></>}</h2>
      <ExportOptionFields png={png} native={state.native} fields={fields} set={set} />
      {png && !dpiValid && (
        <ErrorLine testId="export-dpi-error" zh={`分辨率须为 ${PNG_DPI.min}–${PNG_DPI.max} dpi 的整数`} en={`The resolution must be a whole number from ${PNG_DPI.min} to ${PNG_DPI.max} dpi`} />
      )}
      {state.stage && <ExportProgress stage={state.stage} busy={state.busy} />}
      {state.error && <ErrorLine testId="export-error" zh={state.error.zh} en={state.error.en} />}
      {state.outcome && <ExportReport outcome={state.outcome} />}
      <div className="buttons">
        <button onClick={onCancel}>{state.outcome ? '关闭 Close' : '取消 Cancel'}</button>
        <ExportButtons state={state} canExport={(state.native || !!name.trim()) && (!png || dpiValid)} onOpen={onOpen} onExport={(force) => onExport(path, options(force))} />
      </div>
    </Backdrop>
  );
}

function ExportOptionFields({ png, native, fields, set }: { png: boolean; native: boolean; fields: ExportFields; set: (patch: Partial<ExportFields>) => void }) {
  return (
    <>
      {!native && (
        <Row zh="文件名" en="File name">
          <input data-testid="export-file-name" value={fields.name} onChange={(e) => set({ name: e.target.value })} />
        </Row>
      )}
      {png ? (
        <Row zh="分辨率" en="Resolution">
          <span className="number-field short">
            <input data-testid="export-dpi" type="number" min={PNG_DPI.min} max={PNG_DPI.max} step={1} value={fields.dpi} onChange={(e) => set({ dpi: Number(e.target.value) })} />
            <span className="unit">dpi</span>
          </span>
        </Row>
      ) : (
        <>
          <Row zh="出血" en="Bleed">
            <span className="number-field short">
              <input data-testid="export-bleed" type="number" min={0} max={20} step={0.5} value={fields.bleed} onChange={(e) => set({ bleed: Number(e.target.value) })} />
              <span className="unit">mm</span>
            </span>
          </Row>
          <label className="field">
            <span className="field-label">
              印刷标记<small>Printer's marks</small>
            </span>
            <input type="checkbox" checked={fields.marks} onChange={(e) => set({ marks: e.target.checked })} />
          </label>
        </>
      )}
    </>
  );
}

/** A problem shown in the dialog: Chinese, then English on a small second line. */
function ErrorLine({ testId, zh, en }: { testId: string; zh: string; en: string }) {
  return (
    <p className="status-error" role="alert" data-testid={testId}>
      {zh}
      <br />
      <small>{en}</small>
    </p>
  );
}

/** What the export did: the file written (or not), and the preflight report, errors first. */
function ExportReport({ outcome }: { outcome: ExportOutcome }) {
  return (
    <div data-testid="export-report">
      <p data-testid="export-result">
        {outcome.written ? `已导出 ${outcome.path}（${Math.round((outcome.bytes ?? 0) / 1024)} KB）· Exported` : '印前检查有错误，未导出 · Not exported: preflight found errors'}
      </p>
      <h3>
        印前检查 <small>Preflight</small>：{outcome.report.errors.length} 个错误 · {outcome.report.warnings.length} 个警告
      </h3>
      <ul className="preflight-list">
        {[...outcome.report.errors, ...outcome.report.warnings].map((i, n) => (
          <li key={n} className={`preflight-${i.severity}`} data-severity={i.severity}>
            {i.severity === 'error' ? '错误' : '警告'}：{i.zh}
            <br />
            <small>{i.en}</small>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** After the cancel button: 打开 Open once written, 仍然导出 when preflight stopped it, else 导出. */
function ExportButtons({ state, canExport, onOpen, onExport }: { state: Extract<DialogState, { kind: 'export' }>; canExport: boolean; onOpen: (path: string) => void; onExport: (force?: boolean) => void }) {
  const outcome = state.outcome;
  return (
    <>
      {outcome?.written && (
        <button className="primary" data-testid="export-open" title={state.native ? 'Open in the system viewer' : 'Open in a new tab'} onClick={() => onOpen(outcome.path)}>
          打开 Open
        </button>
      )}
      {outcome && !outcome.written && (
        <button data-testid="export-force" disabled={state.busy} onClick={() => onExport(true)}>
          仍然导出 Export anyway
        </button>
      )}
      {!outcome?.written && (
        <button className="primary" data-testid="export-ok" disabled={state.busy || !canExport} onClick={() => onExport()}>
          导出 Export
        </button>
      )}
    </>
  );
}

/** The stages of an export as steps, the current one marked, and a bar under them. */
function ExportProgress({ stage, busy }: { stage: ExportStage; busy: boolean }) {
  const at = STAGES.findIndex((s) => s.stage === stage);
  return (
    <div className="export-progress" data-testid="export-progress" data-stage={stage} data-busy={busy ? 'yes' : 'no'} role="progressbar" aria-valuemin={0} aria-valuemax={STAGES.length - 1} aria-valuenow={at}>
      <ol className="export-stages">
        {STAGES.map((s, i) => (
          <li key={s.stage} className={i < at || (i === at && !busy) ? 'done' : i === at ? 'current' : undefined} data-stage={s.stage}>
            {s.zh} <small>{s.en}</small>
          </li>
        ))}
      </ol>
      <div className={`progress${busy ? ' indeterminate' : ''}`}>
        <div style={{ width: `${((at + (busy ? 0.5 : 1)) / STAGES.length) * 100}%` }} />
      </div>
    </div>
  );
}

export function RecoverDialog({ state, onRecover, onDiscard }: { state: Extract<DialogState, { kind: 'recover' }>; onRecover: () => void; onDiscard: () => void }) {
  return (
    <Backdrop testId="dialog-recover" onCancel={onDiscard}>
      <h2>
        恢复未保存的版面？ <small>Recover unsaved work?</small>
      </h2>
      <p>
        上次没有正常关闭。自动保存的“{state.title}”（{when(state.savedAt)}）可以恢复。
        <br />
        <small>Banmian did not close normally last time. The autosaved page can be recovered.</small>
      </p>
      <div className="buttons">
        <button data-testid="recover-discard" onClick={onDiscard}>
          放弃 Discard
        </button>
        <button className="primary" data-testid="recover-ok" onClick={onRecover}>
          恢复 Recover
        </button>
      </div>
    </Backdrop>
  );
}

export function ConfirmDialog({ state, onCancel }: { state: Extract<DialogState, { kind: 'confirm' }>; onCancel: () => void }) {
  return (
    <Backdrop testId="dialog-confirm" onCancel={onCancel}>
      <p>
        {state.zh}
        <br />
        <small>{state.en}</small>
      </p>
      <div className="buttons">
        <button onClick={onCancel}>取消 Cancel</button>
        <button className="primary" data-testid="confirm-ok" onClick={state.onOk}>
          {state.okZh} {state.okEn}
        </button>
      </div>
    </Backdrop>
  );
}
