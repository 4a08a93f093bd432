import type { ImageBlock, TextWrap } from '../../src-core/model/document';
import { TEXT_WRAPS, WRAP_OFFSET } from '../../src-core/model/document';
import { useEditor, useEditorInstance } from '../editor/use-editor';
import { NumberField, Row } from '../ui/fields';
import { placeIntoFrame } from './picture-drag';
import { LOW_PPI, pictureItemOf, placedPpi } from './picture-list';

const WRAP_LABELS: Record<TextWrap, [string, string]> = {
  around: ['绕框', 'Around the frame'],
  band: ['上下', 'Above and below'],
  none: ['不绕排', 'None (over the text)'],
};

/** 属性 of a picture block beyond its crop: which picture it shows (置入), the resolution it prints at, 文字绕排. */
export function PictureProperties({ block }: { block: ImageBlock }) {
  const editor = useEditorInstance();
  const images = useEditor((s) => s.doc.images);
  // The layout follows a crop drag's preview, so the figure is live while the grip moves.
  const ppi = useEditor((s) => placedPpi(s.doc.images.find((i) => i.id === block.imageId), pictureItemOf(s.layout, s.layout?.frames.find((f) => f.blockId === block.id), block.imageId)));
  const low = ppi !== undefined && ppi < LOW_PPI;
  return (
    <>
      <Row zh="图片" en="Picture (置入)">
        <select data-testid="prop-picture" value={block.imageId} onChange={(e) => placeIntoFrame(editor, block.id, e.target.value)}>
          {images.map((img) => (
            <option key={img.id} value={img.id}>
              {img.name}
              {img.data ? '' : '（占位）'}
            </option>
          ))}
        </select>
      </Row>
      <p className={`measure${low ? ' ppi-low' : ''}`} data-testid="prop-ppi" data-ppi={ppi ?? ''} title={low ? `Below ${LOW_PPI} ppi: the picture will print soft` : 'Effective resolution at its placed size'}>
        有效分辨率 Effective {ppi === undefined ? '—' : `${ppi} ppi`}
        {low && ` ⚠ 低于 ${LOW_PPI} ppi，印刷会模糊 · below ${LOW_PPI} ppi, prints soft`}
      </p>
      <h4 title="Text wrap">
        文字绕排 <small>Text wrap</small>
      </h4>
      <Row zh="方式" en="Wrap">
        <select data-testid="prop-wrap" value={block.wrap ?? 'around'} onChange={(e) => editor.editBlock(block.id, { wrap: e.target.value === 'around' ? undefined : (e.target.value as TextWrap) })}>
          {TEXT_WRAPS.map((w) => (
            <option key={w} value={w}>
              {`${WRAP_LABELS[w][0]} ${WRAP_LABELS[w][1]}`}
            </option>
          ))}
        </select>
      </Row>
      <div className="field-grid">
        <Row zh="距离" en="Offset in lines">
          <NumberField testId="prop-wrap-offset" value={block.wrapOffset ?? WRAP_OFFSET.default} min={0} max={WRAP_OFFSET.max} unit="行" onCommit={(v) => editor.editBlock(block.id, { wrapOffset: v === WRAP_OFFSET.default ? undefined : v })} />
        </Row>
      </div>
    </>
  );
}
