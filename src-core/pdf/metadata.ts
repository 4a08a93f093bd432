/** Document metadata: the Info dictionary values and the XMP packet, which must agree (PDF/X-4 checks that). */

export interface MetadataFacts {
  title: string;
  createdAt: Date;
  /** 32 hex digits, the first trailer ID and the XMP document id. */
  documentId: string;
  instanceId: string;
  producer: string;
  creator: string;
  /** 'PDF/X-4' or undefined for a plain PDF. */
  pdfxVersion?: string;
}

/** D:YYYYMMDDHHmmSSZ (ISO 32000-1 §7.9.4), always UTC so the same instant gives the same string. */
export function pdfDate(d: Date): string {
  const p = (v: number): string => String(v).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

export function xmpDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function uuid(hex32: string): string {
  const h = hex32.toLowerCase();
  return `uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function xmpPacket(m: MetadataFacts): string {
  const date = xmpDate(m.createdAt);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(m.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${escapeXml(m.creator)}</xmp:CreatorTool>`,
    `<xmpMM:DocumentID>${uuid(m.documentId)}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>${uuid(m.instanceId)}</xmpMM:InstanceID>`,
    '<xmpMM:VersionID>1</xmpMM:VersionID>',
    '<xmpMM:RenditionClass>default</xmpMM:RenditionClass>',
    `<pdf:Producer>${escapeXml(m.producer)}</pdf:Producer>`,
    '<pdf:Trapped>False</pdf:Trapped>',
    m.pdfxVersion ? `<pdfxid:GTS_PDFXVersion>${m.pdfxVersion}</pdfxid:GTS_PDFXVersion>` : '',
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    // Padding lets an editor update the packet in place, as the XMP specification recommends.
    ' '.repeat(1024),
    '<?xpacket end="w"?>',
  ]
    .filter(Boolean)
    .join('\n');
}

export function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(out);
}

/** 128 bits from a string, for IDs that are stable for the same input (FNV-1a in four lanes). */
export function hash128(s: string): string {
  const lanes = [0x811c9dc5, 0x050c5d1f, 0x2e4b5f3a, 0x6a09e667];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    for (let l = 0; l < 4; l++) lanes[l] = Math.imul(lanes[l] ^ (c + l * 0x9e37), 0x01000193) >>> 0;
  }
  return lanes.map((v) => v.toString(16).padStart(8, '0')).join('');
}
