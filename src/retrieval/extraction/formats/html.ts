import { compile } from 'html-to-text';
import { decodeText } from './plain-text';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * Compiled once (html-to-text's advice for batch use). Links keep their text but not their URL,
 * images and non-rendered content are dropped, headings keep their case, tables become aligned
 * rows, and lines are never wrapped, so paragraphs stay whole.
 */
const convert = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'template', format: 'skip' },
    ...HEADINGS.map((selector) => ({ selector, options: { uppercase: false } })),
    {
      selector: 'table',
      format: 'dataTable',
      options: { uppercaseHeaderCells: false, maxColumnWidth: Number.MAX_SAFE_INTEGER },
    },
  ],
  // The default limit (16M characters) silently truncates large pages; the upload limit applies instead.
  limits: { maxInputLength: Number.MAX_SAFE_INTEGER },
});

export function htmlText(bytes: Buffer): string {
  return convert(decodeHtml(bytes));
}

/** HTML declares its encoding in a `<meta>` tag when it is not UTF-8; honour it when the runtime knows it. */
function decodeHtml(bytes: Buffer): string {
  const head = bytes.subarray(0, 1024).toString('latin1');
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An unknown label: fall back to UTF-8.
    }
  }
  return decodeText(bytes);
}
