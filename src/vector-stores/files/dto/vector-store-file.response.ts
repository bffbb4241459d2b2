import { ApiProperty } from '@nestjs/swagger';
import { SchemaProperty } from '../../../common/openapi/schema-property';
import { DeletedResponse, ListResponse } from '../../../common/pagination/list-response';

/** A file in a vector store, as `openai.vectorStores.files` returns it. */
export class VectorStoreFileResponse {
  /** The file's id (`file-…`). */
  id: string;

  @ApiProperty({ enum: ['vector_store.file'] })
  object: 'vector_store.file';

  created_at: number;
  vector_store_id: string;

  @ApiProperty({ enum: ['in_progress', 'completed', 'failed', 'cancelled'] })
  status: string;

  @SchemaProperty({ type: 'object', nullable: true, additionalProperties: true }, { required: true })
  last_error: unknown;

  usage_bytes: number;

  @SchemaProperty({ type: 'object', additionalProperties: true }, { required: true })
  chunking_strategy: unknown;

  @SchemaProperty({ type: 'object', additionalProperties: true }, { required: true })
  attributes: unknown;
}

export class VectorStoreFileListResponse extends ListResponse(VectorStoreFileResponse, 'VectorStoreFileList') {}

export class VectorStoreFileDeletedResponse extends DeletedResponse(
  'vector_store.file.deleted',
  'VectorStoreFileDeleted',
) {}
