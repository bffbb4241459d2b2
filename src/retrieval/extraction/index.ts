export { SUPPORTED_EXTENSIONS, extractText } from './extract-text';
export { ExtractionError, type ExtractionErrorCode } from './extraction.error';
