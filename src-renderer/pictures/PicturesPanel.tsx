import { memo, useMemo } from 'react';
import type { ImageAsset } from '../../src-core/model/document';
import { useEditor, useEditorInstance } from '../editor/use-editor';
import { PICTURE_DRAG_TYPE } from './picture-drag';
import { pictureEntries, type PictureEntry } from './picture-list';
import { useThumbnail } from './previews';
import './pictures.css';

/**
 * 图片: every picture of the page (imported, dropped or pasted) with its thumbnail, pixel size and
 * where it is placed. Drag one onto the page for a new picture block, or onto a picture frame to
 * put it in (置入); click a placed one to select its block.
 */
export function PicturesPanel() {
  const images = useEditor((s) => s.doc.images);
  const blocks = useEditor((s) => s.doc.blocks);
  const articles = useEditor((s) => s.doc.articles);
  const selection = useEditor((s) => s.selection);
  const entries = useMemo(() => pictureEntries({ images, blocks, articles }), [images, blocks, articles]);
  return (
    <div className="pictures-panel" data-testid="pictures-panel">
      <p className="hint">拖到版面上新建图片块，拖到图框里置入 · Drag onto the page for a new picture, onto a frame to place it in</p>
      {entries.length === 0 ? (
        <p className="hint" data-testid="pictures-empty">
          还没有图片：用“导入稿件”导入，或把图片拖到版面上 · No pictures yet: import them or drop them on the page
        </p>
      ) : (
        <ul className="picture-list">
          {entries.map((e) => (
            <PictureRow key={e.asset.id} entry={e} selected={e.places.some((p) => p.blockId === selection)} />
          ))}
        </ul>
      )}
    </div>
  );
}

const Thumbnail = memo(function Thumbnail({ asset }: { asset: ImageAsset }) {
  const thumb = useThumbnail(asset);
  if (thumb.state === 'ready') return <img className="picture-thumb" data-testid="picture-thumb" src={thumb.url} alt="" draggable={false} />;
  return (
    <span className="picture-thumb picture-thumb-empty" data-testid="picture-thumb" title={thumb.state === 'none' ? thumb.en : 'Loading'}>
      {thumb.state === 'none' ? thumb.zh : '…'}
    </span>
  );
});

function PictureRow({ entry, selected }: { entry: PictureEntry; selected: boolean }) {
  const editor = useEditorInstance();
  const { asset, places, placeholder } = entry;
  return (
    <li
      className={`picture-item${places.length ? ' placed' : ' unplaced'}${selected ? ' selected' : ''}`}
      data-testid="picture-item"
      data-image={asset.id}
      data-placed={places.length ? 'yes' : 'no'}
      draggable={!placeholder}
      title={placeholder ? 'A placeholder: it has no picture yet' : 'Drag onto the page, or onto a picture frame'}
      onDragStart={(e) => {
        e.dataTransfer.setData(PICTURE_DRAG_TYPE, asset.id);
        e.dataTransfer.effectAllowed = 'copy';
      }}
      onClick={() => places[0] && editor.select(places[0].blockId)}
    >
      <Thumbnail asset={asset} />
      <span className="picture-facts">
        <span className="picture-name" data-testid="picture-name">
          {asset.name}
        </span>
        <span className="picture-size" data-testid="picture-size">
          {asset.pixelWidth > 0 ? `${asset.pixelWidth}×${asset.pixelHeight} 像素 px` : '尺寸未知 size unknown'}
        </span>
        <span className="picture-place" data-testid="picture-place" title={places.map((p) => p.en).join('; ') || 'Not placed'}>
          {places.length ? places.map((p) => p.zh).join('、') : '未置入'}
        </span>
      </span>
    </li>
  );
}
