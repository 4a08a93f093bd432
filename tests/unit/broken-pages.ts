/**
 * Broken .banmian pages for the fuzz test: a real page (the sample, through the real serializer)
 * damaged in many ways by a seeded, deterministic generator. Each case is the file's bytes and a
 * short name saying what was done to it.
 */
import { samplePage } from '../../bench/pages';
import { serializeDocument } from '../../src-core/model/serialize';

export interface BrokenPage {
  name: string;
  bytes: Uint8Array;
}

/** mulberry32: small, fast and the same on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// Values JSON cannot hold as such are written as markers and spliced into the text afterwards.
const RAW: Record<string, string> = { '"@@INF@@"': '1e999', '"@@NINF@@"': '-1e999', '"@@TINY@@"': '1e-999', '"@@BIGINT@@"': '123456789012345678901234567890' };

const nest = (depth: number, leaf: Json): Json => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

const REPLACEMENTS: (() => Json)[] = [
  () => null,
  () => '1',
  () => '',
  () => 1,
  () => 0,
  () => -1,
  () => 1.5,
  () => '@@INF@@',
  () => '@@NINF@@',
  () => '@@TINY@@',
  () => '@@BIGINT@@',
  () => 1e308,
  () => -1e308,
  () => true,
  () => ({}),
  () => [],
  () => [null],
  () => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'paragraph' }] }] }),
  () => 'x'.repeat(100_000),
  () => nest(40, 1),
  () => ({ __proto__: { polluted: true }, constructor: 'x' }) as unknown as Json,
];

/** A random place in the tree: the parent and the key, walking down from the root. */
function pickPlace(root: Json, rnd: () => number): { parent: Json[] | { [k: string]: Json }; key: string | number } | undefined {
  let node = root;
  let place: { parent: Json[] | { [k: string]: Json }; key: string | number } | undefined;
  for (let depth = 0; depth < 12; depth++) {
    if (node === null || typeof node !== 'object') break;
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (!keys.length) break;
    const key = keys[Math.floor(rnd() * keys.length)];
    place = { parent: node, key };
    node = (node as Record<string | number, Json>)[key];
    if (depth > 0 && rnd() < 0.25) break;
  }
  return place;
}

function mutateTree(doc: Json, rnd: () => number): string {
  const place = pickPlace(doc, rnd);
  if (!place) return 'nothing';
  const p = place.parent as Record<string | number, Json>;
  const old = p[place.key];
  const choice = rnd();
  if (choice < 0.2) {
    if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
    else delete p[place.key];
    return `delete ${String(place.key)}`;
  }
  if (choice < 0.3 && old !== null && typeof old === 'object') {
    p[place.key] = Array.isArray(old) ? Object.fromEntries(old.map((v, i) => [String(i), v])) : Object.values(old);
    return `array/object swap ${String(place.key)}`;
  }
  if (choice < 0.38 && typeof old === 'number') {
    p[place.key] = String(old);
    return `number as string ${String(place.key)}`;
  }
  const i = Math.floor(rnd() * REPLACEMENTS.length);
  p[place.key] = REPLACEMENTS[i]();
  return `${String(place.key)} = #${i}`;
}

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

function spliceRaw(text: string): string {
  let out = text;
  for (const [marker, raw] of Object.entries(RAW)) out = out.split(marker).join(raw);
  return out;
}

/** The damage that is not a tree edit: bytes, size, nesting, version. */
function special(kind: number, base: string, doc: () => Record<string, Json>, rnd: () => number): BrokenPage {
  const at = Math.floor(rnd() * base.length);
  switch (kind) {
    case 0:
      return { name: `truncated at ${at}`, bytes: encode(base.slice(0, at)) };
    case 1: {
      const bytes = encode(base);
      for (let n = 0; n < 1 + rnd() * 20; n++) bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
      return { name: 'random bytes flipped', bytes };
    }
    case 2:
      return { name: 'all random bytes', bytes: Uint8Array.from({ length: 1 + Math.floor(rnd() * 5000) }, () => Math.floor(rnd() * 256)) };
    case 3: {
      const d = doc();
      const blocks = d.blocks as Json[];
      d.blocks = Array.from({ length: 100_000 }, (_, i) => ({ ...(blocks[i % blocks.length] as Record<string, Json>), id: `b${i}` }));
      return { name: '100,000 blocks', bytes: encode(JSON.stringify(d)) };
    }
    case 4: {
      const d = doc();
      const a = (d.articles as Json[])[0] as Record<string, Json>;
      d.articles = Array.from({ length: 20_000 }, (_, i) => ({ ...a, id: `a${i}` }));
      return { name: '20,000 articles', bytes: encode(JSON.stringify(d)) };
    }
    case 5: {
      const depth = 100_000 + Math.floor(rnd() * 400_000);
      return { name: `nesting bomb ${depth}`, bytes: encode(`{"formatVersion":1,"page":${'['.repeat(depth)}${']'.repeat(depth)}}`) };
    }
    case 6: {
      const version = ['0', '2', '"1"', '1.5', '-1', '1e999', 'null', '99999999999'][Math.floor(rnd() * 8)];
      return { name: `formatVersion ${version}`, bytes: encode(base.replace('"formatVersion":1', `"formatVersion":${version}`)) };
    }
    case 7: {
      const d = doc();
      d.images = [{ id: 'big', name: 'big.jpg', mime: 'image/jpeg', pixelWidth: 10, pixelHeight: 10, colorSpace: 'rgb', data: 'A'.repeat(8_000_000) }];
      return { name: 'one image of 8 MB base64', bytes: encode(JSON.stringify(d)) };
    }
    case 8:
      return { name: 'BOM and trailing garbage', bytes: encode(`\ufeff${base}}}}`) };
    default: {
      const d = doc();
      ((d.articles as Json[])[0] as Record<string, Json>).body = '@@DEEP@@';
      const deep = `${'{"content":['.repeat(5000)}1${']}'.repeat(5000)}`;
      return { name: 'body nested 10,000 deep', bytes: encode(JSON.stringify(d).replace('"@@DEEP@@"', deep)) };
    }
  }
}

/** `count` broken pages from `seed`; the same seed gives the same pages. */
export function brokenPages(seed: number, count: number): BrokenPage[] {
  const rnd = random(seed);
  const base = serializeDocument(samplePage());
  const doc = (): Record<string, Json> => JSON.parse(base) as Record<string, Json>;
  const out: BrokenPage[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 10 < 2) {
      out.push(special(Math.floor(i / 10) % 10, base, doc, rnd));
      continue;
    }
    const d = doc();
    const edits: string[] = [];
    const n = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < n; k++) edits.push(mutateTree(d, rnd));
    out.push({ name: edits.join('; '), bytes: encode(spliceRaw(JSON.stringify(d))) });
  }
  return out;
}
