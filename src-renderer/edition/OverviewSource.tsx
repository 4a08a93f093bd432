/**
 * Where the overview's cards come from. While the edition is shared (a server watched that holds it,
 * 发布整期), every card's status, overset, preflight and thumbnail are made from the page as the
 * server holds it now: the edition document, which the server folds every page's documents into when
 * asked (`EditionClient.fold`, asked at each answer of the watched server's directory, so every
 * `PRESENCE_POLL_MS`), by the same `editionOverview` a file's cards use. Otherwise (no server, the
 * edition not on it, or its pages numbered otherwise than the file's) they are the file's state as
 * saved, and the overview says so.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { EditionDocument } from '../../src-core/edition/edition';
import { editionOverview, type OverviewRow } from '../../src-core/edition/overview';
import type { FontRegistry } from '../../src-core/fonts/registry';
import type { EditionClient } from './edition-client';
import type { ServerPresenceState } from './server-presence';

export interface OverviewSource {
  edition: EditionDocument;
  /** The server's pages (true) or the file's (false). */
  live: boolean;
}

const nothing = (): (() => void) => () => undefined;
const zero = (): number => 0;

/** The server's edition stands for the file's only when it has the same pages in the same order (the cards' indexes are the file's). */
const samePages = (file: EditionDocument, served: EditionDocument): boolean =>
  file.pages.length === served.pages.length && file.pages.every((p, i) => p.number === served.pages[i].number);

/** The edition the cards are made from: the server's while it holds this edition, else the file's. */
export function useOverviewSource(file: EditionDocument, client: EditionClient | null, watched: ServerPresenceState): OverviewSource {
  const revision = useSyncExternalStore(client ? client.subscribe : nothing, client ? client.revision : zero);
  const served = useMemo(() => client?.edition(), [client, revision]);
  // each answer of the directory (a fresh `entries`) asks the server to fold the pages in again
  useEffect(() => {
    if (client && watched.entries && client.edition()) void client.fold();
  }, [client, watched.entries]);
  return useMemo(() => (served && samePages(file, served) ? { edition: served, live: true } : { edition: file, live: false }), [file, served]);
}

/** Each open edition's last overview rows, per source: back from a page (or after a fold), only the pages that changed are laid out again. */
const lastRows = { file: new WeakMap<object, readonly OverviewRow[]>(), live: new WeakMap<object, readonly OverviewRow[]>() };

/** The cards' rows from `source`, keeping the rows of pages that did not change since the last ones for `key` (the edition session). */
export function useOverviewRows(source: OverviewSource, fonts: FontRegistry, key: object): OverviewRow[] {
  return useMemo(() => {
    const kept = source.live ? lastRows.live : lastRows.file;
    const made = editionOverview(source.edition, { fonts }, kept.get(key));
    kept.set(key, made);
    return made;
  }, [source, fonts, key]);
}

/** One line above the cards: whose state they show. */
export function SourceNote({ live }: { live: boolean }) {
  return live ? (
    <p className="edition-source" data-testid="edition-source" data-source="server">
      服务器实况：各版状态、溢排、预检随服务器上的版面更新 <small>Live from the server: status, overset and preflight follow the pages there</small>
    </p>
  ) : (
    <p className="edition-source" data-testid="edition-source" data-source="file">
      文件状态（按保存）：重新打开整期总览时更新 <small>As saved in the file: refreshed when the overview is opened again</small>
    </p>
  );
}
