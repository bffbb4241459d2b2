import { AssistantEntity } from '../assistants/assistant.entity';
import { FileEntity } from '../files/file.entity';
import { MessageEntity } from '../messages/message.entity';
import { RunEntity } from '../runs/run.entity';
import { RunStepEntity } from '../runs/steps/run-step.entity';
import { ThreadEntity } from '../threads/thread.entity';
import { FileBatchEntity } from '../vector-stores/batches/file-batch.entity';
import { ChunkEntity } from '../vector-stores/files/chunk.entity';
import { VectorStoreFileEntity } from '../vector-stores/files/vector-store-file.entity';
import { VectorStoreEntity } from '../vector-stores/vector-store.entity';

/** Every entity. Listed explicitly (not globbed) so compiled and transformed code load alike. */
export const ENTITIES = [
  AssistantEntity,
  ThreadEntity,
  MessageEntity,
  FileEntity,
  VectorStoreEntity,
  RunEntity,
  RunStepEntity,
  VectorStoreFileEntity,
  ChunkEntity,
  FileBatchEntity,
];
