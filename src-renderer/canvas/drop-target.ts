import type { RefObject } from 'react';
import { cellAt } from '../editor/geometry';
import type { Editor } from '../editor/editor';
import type { ToPage } from './gestures';
import { dropPicture, PICTURE_DRAG_TYPE } from '../pictures/picture-drag';

/** The drag type of an unplaced article taken from the article list. */
export const ARTICLE_DRAG_TYPE = 'application/x-banmian-article';

/**
 * The article taken from the list. dataTransfer's data cannot be read during dragover (only its
 * types), so the list also leaves the id here.
 */
let articleBeingDragged: string | null = null;

export function setArticleBeingDragged(id: string | null): void {
  articleBeingDragged = id;
}

export type FilesDropped = (files: File[], at: { col: number; row: number } | null) => void;

/** Dropping on the page: an article or a picture from the lists is placed where it falls; files are handed on. */
export function useDropTarget(editor: Editor, sheet: RefObject<HTMLDivElement | null>, toPage: ToPage, onFilesDropped?: FilesDropped) {
  const onDragOver = (e: React.DragEvent) => {
    const types = e.dataTransfer.types;
    if (types.includes(ARTICLE_DRAG_TYPE)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      const id = articleBeingDragged;
      if (!id) return;
      const p = toPage(e.clientX, e.clientY);
      const cell = cellAt(editor.getState().geo, p.x, p.y);
      editor.previewPlacement(id, cell.col, cell.row);
    } else if (types.includes('Files') || types.includes(PICTURE_DRAG_TYPE)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  };

  const onDrop = (e: React.DragEvent) => {
    if (e.dataTransfer.types.includes(ARTICLE_DRAG_TYPE)) {
      e.preventDefault();
      const id = e.dataTransfer.getData(ARTICLE_DRAG_TYPE) || articleBeingDragged;
      const p = toPage(e.clientX, e.clientY);
      const cell = cellAt(editor.getState().geo, p.x, p.y);
      if (id) {
        editor.previewPlacement(id, cell.col, cell.row);
        editor.commitInteraction();
      }
      articleBeingDragged = null;
      return;
    }
    const picture = e.dataTransfer.getData(PICTURE_DRAG_TYPE);
    if (picture) {
      e.preventDefault();
      const p = toPage(e.clientX, e.clientY);
      return dropPicture(editor, picture, p.x, p.y);
    }
    if (e.dataTransfer.files.length > 0) {
      e.preventDefault();
      // Pictures land where they are dropped (on the page); text files join the article list.
      let at: { col: number; row: number } | null = null;
      if (sheet.current) {
        const r = sheet.current.getBoundingClientRect();
        if (e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom) {
          const p = toPage(e.clientX, e.clientY);
          at = cellAt(editor.getState().geo, p.x, p.y);
        }
      }
      onFilesDropped?.([...e.dataTransfer.files], at);
    }
  };

  const onDragLeave = (e: React.DragEvent) => {
    if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
    if (editor.getState().interaction?.kind === 'place') editor.cancelInteraction();
  };

  return { onDragOver, onDrop, onDragLeave };
}
