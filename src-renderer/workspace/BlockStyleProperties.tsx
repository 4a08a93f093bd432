import type { ArticleBlock, BlockBox, BoxBlock, ImageBlock, ImageCrop, RuleBlock, RuleStyle, TitleBand, TitleDirection, TitleImage, VerticalLatin } from '../../src-core/model/document';
import { RULE_STYLES } from '../../src-core/model/document';
import { boxInset } from '../../src-core/layout/layout';
import { columnDepths } from '../../src-core/model/grid';
import { useEditor, useEditorInstance } from '../editor/use-editor';
import { MmField, NumberField, Row } from '../ui/fields';

/**
 * 属性 of the block tools: a rule's style and weight, an article's 底纹/边框/内空, its 压题图 and
 * stepped columns, a picture's scale and crop. Every change is one undo step (Editor.editBlock).
 */

export const RULE_STYLE_LABELS: Record<RuleStyle, [string, string]> = {
  solid: ['栏线（实线）', 'Solid'],
  double: ['双线', 'Double'],
  thickThin: ['文武线', 'Thick and thin'],
  dashed: ['虚线', 'Dashed'],
  wave: ['波纹花边', 'Wave border'],
  dots: ['点线花边', 'Dotted border'],
};

function RuleStyleSelect({ value, onChange, testId }: { value: RuleStyle; onChange: (style: RuleStyle) => void; testId: string }) {
  return (
    <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as RuleStyle)}>
      {RULE_STYLES.map((s) => (
        <option key={s} value={s}>
          {`${RULE_STYLE_LABELS[s][0]} ${RULE_STYLE_LABELS[s][1]}`}
        </option>
      ))}
    </select>
  );
}

export function RuleProperties({ block }: { block: RuleBlock }) {
  const editor = useEditorInstance();
  const direction = block.y1 === block.y2 ? '横线 Horizontal' : block.x1 === block.x2 ? '竖线 Vertical' : '斜线 Diagonal';
  const length = Math.hypot(block.x2 - block.x1, block.y2 - block.y1);
  const left = Math.min(block.x1, block.x2);
  const top = Math.min(block.y1, block.y2);
  // Moving keeps the length; a new length moves the second end along the rule's direction.
  const move = (dx: number, dy: number) => editor.editBlock(block.id, { x1: block.x1 + dx, y1: block.y1 + dy, x2: block.x2 + dx, y2: block.y2 + dy });
  const stretch = (to: number) => length > 0 && editor.editBlock(block.id, { x2: block.x1 + ((block.x2 - block.x1) * to) / length, y2: block.y1 + ((block.y2 - block.y1) * to) / length });
  return (
    <>
      <p className="measure" data-testid="rule-measure">
        {direction}
      </p>
      <div className="field-grid">
        <Row zh="X" en="Left">
          <MmField testId="prop-rule-x" pt={left} onCommit={(v) => move(v - left, 0)} />
        </Row>
        <Row zh="Y" en="Top">
          <MmField testId="prop-rule-y" pt={top} onCommit={(v) => move(0, v - top)} />
        </Row>
        <Row zh="长度" en="Length">
          <MmField testId="prop-rule-length" pt={length} onCommit={(v) => v > 0 && stretch(v)} />
        </Row>
      </div>
      <Row zh="线型" en="Rule style">
        <RuleStyleSelect testId="prop-rule-style" value={block.style ?? 'solid'} onChange={(style) => editor.editBlock(block.id, { style: style === 'solid' ? undefined : style })} />
      </Row>
      <Row zh="粗细" en="Weight">
        <NumberField testId="prop-rule-width" value={block.width} min={0.1} max={12} digits={2} unit="pt" onCommit={(v) => editor.editBlock(block.id, { width: v })} />
      </Row>
    </>
  );
}

/** 底纹, 边框 and 内空 of an article block (and its stepped columns), of a free box, or round a picture. */
export function BoxProperties({ block }: { block: ArticleBlock | BoxBlock | ImageBlock }) {
  const editor = useEditorInstance();
  const set = (fields: Partial<BlockBox>) => editor.editBlock(block.id, fields);
  const depths = block.kind === 'article' && block.columnRows ? columnDepths(block) : undefined;
  const bodySize = useEditor((s) => s.doc.page.bodySize);
  return (
    <>
      <h4 title="Tint and frame">
        底纹与边框 <small>Tint and frame</small>
      </h4>
      <div className="field-grid">
        <Row zh="底纹" en="Tint (% K)">
          <NumberField testId="prop-tint" value={block.tint ?? 0} min={0} max={100} unit="% K" onCommit={(v) => set({ tint: v > 0 ? v : undefined })} />
        </Row>
        <Row zh="边框粗细" en="Frame weight">
          <NumberField testId="prop-frame-width" value={block.frameWidth ?? 0} min={0} max={24} digits={2} unit="pt" onCommit={(v) => set({ frameWidth: v > 0 ? v : undefined })} />
        </Row>
        {block.kind === 'article' && (
          <Row zh="内空" en="Inset">
            <MmField testId="prop-inset" pt={boxInset(block, bodySize)} onCommit={(v) => set({ inset: v })} />
          </Row>
        )}
      </div>
      <Row zh="边框线型" en="Frame style">
        <RuleStyleSelect testId="prop-frame-style" value={block.frameStyle ?? 'solid'} onChange={(style) => set({ frameStyle: style === 'solid' ? undefined : style, frameWidth: block.frameWidth || 0.5 })} />
      </Row>
      {depths && (
        <div className="buttons">
          <span className="measure" data-testid="prop-steps">
            阶梯 Stepped：{depths.join(' / ')} 行
          </span>
          <button data-testid="prop-reset-steps" onClick={() => editor.resetColumnDepths(block.id)} title="Make every column as deep as the block">
            恢复矩形
          </button>
        </div>
      )}
    </>
  );
}

/** Scale and crop of a picture in its frame: 满框 / 适合, scale and offsets in %, reset. */
function CropFields({ crop, onChange, prefix }: { crop: ImageCrop; onChange: (crop: ImageCrop) => void; prefix: string }) {
  const fit = crop.fit ?? 'fill';
  return (
    <>
      <div className="buttons" role="group" aria-label="Fit">
        <button data-testid={`${prefix}-fill`} aria-pressed={fit === 'fill'} className={fit === 'fill' ? 'active' : ''} onClick={() => onChange({ fit: undefined, scale: undefined, offsetX: undefined, offsetY: undefined })} title="Fill the frame (crop what sticks out)">
          满框
        </button>
        <button data-testid={`${prefix}-fit`} aria-pressed={fit === 'fit'} className={fit === 'fit' ? 'active' : ''} onClick={() => onChange({ fit: 'fit', scale: undefined, offsetX: undefined, offsetY: undefined })} title="Fit the whole picture in the frame">
          适合
        </button>
      </div>
      <div className="field-grid">
        <Row zh="缩放" en="Scale">
          <NumberField testId={`${prefix}-scale`} value={(crop.scale ?? 1) * 100} min={10} max={1000} unit="%" onCommit={(v) => onChange({ scale: v === 100 ? undefined : v / 100 })} />
        </Row>
        <Row zh="水平偏移" en="Offset across">
          <NumberField testId={`${prefix}-offset-x`} value={(crop.offsetX ?? 0) * 100} min={-1000} max={1000} digits={1} unit="%" onCommit={(v) => onChange({ offsetX: v === 0 ? undefined : v / 100 })} />
        </Row>
        <Row zh="垂直偏移" en="Offset down">
          <NumberField testId={`${prefix}-offset-y`} value={(crop.offsetY ?? 0) * 100} min={-1000} max={1000} digits={1} unit="%" onCommit={(v) => onChange({ offsetY: v === 0 ? undefined : v / 100 })} />
        </Row>
      </div>
      <p className="hint">拖动图中央的 ✛ 可在框内移动图片 · Drag the ✛ grip to move the picture in its frame</p>
    </>
  );
}

export function ImageCropProperties({ block }: { block: ImageBlock }) {
  const editor = useEditorInstance();
  return (
    <>
      <h4 title="Scale and crop">
        缩放与裁切 <small>Scale and crop</small>
      </h4>
      <CropFields prefix="prop-crop" crop={block} onChange={(crop) => editor.editBlock(block.id, { ...crop })} />
    </>
  );
}

/** 压题图: which picture the titles are set over, its depth, the titles' colour and the crop. */
export function TitleImageProperties({ block }: { block: ArticleBlock }) {
  const editor = useEditorInstance();
  const images = useEditor((s) => s.doc.images);
  const t = block.titleImage;
  // Unset crop fields are left out of the stored object rather than kept as undefined.
  const set = (next: TitleImage | undefined) => editor.editBlock(block.id, { titleImage: next && (Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as unknown as TitleImage) });
  return (
    <>
      <h4 title="Headline over a picture">
        压题图 <small>Headline over picture</small>
      </h4>
      <Row zh="题图" en="Picture">
        <select data-testid="prop-title-image" value={t?.imageId ?? ''} onChange={(e) => set(e.target.value ? { text: 'white', ...t, imageId: e.target.value } : undefined)}>
          <option value="">无 None</option>
          {images.map((img) => (
            <option key={img.id} value={img.id}>
              {img.name}
            </option>
          ))}
        </select>
      </Row>
      {t && (
        <>
          <div className="field-grid">
            <Row zh="图高（0 自动）" en="Picture depth in lines (0: titles + 3)">
              <NumberField testId="prop-title-rows" value={t.rows ?? 0} min={0} max={200} unit="行" onCommit={(v) => set({ ...t, rows: v > 0 ? v : undefined })} />
            </Row>
            <Row zh="标题颜色" en="Title colour">
              <select data-testid="prop-title-text" value={t.text} onChange={(e) => set({ ...t, text: e.target.value as TitleImage['text'] })}>
                <option value="white">反白 White (knockout)</option>
                <option value="black">黑字 Black</option>
              </select>
            </Row>
          </div>
          <CropFields prefix="prop-title-crop" crop={t} onChange={(crop) => set({ ...t, ...crop })} />
        </>
      )}
    </>
  );
}

/** The band's kinds as the panel offers them: none, 反白 (white on the tint), 底纹 (black on it), each with its usual tint. */
const BAND_CHOICES: { value: '' | TitleBand['text']; zh: string; en: string; tint: number }[] = [
  { value: '', zh: '无', en: 'None', tint: 0 },
  { value: 'white', zh: '反白', en: 'White on black', tint: 100 },
  { value: 'black', zh: '底纹', en: 'Black on a tint', tint: 15 },
];

/** 标题底纹 / 反白: a K band behind the titles, its tint in % K. */
export function TitleBandProperties({ block }: { block: ArticleBlock }) {
  const editor = useEditorInstance();
  const band = block.titleBand;
  const set = (next: TitleBand | undefined) => editor.editBlock(block.id, { titleBand: next });
  const choose = (value: string) => {
    const choice = BAND_CHOICES.find((c) => c.value === value);
    set(choice?.value ? { text: choice.value, tint: choice.tint } : undefined);
  };
  // Full-width rows: in the two-column grid the select showed "无 No…" and the label wrapped.
  return (
    <div className="field-rows">
      <Row zh="标题底纹" en="Title band">
        <select data-testid="prop-title-band" value={band?.text ?? ''} onChange={(e) => choose(e.target.value)}>
          {BAND_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {`${c.zh} ${c.en}`}
            </option>
          ))}
        </select>
      </Row>
      {band && (
        <Row zh="网点" en="Band tint (% K)">
          <NumberField testId="prop-title-band-tint" value={band.tint} min={1} max={100} unit="%" onCommit={(v) => set({ ...band, tint: v })} />
        </Row>
      )}
    </div>
  );
}

/** 标题排向: titles across the top (横排) or down a column at the block's right (竖排), and how Latin stands in it; lines over horizontal titles (图在题上). */
export function TitleDirectionProperties({ block }: { block: ArticleBlock }) {
  const editor = useEditorInstance();
  const vertical = block.titleDirection === 'vertical';
  // Full-width rows: in the two-column grid the selects showed "横排 Hor" and the label took 3 lines.
  return (
    <div className="field-rows">
      <Row zh="标题排向" en="Title direction">
        <select
          data-testid="prop-title-direction"
          value={block.titleDirection ?? 'horizontal'}
          title={block.titleImage ? '压题图的标题总是横排 · Titles over a picture are always horizontal' : undefined}
          onChange={(e) => editor.editBlock(block.id, { titleDirection: e.target.value === 'vertical' ? ('vertical' satisfies TitleDirection) : undefined })}
        >
          <option value="horizontal">横排 Horizontal</option>
          <option value="vertical">竖排 Vertical</option>
        </select>
      </Row>
      {!vertical && !block.titleImage && (
        // 图在题上: lines left over the titles for a picture of the story's own (make-up sets it; 0: titles at the top)
        <Row zh="题上留行" en="Lines over titles">
          <NumberField testId="prop-title-row" value={block.titleRow ?? 0} min={0} max={Math.max(0, block.rows - 1)} unit="行" onCommit={(v) => editor.editBlock(block.id, { titleRow: Math.round(v) > 0 ? Math.round(v) : undefined })} />
        </Row>
      )}
      {vertical && (
        <Row zh="西文数字" en="Latin and digits">
          <select data-testid="prop-title-latin" value={block.titleLatin ?? 'rotated'} onChange={(e) => editor.editBlock(block.id, { titleLatin: e.target.value === 'upright' ? ('upright' satisfies VerticalLatin) : undefined })}>
            <option value="rotated">转排 Turned</option>
            <option value="upright">直排 Upright</option>
          </select>
        </Row>
      )}
    </div>
  );
}
