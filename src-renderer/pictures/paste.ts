import { useEffect, useRef } from 'react';

/** Where a paste belongs to the field being typed in, not to the page. */
function isEditable(target: EventTarget | null): boolean {
  const el = target instanceof Element ? target : null;
  return !!el?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

/** Pictures pasted since the app started: numbers the names, two pastes in one second included. */
let pasted = 0;

/** Clipboard pictures are all called image.png: each pasted one gets a name the 图片 list can tell apart. */
function named(file: File, at: Date): File {
  if (!/^image\.(png|jpe?g)$/i.test(file.name)) return file;
  const stamp = at.toTimeString().slice(0, 8).replace(/:/g, '');
  return new File([file], `粘贴图片-${stamp}-${++pasted}.${file.name.split('.').pop()}`, { type: file.type });
}

/**
 * Pictures (or any files) pasted while no text field has the focus join the page's 图片 list
 * through the importer, as dropped files do; what it refuses is said in its notice.
 */
export function usePastedPictures(onFiles: ((files: File[], at: null) => void) | undefined): void {
  // The callback changes with every render of its owner; the listener stays and calls the latest.
  const latest = useRef(onFiles);
  latest.current = onFiles;
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = [...(e.clipboardData?.files ?? [])];
      if (!latest.current || files.length === 0 || isEditable(e.target)) return;
      e.preventDefault();
      const now = new Date();
      latest.current(files.map((f) => named(f, now)), null);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
}
