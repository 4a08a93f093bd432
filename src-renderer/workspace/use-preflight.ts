import { useMemo } from 'react';
import { base64ToBytes } from '../../src-core/model/base64';
import type { BanmianDocument, ImageAsset } from '../../src-core/model/document';
import { preflight, type PreflightReport } from '../../src-core/preflight';
import type { Editor } from '../editor/editor';
import { useEditorInstance } from '../editor/use-editor';
import type { Settled } from '../ui/use-settled-layout';

/** Decoded picture bytes per asset object (assets keep their identity while unchanged). */
const decoded = new WeakMap<ImageAsset, Uint8Array | null>();

function imageBytesOf(doc: BanmianDocument): (imageId: string) => Uint8Array | undefined {
  const assets = new Map(doc.images.map((a) => [a.id, a]));
  return (id) => {
    const asset = assets.get(id);
    if (!asset?.data) return undefined;
    let bytes = decoded.get(asset);
    if (bytes === undefined) {
      bytes = base64ToBytes(asset.data) ?? null;
      decoded.set(asset, bytes);
    }
    return bytes ?? undefined;
  };
}

/** The same preflight the export runs (src-core/preflight), on the settled page. */
export function runPreflight(editor: Editor, settled: Settled): PreflightReport {
  return preflight(settled.doc, settled.layout, { fonts: editor.fonts, imageBytes: imageBytesOf(settled.doc) });
}

export function usePreflight(settled: Settled | null): PreflightReport | null {
  const editor = useEditorInstance();
  return useMemo(() => (settled ? runPreflight(editor, settled) : null), [editor, settled]);
}
