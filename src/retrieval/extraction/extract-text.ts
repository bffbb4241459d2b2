import { ExtractionError } from './extraction.error';
import { docxText } from './formats/docx';
import { htmlText } from './formats/html';
import { pdfText } from './formats/pdf';
import { decodeText, jsonText } from './formats/plain-text';

type Extractor = (bytes: Buffer) => string | Promise<string>;

const EXTRACTORS = new Map<string, Extractor>([
  ['txt', decodeText],
  ['md', decodeText],
  ['markdown', decodeText],
  ['csv', decodeText],
  ['json', jsonText],
  ['html', htmlText],
  ['htm', htmlText],
  ['pdf', pdfText],
  ['docx', docxText],
]);

/** File extensions whose text can be extracted (lower case, without the dot). */
export const SUPPORTED_EXTENSIONS: readonly string[] = [...EXTRACTORS.keys()];

/**
 * Text of a file, chosen by its extension (txt, md, markdown, html, htm, json, csv, pdf, docx).
 * An unknown extension fails with `unsupported_file`; unreadable content (corrupt pdf/docx,
 * invalid JSON, binary data in a text file) or a file without any text fails with `invalid_file`.
 */
export async function extractText(bytes: Buffer, filename: string): Promise<string> {
  const extension = extensionOf(filename);
  const extractor = extension === null ? undefined : EXTRACTORS.get(extension);
  if (!extractor) {
    const supported = SUPPORTED_EXTENSIONS.map((ext) => `.${ext}`).join(', ');
    const what = extension === null ? `'${filename}' has no file extension` : `.${extension} files are not supported`;
    throw new ExtractionError('unsupported_file', `${what}; supported: ${supported}.`);
  }
  const text = normalizeWhitespace(await extractor(bytes));
  if (!hasText(text)) {
    throw new ExtractionError('invalid_file', 'no text');
  }
  return text;
}

function extensionOf(filename: string): string | null {
  const match = /\.([^./\\]+)$/.exec(filename);
  return match ? match[1].toLowerCase() : null;
}

/**
 * Unix line ends, no trailing spaces, at most one blank line between paragraphs, and no control
 * characters (PostgreSQL text cannot hold NUL; form feeds from PDFs become line breaks). Linear:
 * lines are trimmed one by one rather than with a backtracking regex.
 */
export function normalizeWhitespace(text: string): string {
  const lines = text
    .replace(/\r\n?|[\f\v\u2028\u2029]/g, '\n')
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '')
    .split('\n')
    .map((line) => line.trimEnd());
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trimEnd();
}

/** Anything beyond whitespace and punctuation (an empty JSON `{}` has nothing to search). */
function hasText(text: string): boolean {
  return /[^\s\p{P}]/u.test(text);
}
