/**
 * The composer's working arrays, reused from one paragraph to the next: allocating some twenty typed
 * arrays per paragraph (each its own zeroed backing store) was about a third of composing it. Only
 * for state that dies with the call; what a composed paragraph keeps is allocated fresh. Each call
 * hands out a zeroed view of its slot's buffer (grown as needed, up to KEPT_LENGTH); the composer never re-enters
 * itself (nothing it calls composes), so one buffer per slot is enough.
 */
export class ScratchArrays {
  private readonly f64s: Float64Array[] = [];
  private readonly i32s: Int32Array[] = [];
  private readonly u8s: Uint8Array[] = [];

  f64(slot: number, n: number, fill = 0): Float64Array {
    return view(this.f64s, slot, n, (size) => new Float64Array(size)).fill(fill);
  }

  i32(slot: number, n: number, fill = 0): Int32Array {
    return view(this.i32s, slot, n, (size) => new Int32Array(size)).fill(fill);
  }

  u8(slot: number, n: number): Uint8Array {
    return view(this.u8s, slot, n, (size) => new Uint8Array(size)).fill(0);
  }
}

/**
 * Longest paragraph whose working arrays are kept for the next one (characters): all slots then hold
 * at most a few MB. A longer one (a pasted file with no line breaks) gets arrays of its own, freed
 * with it, as before.
 */
const KEPT_LENGTH = 1 << 16;

function view<T extends Float64Array | Int32Array | Uint8Array>(buffers: T[], slot: number, n: number, make: (size: number) => T): T {
  if (n > KEPT_LENGTH) return make(n);
  let buf = buffers[slot];
  if (!buf || buf.length < n) buf = buffers[slot] = make(Math.min(KEPT_LENGTH, Math.max(n, 2 * (buf?.length ?? 128))));
  return buf.subarray(0, n) as T;
}

/**
 * Typed arrays of a caller's own carved one after another from one ArrayBuffer: arrays that live and
 * die together (a prepared text's working arrays, its sums) cost one allocation, not one each (an
 * ArrayBuffer of its own each was a good part of preparing a paragraph). Each array starts zeroed;
 * `bytes` must hold them all, each aligned to its element size.
 */
export class OwnArrays {
  private readonly buffer: ArrayBuffer;
  private at = 0;

  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(bytes);
  }

  f64(n: number): Float64Array {
    return new Float64Array(this.buffer, this.take(n, 8), n);
  }

  i32(n: number): Int32Array {
    return new Int32Array(this.buffer, this.take(n, 4), n);
  }

  u8(n: number): Uint8Array {
    return new Uint8Array(this.buffer, this.take(n, 1), n);
  }

  private take(n: number, size: number): number {
    const start = Math.ceil(this.at / size) * size;
    this.at = start + n * size;
    return start;
  }
}
