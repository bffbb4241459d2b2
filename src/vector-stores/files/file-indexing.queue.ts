/** The durable queue that indexes vector-store files, and what its jobs carry. */
export const FILE_INDEXING_QUEUE = 'vector-store-files';

/** Where a file's job lands once every attempt died (crashes, not extraction errors): it is failed there. */
export const FILE_INDEXING_DEAD_LETTER = 'vector-store-files-dead';

export interface FileIndexingJob {
  vectorStoreId: string;
  fileId: string;
}

/**
 * A job whose worker dies stays `active` until it expires (`INDEXING_TIMEOUT_SECONDS`), then
 * the queue's maintenance retries it: a crashed file resumes after at most the timeout plus
 * one maintenance interval.
 */
export function fileIndexingJob(timeoutSeconds: number) {
  return { retryLimit: 2, retryDelay: 1, expireInSeconds: timeoutSeconds, deadLetter: FILE_INDEXING_DEAD_LETTER };
}
