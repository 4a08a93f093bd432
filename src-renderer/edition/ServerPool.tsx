import { useEffect, useState, useSyncExternalStore } from 'react';
import { editionIdOf } from '../../src-core/edition/shared-edition';
import type { Localized } from '../../src-core/collab/protocol';
import type { HostApi } from '../../src-core/host-api';
import { EditionClient, type EditionResult } from './edition-client';
import type { EditionSession, EditionView } from './edition-session';
import type { ServerPresenceState } from './server-presence';

/**
 * The edition's pool on the watched server (稿库 · 服务器): the articles no page holds, as every desk
 * of the edition sees them, each placed on a page by the server (放上); 发布整期 puts the edition
 * there first; 按服务器保存整期 writes the file from the server's pages (EditionSession.saveFromServer).
 * Shown while the overview watches a server (the 协作服务器 bar).
 */
export function ServerPool({ view, session, host, client }: { view: EditionView; session: EditionSession; host: HostApi; client: EditionClient }) {
  const [said, setSaid] = useState<({ kind: 'error' | 'info' } & Localized) | null>(null);
  // re-rendered whenever the server's edition changes (another desk placed an article …)
  useSyncExternalStore(client.subscribe, client.revision);
  const refused = client.refused();
  if (refused) {
    return (
      <section className="edition-pool" data-testid="edition-pool" aria-label="稿库 Pool">
        <span className="edition-notice-error" role="alert" data-testid="edition-pool-refused">
          稿库不可用：{refused.zh} <small>The pool is not available: {refused.en}</small>
        </span>
      </section>
    );
  }
  const onServer = client.edition();
  const tell = (r: EditionResult, done: Localized) => setSaid(r.ok ? { kind: 'info', ...done } : { kind: 'error', zh: r.zh, en: r.en });
  const titles = new Map((onServer ?? view.edition).articles.map((a) => [a.id, a.headline || a.id]));
  return (
    <section className="edition-pool" data-testid="edition-pool" aria-label="稿库 Pool">
      <span>
        稿库 · 待用 <small>Pool · unplaced</small>
      </span>
      {!onServer && (
        <button type="button" data-testid="edition-pool-seed" onClick={async () => tell(await client.seed(view.edition), { zh: '整期已发布到服务器', en: 'The edition is on the server' })}>
          发布整期 <small>Publish the edition</small>
        </button>
      )}
      {onServer && (
        <>
          {client.unplaced().length === 0 && (
            <span data-testid="edition-pool-empty">
              无 <small>none</small>
            </span>
          )}
          <ul>
            {client.unplaced().map((id) => (
              <li key={id} data-testid="edition-pool-article">
                {titles.get(id)}
                <PlaceOn numbers={onServer.pages.map((p) => p.number)} onPlace={async (n) => tell(await client.place(id, n), { zh: `已放到第${n}版`, en: `Placed on page ${n}` })} />
              </li>
            ))}
          </ul>
          <button type="button" data-testid="edition-pool-save" onClick={() => void session.saveFromServer(client, host)}>
            按服务器保存整期 <small>Save the edition from the server</small>
          </button>
        </>
      )}
      {said && (
        <span className={`edition-notice-${said.kind}`} role={said.kind === 'error' ? 'alert' : 'status'} data-testid="edition-pool-said">
          {said.zh} <small>{said.en}</small>
        </span>
      )}
    </section>
  );
}

/**
 * The watched server's edition document, connected while the edition is open, a server is watched
 * and the edition has an id there; the session's 保存 starts from it (`EditionSession.connectServer`).
 */
export function useServerEdition(view: EditionView | null, session: EditionSession, watched: ServerPresenceState): EditionClient | null {
  const editionId = view ? editionIdOf(view.edition) : undefined;
  const [client, setClient] = useState<EditionClient | null>(null);
  const url = watched.server?.url;
  const token = watched.server?.token;
  useEffect(() => {
    if (!url || !token || !editionId) return;
    const made = new EditionClient({ url, token, editionId });
    setClient(made);
    session.connectServer(made);
    return () => {
      session.connectServer(null);
      made.destroy();
      setClient(null);
    };
  }, [url, token, editionId, session]);
  return client;
}

function PlaceOn({ numbers, onPlace }: { numbers: number[]; onPlace: (n: number) => void }) {
  const [to, setTo] = useState(numbers[0]);
  return (
    <span>
      <select aria-label="放到第几版 Page" value={to} onChange={(e) => setTo(Number(e.target.value))}>
        {numbers.map((n) => (
          <option key={n} value={n}>
            第{n}版
          </option>
        ))}
      </select>
      <button type="button" data-testid="edition-pool-place" onClick={() => onPlace(to)}>
        放上 <small>Place</small>
      </button>
    </span>
  );
}
