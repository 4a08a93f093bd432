/**
 * The collaboration server keeps one live document per name (src-main/server/one-document-per-name.ts).
 * Plain Hocuspocus unloads by name: a late unload of a document already gone removed the one desks
 * had come back to, and a desk arriving during an unload was handed the dying document; the desks of
 * one page then sat on two copies (the liveness test's "each sees the other" never came). Driven
 * without sockets: the two orders are made by hand, with a beforeUnloadDocument hook the test releases.
 */
import { describe, expect, it } from 'vitest';
import type { Extension } from '@hocuspocus/server';
import { OneDocumentPerName } from '../../src-main/server/one-document-per-name';

const CONNECTION = { isAuthenticated: true, readOnly: false };
const open = (hp: OneDocumentPerName, name: string) => hp.createDocument(name, {}, 'socket', CONNECTION);

/** An extension whose beforeUnloadDocument waits until the test releases it. */
function heldUnload(): { extension: Extension; release: () => void } {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  return { extension: { beforeUnloadDocument: () => held } as Extension, release: () => release() };
}

describe('one live document per name on the collaboration server', () => {
  it('a late second unload of a document already gone leaves the one the desks are on', async () => {
    const hp = new OneDocumentPerName({ quiet: true });
    const gone = await open(hp, 'banmian/p/layout');
    await hp.unloadDocument(gone);
    expect(hp.documents.has('banmian/p/layout')).toBe(false);

    const live = await open(hp, 'banmian/p/layout');
    live.addDirectConnection(); // a desk is on it
    await hp.unloadDocument(gone); // e.g. the old document's store finishing late
    expect(hp.documents.get('banmian/p/layout')).toBe(live);
    expect(live.isDestroyed).toBe(false);
  });

  it('a desk that comes while the document is being unloaded gets a fresh one, registered under the name', async () => {
    const hold = heldUnload();
    const hp = new OneDocumentPerName({ quiet: true, extensions: [hold.extension] });
    const dying = await open(hp, 'banmian/p/layout');
    const unloading = hp.unloadDocument(dying);
    const coming = open(hp, 'banmian/p/layout');
    hold.release();
    await unloading;
    const got = await coming;
    expect(got).not.toBe(dying);
    expect(dying.isDestroyed).toBe(true);
    expect(hp.documents.get('banmian/p/layout')).toBe(got);
  });
});
