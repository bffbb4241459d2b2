import { ExtractionError } from '../extraction.error';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a text file strictly: UTF-8 (BOM optional) or UTF-16 with a BOM. NUL bytes or invalid
 * UTF-8 mean the file is not text (a binary renamed `.txt`, or a legacy encoding we cannot guess).
 */
export function decodeText(bytes: Buffer): string {
  if (hasBom(bytes, 0xff, 0xfe)) {
    return new TextDecoder('utf-16le').decode(bytes);
  }
  if (hasBom(bytes, 0xfe, 0xff)) {
    return new TextDecoder('utf-16be').decode(bytes);
  }
  if (bytes.includes(0)) {
    throw new ExtractionError('invalid_file', 'The file contains binary data (NUL bytes), not text.');
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new ExtractionError('invalid_file', 'The file is not valid UTF-8 text.');
  }
}

/** JSON: the parsed value pretty-printed, so that nested keys and values are searchable words. */
export function jsonText(bytes: Buffer): string {
  let value: unknown;
  try {
    value = JSON.parse(decodeText(bytes));
  } catch (error) {
    if (error instanceof ExtractionError) {
      throw error;
    }
    throw new ExtractionError('invalid_file', `The file is not valid JSON: ${(error as Error).message}`);
  }
  return JSON.stringify(value, null, 2);
}

function hasBom(bytes: Buffer, first: number, second: number): boolean {
  return bytes.length >= 2 && bytes[0] === first && bytes[1] === second;
}
