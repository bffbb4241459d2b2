import { ApiProperty } from '@nestjs/swagger';
import { FileCountsResponse } from '../../dto/vector-store.response';

/** A batch of files attached together, as `openai.vectorStores.fileBatches` returns it. */
export class FileBatchResponse {
  /** `vsfb_…` */
  id: string;

  @ApiProperty({ enum: ['vector_store.files_batch'] })
  object: 'vector_store.files_batch';

  created_at: number;
  vector_store_id: string;

  @ApiProperty({ enum: ['in_progress', 'completed', 'cancelled', 'failed'] })
  status: string;

  file_counts: FileCountsResponse;
}
