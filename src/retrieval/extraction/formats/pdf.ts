import { dirname, join } from 'node:path';
import { definePDFJSModule, extractText, getDocumentProxy } from 'unpdf';
import { ExtractionError } from '../extraction.error';

let pdfjs: Promise<void> | undefined;

/**
 * unpdf loads its bundled pdf.js with `import('unpdf/pdfjs')`, an ESM-only (.mjs) export. Node
 * handles that, but Jest's CommonJS runtime cannot run a native dynamic import (and cannot resolve
 * an import-only export), so we hand unpdf the bundle ourselves, by file path: TypeScript
 * (module node20) keeps this `import()` native for Node, and under Jest swc turns it into a
 * `require` of the file, which Jest transforms like any ESM package.
 */
function loadPdfjs(): Promise<void> {
  pdfjs ??= definePDFJSModule(() => import(join(dirname(require.resolve('unpdf')), 'pdfjs.mjs'))).catch(
    (error: unknown) => {
      pdfjs = undefined;
      throw error;
    },
  );
  return pdfjs;
}

/** Text of every page, pages separated by a blank line. */
export async function pdfText(bytes: Buffer): Promise<string> {
  await loadPdfjs();
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: pdf.js may transfer (detach) the buffer it is given. verbosity 0: errors only, no console noise.
    document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    throw new ExtractionError('invalid_file', `The file is not a readable PDF: ${reason(error)}`);
  }
  try {
    const { text } = await extractText(document, { mergePages: false });
    return text.join('\n\n');
  } catch (error) {
    throw new ExtractionError('invalid_file', `The PDF's text could not be read: ${reason(error)}`);
  } finally {
    await document.destroy();
  }
}

function reason(error: unknown): string {
  if (error instanceof Error && error.name === 'PasswordException') {
    return 'it is password-protected';
  }
  return error instanceof Error ? error.message : String(error);
}
