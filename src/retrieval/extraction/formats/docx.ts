import mammoth from 'mammoth';
import { ExtractionError } from '../extraction.error';

/** Text of a Word document, one paragraph per block (mammoth separates them with a blank line). */
export async function docxText(bytes: Buffer): Promise<string> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    return value;
  } catch (error) {
    throw new ExtractionError(
      'invalid_file',
      `The file is not a readable Word (.docx) document: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
