import { bomEncoding, utf16WithoutBom } from './encoding.js';

/** File signatures of containers and media that are never delimited text. */
const BINARY_SIGNATURES: number[][] = [
  [0x50, 0x4b, 0x03, 0x04], // zip (xlsx, docx, ods …)
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE compound file (xls, encrypted xlsx, doc)
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x1f, 0x8b], // gzip
  [0x42, 0x5a, 0x68], // bzip2
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x52, 0x61, 0x72, 0x21], // Rar!
  [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], // SQLite f(ormat 3)
  [0x7f, 0x45, 0x4c, 0x46], // ELF
];

export function startsWith(buf: Buffer, signature: number[]): boolean {
  return buf.length >= signature.length && signature.every((b, i) => buf[i] === b);
}

export const ZIP_SIGNATURE = BINARY_SIGNATURES[0];
export const OLE_SIGNATURE = BINARY_SIGNATURES[1];

/**
 * True when the bytes (the first ~64 KB of a file are enough) are not text: a known binary signature, a
 * NUL byte (outside UTF-16 text), or more than 1% control characters other than tab, newlines, form feed,
 * escape and the DOS end-of-file mark.
 */
export function isProbablyBinary(buf: Buffer): boolean {
  if (buf.length === 0) return false;
  if (BINARY_SIGNATURES.some((sig) => startsWith(buf, sig))) return true;
  const bom = bomEncoding(buf);
  if (bom && bom.decoder !== 'utf8') return false;
  if (!bom && utf16WithoutBom(buf)) return false;
  let control = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b && b !== 0x1a) control++;
  }
  return control > buf.length * 0.01;
}

export type OleContent = 'encrypted-ooxml' | 'xls' | 'other';

/** Bytes of the directory read to classify an OLE file (its first directory sector, or more). */
export const OLE_DIRECTORY_BYTES = 8192;

/** Where the first directory sector of an OLE compound file starts, from its header; undefined if implausible. */
export function oleDirectoryOffset(header: Buffer): number | undefined {
  if (header.length < 0x34) return undefined;
  const sectorShift = header.readUInt16LE(0x1e);
  if (sectorShift < 7 || sectorShift > 16) return undefined;
  return (header.readUInt32LE(0x30) + 1) * 2 ** sectorShift;
}

/**
 * What an OLE compound file holds, from the stream names in its directory (128-byte entries, UTF-16LE
 * names): an encrypted (password-protected) xlsx keeps "EncryptedPackage" and "EncryptionInfo", a .xls
 * a "Workbook" or "Book" stream.
 */
export function classifyOle(directory: Buffer): OleContent {
  const names: string[] = [];
  for (let at = 0; at + 128 <= directory.length; at += 128) {
    const nameBytes = directory.readUInt16LE(at + 0x40);
    if (nameBytes < 2 || nameBytes > 64) continue;
    names.push(directory.toString('utf16le', at, at + nameBytes - 2));
  }
  if (names.includes('EncryptedPackage') || names.includes('EncryptionInfo')) return 'encrypted-ooxml';
  if (names.includes('Workbook') || names.includes('Book')) return 'xls';
  return 'other';
}
