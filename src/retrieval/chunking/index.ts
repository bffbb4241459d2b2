export { AUTO_CHUNKING, type Chunk, type ChunkingOptions, chunkText } from './chunk-text';
export {
  type ChunkingStrategyParam,
  MAX_CHUNK_SIZE_TOKENS,
  MIN_CHUNK_SIZE_TOKENS,
  checkChunkingStrategy,
  chunkingOptionsOf,
} from './chunking-strategy';
