/**
 * What a 校样 (digital proof) PDF is, declared once: the trimmed page without printer's marks,
 * without bleed and without the PDF/X output intent. The CLI's `--proof` (export, edition, compose)
 * and the app's 导出整期 校样 both take their settings from here.
 */
export const PROOF_PRINT = { bleedMm: 0, marks: false, pdfx: false } as const;
