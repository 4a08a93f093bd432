import type { PageEntry, PagePerson } from '../../src-core/collab/directory';
import type { Localized } from '../../src-core/collab/protocol';
import { listPages, type Fetch } from '../collab/session/directory-client';

/** How often the overview asks the server who is on which page (a glance, not a lock: a second late is fine). */
export const PRESENCE_POLL_MS = 2000;

export interface ServerPresenceState {
  /** The server and token being watched; null before 查看 or after 断开. */
  server: { url: string; token: string } | null;
  /** The pages the token may open, each with who is on it now; null until the first answer. */
  entries: PageEntry[] | null;
  /** Whom the token names. */
  person?: PagePerson;
  /** Why the last question failed (token refused, server unreachable …); the last good answer stays. */
  error?: Localized;
}

/**
 * Who is on which page of a newsroom server, for the edition overview: the server's page directory
 * (`GET /pages`, each entry with the people on the page, as their tokens name them) asked every
 * `PRESENCE_POLL_MS` while the overview shows, one question at a time. `fetch` and the timer are
 * injected so a unit test drives it without a network or a clock.
 */
export class ServerPresence {
  private state: ServerPresenceState = { server: null, entries: null };
  private readonly listeners = new Set<() => void>();
  /** Bumped by every watch, pause and stop: an answer to an older question is dropped. */
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;

  constructor(
    private readonly fetchImpl: Fetch = (url, init) => fetch(url, init),
    private readonly schedule: (run: () => void, ms: number) => ReturnType<typeof setTimeout> = (run, ms) => setTimeout(run, ms),
  ) {}

  readonly subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  readonly current = (): ServerPresenceState => this.state;

  private set(patch: Partial<ServerPresenceState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Watches `url` with `token` from now on (asks at once). */
  watch(url: string, token: string): void {
    this.set({ server: { url: url.trim().replace(/\/+$/, ''), token: token.trim() }, entries: null, person: undefined, error: undefined });
    this.resume();
  }

  /** Asks again and keeps asking (the overview is showing), if a server is watched. */
  resume(): void {
    this.halt();
    this.running = true;
    void this.ask(this.generation);
  }

  /** Stops asking, keeping the server (the overview is hidden). */
  pause(): void {
    this.halt();
  }

  /** Forgets the server. */
  stop(): void {
    this.halt();
    this.set({ server: null, entries: null, person: undefined, error: undefined });
  }

  private halt(): void {
    this.generation++;
    this.running = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async ask(generation: number): Promise<void> {
    const server = this.state.server;
    if (!server) return;
    const r = await listPages(server.url, server.token, this.fetchImpl);
    if (generation !== this.generation) return;
    if (r.ok) this.set({ entries: r.value.pages, person: r.value.person, error: undefined });
    else this.set({ error: { zh: r.zh, en: r.en } });
    // A refused token asked again every 2 s would have the server lock the whole address out: asked again only with a new token.
    if (!r.ok && (r.reason === 'tokenRefused' || r.reason === 'throttled')) this.running = false;
    if (this.running) this.timer = this.schedule(() => void this.ask(generation), PRESENCE_POLL_MS);
  }
}
