import { cellAt } from '../editor/geometry';
import type { Editor } from '../editor/editor';
import { pictureFrameAt } from './picture-list';

/** The drag type of a picture taken from the 图片 list. */
export const PICTURE_DRAG_TYPE = 'application/x-banmian-picture';

/** 置入: the picture replaces what a frame shows, fitted whole and centred (crop reset); one undo step. */
export function placeIntoFrame(editor: Editor, blockId: string, imageId: string): void {
  editor.editBlock(blockId, { imageId, fit: 'fit', scale: undefined, offsetX: undefined, offsetY: undefined });
  editor.select(blockId);
}

/**
 * A picture from the list let go over the page at (x, y) pt: into the picture frame under it, or
 * as a new picture block at the grid cell there.
 */
export function dropPicture(editor: Editor, imageId: string, x: number, y: number): void {
  const { layout, geo } = editor.getState();
  const frame = pictureFrameAt(layout, x, y);
  if (frame) return placeIntoFrame(editor, frame.blockId, imageId);
  editor.placePicture(imageId, cellAt(geo, x, y));
}
