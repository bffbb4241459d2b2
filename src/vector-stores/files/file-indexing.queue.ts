/** The durable queue that indexes vector-store files, and what its jobs carry. */
export const FILE_INDEXING_QUEUE = 'vector-store-files';

/** Where a file's job lands once every attempt died (crashes, not extraction errors): it is failed there. */
export const FILE_INDEXING_DEAD_LETTER = 'vector-store-files-dead';

export interface FileIndexingJob {
  vectorStoreId: string;
  fileId: string;
}

/**
 * A job whose worker dies stays `active` until it expires, then pg-boss retries it: the
 * expiry is how long a crashed file waits to resume, and must exceed the slowest file's
 * indexing (512 MB of text at ~5 MB/s is under two minutes).
 */
export const FILE_INDEXING_JOB = {
  retryLimit: 2,
  retryDelay: 1,
  expireInSeconds: 300,
  deadLetter: FILE_INDEXING_DEAD_LETTER,
};
