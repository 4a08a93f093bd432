/**
 * Just enough of the y-protocols framing (unsigned varints, length-prefixed bytes and strings) to
 * see what kind of message passes by, without depending on lib0's internals.
 */
export class WireReader {
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {}

  uint(): number {
    let n = 0;
    let mult = 1;
    for (;;) {
      if (this.at >= this.bytes.length) throw new Error('truncated message');
      const b = this.bytes[this.at++];
      n += (b & 0x7f) * mult;
      if (b < 0x80) return n;
      mult *= 128;
      if (mult > 2 ** 49) throw new Error('varint too long');
    }
  }

  bytesField(): Uint8Array {
    const len = this.uint();
    if (this.at + len > this.bytes.length) throw new Error('truncated message');
    const out = this.bytes.subarray(this.at, this.at + len);
    this.at += len;
    return out;
  }
}

/** Hocuspocus message types (the first number after the document name). */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, syncReply: 4, stateless: 5, broadcastStateless: 6, close: 7, syncStatus: 8 } as const;
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;

/** The Yjs update inside a sync message, if it carries one. */
export function syncUpdateOf(message: Uint8Array): Uint8Array | undefined {
  const r = new WireReader(message);
  r.bytesField(); // document name
  const type = r.uint();
  if (type !== MESSAGE.sync && type !== MESSAGE.syncReply) return undefined;
  const step = r.uint();
  return step === SYNC.step2 || step === SYNC.update ? r.bytesField() : undefined;
}

/** For a SyncStatus message from the server: whether it applied the client's change. */
export function syncStatusOf(message: Uint8Array): boolean | undefined {
  const r = new WireReader(message);
  r.bytesField();
  if (r.uint() !== MESSAGE.syncStatus) return undefined;
  return r.uint() === 1;
}
