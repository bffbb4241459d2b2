import { METADATA_SCHEMA, SchemaProperty } from '../../common/openapi/schema-property';
import { ApiProperty } from '@nestjs/swagger';
import { DeletedResponse, ListResponse } from '../../common/pagination/list-response';
import { ExpiresAfterDto } from './create-vector-store.dto';

export class FileCountsResponse {
  in_progress: number;
  completed: number;
  failed: number;
  cancelled: number;
  total: number;
}

/** A vector store, as `openai.vectorStores` returns it. */
export class VectorStoreResponse {
  /** `vs_…` */
  id: string;

  @ApiProperty({ enum: ['vector_store'] })
  object: 'vector_store';

  created_at: number;
  name: string;
  description: string | null;

  @SchemaProperty(METADATA_SCHEMA, { required: true })
  metadata: Record<string, string>;

  @ApiProperty({ enum: ['expired', 'in_progress', 'completed'] })
  status: string;

  usage_bytes: number;
  file_counts: FileCountsResponse;
  last_active_at: number | null;

  @ApiProperty({ type: ExpiresAfterDto, nullable: true })
  expires_after: ExpiresAfterDto | null;

  expires_at: number | null;
}

export class VectorStoreListResponse extends ListResponse(VectorStoreResponse, 'VectorStoreList') {}

export class VectorStoreDeletedResponse extends DeletedResponse('vector_store.deleted', 'VectorStoreDeleted') {}
