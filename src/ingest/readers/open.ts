import { open, stat } from 'node:fs/promises';
import { InputError } from '../../errors.js';
import { classifyOle, OLE_DIRECTORY_BYTES, OLE_SIGNATURE, oleDirectoryOffset, startsWith, ZIP_SIGNATURE } from './binary.js';
import { binaryFileError, openCsv } from './csv.js';
import { openXlsx } from './xlsx.js';
import type { ReadOptions, TableSource } from './types.js';

const HEAD_BYTES = 4096;

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, position);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function unreadable(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return InputError.of('file.missing', { path });
  if (code === 'EACCES' || code === 'EPERM') return InputError.of('file.denied', { path });
  return InputError.of('file.unreadable', { path, reason: (error as Error).message });
}

/** Why an OLE compound file (the pre-2007 container) cannot be read, as one clear error. */
async function compoundFileError(path: string, head: Buffer): Promise<InputError> {
  const offset = oleDirectoryOffset(head);
  const content = offset === undefined ? 'other' : classifyOle(await readAt(path, offset, OLE_DIRECTORY_BYTES));
  if (content === 'encrypted-ooxml' || (content === 'other' && /\.xls[xm]$/i.test(path))) {
    return InputError.of('file.encrypted', { path });
  }
  if (content === 'xls' || /\.xls$/i.test(path)) {
    return InputError.of('file.xls', { path });
  }
  return binaryFileError(path);
}

/** Text that is a web page or XML, often what "export to Excel" buttons save under an .xls name. */
function looksLikeMarkup(head: Buffer): boolean {
  const start = head.toString('latin1', 0, 512).replace(/^(\uFEFF|\u00EF\u00BB\u00BF|\s)+/, '').toLowerCase();
  return /^<(!doctype html|html|table|\?xml|meta|head|body)/.test(start);
}

/**
 * Opens a CSV/TSV/TXT or .xlsx file for reading: CSV gives one table, xlsx one per non-empty sheet (or
 * only options.sheet). The format is taken from the file's bytes, not its name, so a tab-separated
 * "export.xls" is read as text. Unreadable, binary, encrypted or old .xls files raise one InputError.
 */
export async function openTables(path: string, options: ReadOptions = {}): Promise<TableSource[]> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw InputError.of('file.folder', { path });
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw unreadable(path, error);
  }
  let head: Buffer;
  try {
    head = await readAt(path, 0, HEAD_BYTES);
  } catch (error) {
    throw unreadable(path, error);
  }
  if (startsWith(head, ZIP_SIGNATURE)) {
    if (head.includes('opendocument.spreadsheet')) {
      throw InputError.of('file.ods', { path });
    }
    return openXlsx(path, size, options);
  }
  if (startsWith(head, OLE_SIGNATURE)) throw await compoundFileError(path, head);
  if (looksLikeMarkup(head)) {
    throw InputError.of('file.html', { path });
  }
  return [await openCsv(path, size, options)];
}
