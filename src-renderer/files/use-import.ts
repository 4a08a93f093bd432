import { useCallback } from 'react';
import type { HostApi } from '../../src-core/host-api';
import type { Editor } from '../editor/editor';
import type { Failed } from './file-dialog-state';
import { keepImportCorrections } from '../proof/imported-corrections';

const readAsBase64 = (file: File): Promise<string> =>
  new Promise((done, fail) => {
    const reader = new FileReader();
    reader.onload = () => done(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => fail(reader.error);
    reader.readAsDataURL(file);
  });

/** 导入: files picked or dropped go to the host's importer; what comes back is placed (at the drop cell, if any). */
export function useImport(editor: Editor, host: HostApi, failed: Failed) {
  return useCallback(async (files: File[], at: { col: number; row: number } | null = null) => {
    if (files.length === 0) return;
    editor.notify({ zh: `正在导入 ${files.length} 个文件…`, en: `Importing ${files.length} file(s)…` }, 'info');
    let payload;
    try {
      payload = await Promise.all(files.map(async (f) => ({ name: f.name, base64: await readAsBase64(f) })));
    } catch (e) {
      return editor.notify({ zh: `无法读取文件：${String(e)}`, en: `Cannot read the files: ${String(e)}` });
    }
    const r = await host.importFiles(payload);
    if (failed(r)) return;
    const { articles, images, errors, imageLinks, report } = r.value;
    editor.importAndPlace(articles, images, at, new Map(imageLinks.map((l) => [l.imageId, l.caption])));
    // With the placed articles, so the page file keeps them and the 校对 panel lists them when it is reopened.
    keepImportCorrections(editor.pageStore, report);
    const problems = errors.map((e) => e.zh).join('；');
    const problemsEn = errors.map((e) => e.en).join('; ');
    editor.notify(
      { zh: `已导入 ${articles.length} 篇稿件、${images.length} 张图片${problems ? `；${problems}` : ''}`, en: `Imported ${articles.length} article(s), ${images.length} image(s)${problemsEn ? `; ${problemsEn}` : ''}` },
      errors.length ? 'error' : 'info',
    );
  }, [editor, host, failed]);
}
