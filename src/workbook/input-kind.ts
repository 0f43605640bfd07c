export type SpreadsheetKind = 'xlsx' | 'csv' | 'encrypted-ooxml' | 'legacy-xls' | 'unknown';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// A password-protected .xlsx is a CFB container holding this stream (MS-OFFCRYPTO); a .xls is CFB without it.
const ENCRYPTION_INFO_UTF16LE = Array.from('EncryptionInfo').flatMap((ch) => [ch.charCodeAt(0), 0]);

/** What a file really is, by its first bytes (extensions lie: .xls files get renamed to .xlsx). */
export function sniffSpreadsheet(bytes: Uint8Array, fileName: string): SpreadsheetKind {
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(bytes, CFB_MAGIC)) {
    return containsBytes(bytes, ENCRYPTION_INFO_UTF16LE) ? 'encrypted-ooxml' : 'legacy-xls';
  }
  if (/\.csv$/i.test(fileName)) return 'csv';
  return 'unknown';
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function containsBytes(bytes: Uint8Array, needle: readonly number[]): boolean {
  for (let i = 0; i <= bytes.length - needle.length; i++) {
    if (needle.every((b, j) => bytes[i + j] === b)) return true;
  }
  return false;
}
