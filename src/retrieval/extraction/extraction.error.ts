export type ExtractionErrorCode = 'unsupported_file' | 'invalid_file';

/** Why a file's text cannot be indexed; `code` and `message` become the vector-store file's `last_error`. */
export class ExtractionError extends Error {
  override readonly name = 'ExtractionError';

  constructor(
    readonly code: ExtractionErrorCode,
    message: string,
  ) {
    super(message);
  }
}
