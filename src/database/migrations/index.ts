import { InitialSchema1795432787445 } from './1795432787445-InitialSchema';
import { Runs1795434286581 } from './1795434286581-Runs';
import { VectorStoreFiles1795437471626 } from './1795437471626-VectorStoreFiles';
import { FileBatches1795438752350 } from './1795438752350-FileBatches';
import { ChunkEmbeddings1795439000000 } from './1795439000000-ChunkEmbeddings';

/** Every migration, in order. Listed explicitly so the app, the CLI and the tests load the same set. */
export const MIGRATIONS = [
  InitialSchema1795432787445,
  Runs1795434286581,
  VectorStoreFiles1795437471626,
  FileBatches1795438752350,
  ChunkEmbeddings1795439000000,
];
