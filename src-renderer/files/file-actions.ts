/** What the file commands of the table run (bound by workspace/commands.ts, supplied by use-files.tsx). */
export interface FileActions {
  newPage(): void;
  open(): void;
  /** Pick one of the recently opened pages. */
  openRecent(): void;
  save(): void;
  saveAs(): void;
  importFiles(): void;
  exportPdf(): void;
  /** The proof PNG (校样 PNG) of the page. */
  exportPng(): void;
  findReplace(): void;
}
