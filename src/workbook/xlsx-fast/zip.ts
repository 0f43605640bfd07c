import { unsupported } from './unsupported';

/** Raw DEFLATE → bytes (Node's zlib.inflateRawSync, or any equivalent): injected so this layer needs no Node module. */
export type InflateRaw = (data: Uint8Array) => Uint8Array;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of the entry's data (after its local header). */
  readonly dataStart: number;
}

export interface ZipArchive {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** The entry's bytes, inflated; throws Unsupported when they do not inflate to the size the directory says. */
  bytes(entry: ZipEntry): Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * The archive's central directory. Anything a plain .xlsx never holds — zip64, encryption, several disks,
 * other compression methods, duplicate names, inconsistent headers — is refused (Unsupported), so that the
 * caller falls back to ExcelJS, which then reads the file or reports it damaged exactly as before.
 */
export function readZip(bytes: Uint8Array, inflateRaw: InflateRaw): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(bytes, view);
  const disk = view.getUint16(eocd + 4, true);
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (disk !== 0 || view.getUint16(eocd + 6, true) !== 0 || view.getUint16(eocd + 8, true) !== count) unsupported('zip: several disks');
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) unsupported('zip: zip64');
  if (dirOffset + dirSize > eocd) unsupported('zip: central directory outside the file');
  const entries = new Map<string, ZipEntry>();
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) unsupported('zip: bad central directory');
    const entry = centralEntry(bytes, view, at);
    if (entries.has(entry.name)) unsupported('zip: duplicate entry');
    entries.set(entry.name, entry);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return {
    entries,
    bytes(entry) {
      const raw = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
      let data: Uint8Array;
      try {
        data = entry.method === STORED ? raw : inflateRaw(raw);
      } catch {
        unsupported('zip: entry does not inflate');
      }
      if (data.length !== entry.size) unsupported('zip: entry size mismatch');
      return data;
    },
  };
}

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD && at + 22 + view.getUint16(at + 20, true) === bytes.length) return at;
  }
  return unsupported('zip: no end of central directory');
}

function centralEntry(bytes: Uint8Array, view: DataView, at: number): ZipEntry {
  const flags = view.getUint16(at + 8, true);
  const method = view.getUint16(at + 10, true);
  const compressedSize = view.getUint32(at + 20, true);
  const size = view.getUint32(at + 24, true);
  const nameLength = view.getUint16(at + 28, true);
  const localOffset = view.getUint32(at + 42, true);
  if (flags & 0x1 || flags & 0x40) unsupported('zip: encrypted entry');
  if (method !== STORED && method !== DEFLATED) unsupported('zip: compression method');
  if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) unsupported('zip: zip64');
  if (method === STORED && compressedSize !== size) unsupported('zip: stored sizes differ');
  const name = latin1(bytes.subarray(at + 46, at + 46 + nameLength));
  if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL) unsupported('zip: bad local header');
  if (view.getUint16(localOffset + 26, true) !== nameLength) unsupported('zip: local name differs');
  const dataStart = localOffset + 30 + nameLength + view.getUint16(localOffset + 28, true);
  if (dataStart + compressedSize > bytes.length) unsupported('zip: entry outside the file');
  return { name, method, compressedSize, size, dataStart };
}

/** Names are compared only with ASCII paths; any other byte simply never matches. */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return text;
}
