import { Fragment, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { setTextBox } from '../../src-core/layout/layout';
import { itemsToSvg, SVG_FONT_FEATURES } from '../../src-core/svg/page-svg';
import { bringFaces, cssFamily } from '../canvas/fonts';
import { useLoadedFonts } from '../canvas/use-fonts';
import type { TextStyle } from '../../src-core/model/document';
import { STYLE_ALIGNS, STYLE_FIELD_LABELS, STYLE_FIELDS } from '../../src-core/model/styles';
import { ZIHAO_PT, parseSize, ptToZihao } from '../../src-core/model/units';
import { useEditorInstance } from '../editor/use-editor';
import { FAMILY_SAMPLE, familyChoices, type FamilyChoice } from '../ui/family-choices';
import { NumberField } from '../ui/fields';
import { FontProblems } from './FontProblems';
import { FallbackFaces } from './fallback-faces';
import { useFamilyCommit } from './use-family-commit';

const ALIGN_LABELS: Record<TextStyle['align'], string> = { justify: '两端 Justify', left: '居左 Left', center: '居中 Centre', right: '居右 Right' };

/** 字号 with its pt ("小初 36 pt"), or the pt alone for a size between names. */
function sizeText(pt: number): string {
  const name = ptToZihao(pt);
  const p = Number.isInteger(pt) ? String(pt) : String(Math.round(pt * 100) / 100);
  return name ? `${name} ${p} pt` : `${p} pt`;
}

/**
 * Whether an input event is a pick from the field's list (a datalist suggestion) rather than typing:
 * browsers fire a plain `input` Event, or an InputEvent replacing the whole text, for a pick.
 */
function pickedFromList(e: Event): boolean {
  return !(e instanceof InputEvent) || e.inputType === 'insertReplacementText';
}

/**
 * A type size as a combo: pick a 字号 from the list or type one (小初, 9pt, 10.5, 3.5mm) and press
 * Enter. A pick applies at once; Enter applies what was typed and keeps the focus (the text
 * selected for the next size), so the key never reaches the page. What does not parse is refused
 * with a notice and the old size comes back. The text applied is always the one in the field now,
 * never a draft kept from an earlier render.
 */
export function SizeCombo({ pt, onCommit, testId }: { pt: number; onCommit: (pt: number) => void; testId?: string }) {
  const editor = useEditorInstance();
  const [draft, setDraft] = useState<string | null>(null);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  // After Enter the field shows the size applied, all selected, so the next size replaces it.
  const selectShown = useRef(false);
  useLayoutEffect(() => {
    if (selectShown.current) input.current?.select();
    selectShown.current = false;
  });
  const apply = (text: string) => {
    setDraft(null);
    // The list's entries read "小初 36 pt": the name alone is enough.
    const typed = text.trim();
    const v = parseSize(typed) ?? parseSize(typed.split(/\s+/)[0]);
    if (v === undefined) {
      editor.notify({ zh: `无法识别的字号“${typed}”：请输入字号名（如 小五）或磅值（如 9pt）`, en: `Unknown type size '${typed}': type a 字号 name (e.g. 小五) or points (e.g. 9pt)` }, 'warning');
      return;
    }
    if (Math.abs(v - pt) > 1e-6) onCommit(v);
  };
  return (
    <span className="size-combo">
      <input
        ref={input}
        data-testid={testId}
        list={listId}
        value={draft ?? sizeText(pt)}
        onFocus={(e) => e.target.select()}
        onChange={(e) => {
          const value = e.target.value;
          if (pickedFromList(e.nativeEvent) && ZIHAO_PT.some(([, size]) => sizeText(size) === value)) apply(value);
          else setDraft(value);
        }}
        onBlur={(e) => draft !== null && apply(e.currentTarget.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') setDraft(null);
          if (e.key !== 'Enter') return;
          e.preventDefault();
          selectShown.current = true;
          if (draft !== null) apply(e.currentTarget.value);
          else e.currentTarget.select();
        }}
      />
      <datalist id={listId}>
        {ZIHAO_PT.map(([name, size]) => (
          <option key={name} value={sizeText(size)} />
        ))}
      </datalist>
    </span>
  );
}

/**
 * The families the fonts have (familyChoices); a style's face that is missing is shown as such.
 * Beside the list, 字样 opens the families drawn in their own faces (FAMILY_SAMPLE): their sample
 * faces are fetched and declared only then, never at the start. Picking an installed family first
 * fetches its faces (useFamilyCommit).
 */
export function FamilySelect({ family, onCommit, testId }: { family: string; onCommit: (family: string) => void; testId?: string }) {
  const editor = useEditorInstance();
  const loaded = useLoadedFonts();
  const [open, setOpen] = useState(false);
  const picker = useRef<HTMLSpanElement>(null);
  // A press anywhere outside the picker closes its list, as a select's would.
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => !picker.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [open]);
  const choices = familyChoices(editor.fonts, family);
  const take = useFamilyCommit();
  const pick = (next: string) => {
    setOpen(false);
    if (next !== family) take(next, () => onCommit(next));
  };
  const toggle = () => {
    if (!open && loaded) {
      const faces = choices.flatMap((c) => (c.sampleFace ? [c.sampleFace] : []));
      void bringFaces(loaded, faces).then((r) => !r.ok && editor.notify(r, 'warning'));
    }
    setOpen(!open);
  };
  return (
    <span className="family-picker" ref={picker}>
      <select data-testid={testId} value={family} onChange={(e) => pick(e.target.value)}>
        {choices.map((c) => (
          <option key={c.family} value={c.family} title={c.title}>
            {c.text}
          </option>
        ))}
      </select>
      <button type="button" className="family-samples-toggle" data-testid={testId && `${testId}-samples`} aria-expanded={open} title="字样 Face samples" onClick={toggle}>
        字样
      </button>
      {open && <FamilySamples choices={choices} current={family} onPick={pick} onClose={() => setOpen(false)} testId={testId && `${testId}-samples-list`} />}
    </span>
  );
}

/** The picker's list: the installed font files that cannot be used (FontProblems), then each family by its name and FAMILY_SAMPLE drawn in its sample face. */
function FamilySamples({ choices, current, onPick, onClose, testId }: { choices: FamilyChoice[]; current: string; onPick: (family: string) => void; onClose: () => void; testId?: string }) {
  return (
    <div className="family-samples" data-testid={testId} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}>
      <FontProblems testId={testId && `${testId}-problems`} />
      <div className="family-samples-options" role="listbox">
        {choices.map((c) => (
          <button key={c.family} type="button" role="option" aria-selected={c.family === current} data-family={c.family} title={c.title} onClick={() => onPick(c.family)}>
            <span className="family-sample-name">{c.text}</span>
            {c.sampleFace && (
              <span className="family-sample-text" data-face={c.sampleFace} style={{ fontFamily: `${cssFamily(c.sampleFace)}, sans-serif` }}>
                {FAMILY_SAMPLE}
              </span>
            )}
          </button>
        ))}
      </div>
    </div>
  );
}

/**
 * The fields of one style as a small form. `overridden` marks the fields an article sets itself
 * (highlighted, with a × that clears just that field); `fields` picks which fields to show.
 */
export function StyleFields({
  style,
  onChange,
  testId,
  fields = STYLE_FIELDS,
  overridden,
  onClearField,
}: {
  style: TextStyle;
  onChange: (fields: Partial<TextStyle>) => void;
  testId: string;
  fields?: readonly (keyof TextStyle)[];
  overridden?: ReadonlySet<keyof TextStyle>;
  onClearField?: (field: keyof TextStyle) => void;
}) {
  const cell = (field: keyof TextStyle, input: ReactNode) => {
    const label = STYLE_FIELD_LABELS[field];
    const over = overridden?.has(field);
    return (
      <span className={`style-field${over ? ' overridden' : ''}`} title={over ? `${label.en} (overridden for this article)` : label.en} data-testid={`${testId}-${field}-cell`} data-overridden={over ? 'true' : undefined}>
        <span className="style-field-label">{label.zh}</span>
        {input}
        {over && onClearField && (
          <button className="clear-field" data-testid={`${testId}-${field}-clear`} title={`清除覆盖 Clear override: ${label.en}`} onClick={() => onClearField(field)}>
            ×
          </button>
        )}
      </span>
    );
  };
  const inputs: Record<keyof TextStyle, () => ReactNode> = {
    family: () => <FamilySelect testId={`${testId}-family`} family={style.family} onCommit={(family) => onChange({ family })} />,
    bold: () => <input type="checkbox" data-testid={`${testId}-bold`} checked={style.bold} onChange={(e) => onChange({ bold: e.target.checked })} />,
    size: () => <SizeCombo testId={`${testId}-size`} pt={style.size} onCommit={(size) => onChange({ size })} />,
    lineHeight: () => <NumberField testId={`${testId}-lineHeight`} value={style.lineHeight} digits={1} unit="pt" onCommit={(lineHeight) => onChange({ lineHeight })} />,
    align: () => (
      <select data-testid={`${testId}-align`} value={style.align} onChange={(e) => onChange({ align: e.target.value as TextStyle['align'] })}>
        {STYLE_ALIGNS.map((a) => (
          <option key={a} value={a}>
            {ALIGN_LABELS[a]}
          </option>
        ))}
      </select>
    ),
    tracking: () => <NumberField testId={`${testId}-tracking`} value={style.tracking} digits={2} unit="em" onCommit={(tracking) => onChange({ tracking })} />,
    fallback: () => <FallbackFaces testId={`${testId}-fallback`} chain={style.fallback ?? []} family={style.family} onCommit={(chain) => onChange({ fallback: chain.length ? chain : undefined })} />,
    // Set by 适配 and make-up on an article (拉行/缩行), not a panel field.
    lineShift: () => null,
  };
  return <div className="style-fields">{fields.map((f) => <Fragment key={f}>{cell(f, inputs[f]())}</Fragment>)}</div>;
}

const SAMPLE_TEXT = '版面样式 永字八法 Ag 2024';
const SAMPLE_WIDTH = 250;
/** Screen px per pt of the samples. */
const SAMPLE_SCALE = 1.2;

/**
 * A live sample line of a style, set by the same composer and drawn the way the page is (glyphs at
 * the composer's x positions in the app's registered faces), so what it shows is what prints.
 */
export function StyleSample({ style, testId }: { style: TextStyle; testId?: string }) {
  const editor = useEditorInstance();
  const markup = useMemo(() => {
    // One line only, as wide as the text needs at this size, set from the left so the frame shows
    // its start (the alignment is in the field beside it).
    const width = Math.max(SAMPLE_WIDTH, style.size * (SAMPLE_TEXT.length + 2));
    const set = setTextBox({ fonts: editor.fonts }, SAMPLE_TEXT, { ...style, align: 'left' }, { x: 0, y: 0, width });
    return { width, height: Math.max(set.height, style.size), svg: itemsToSvg(set.items, { fontFamily: cssFamily }) };
  }, [editor, style]);
  // Drawn at a fixed scale, so sizes compare between styles; the frame clips what is wider.
  return (
    <div className="style-sample" data-testid={testId}>
      <svg
        width={markup.width * SAMPLE_SCALE}
        height={markup.height * SAMPLE_SCALE}
        viewBox={`0 0 ${markup.width} ${markup.height}`}
        style={{ fontKerning: 'none', fontVariantLigatures: 'none', fontFeatureSettings: SVG_FONT_FEATURES }}
        dangerouslySetInnerHTML={{ __html: markup.svg }}
      />
    </div>
  );
}
