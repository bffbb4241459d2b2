import { METADATA_SCHEMA, SchemaProperty } from '../../common/openapi/schema-property';
import { ApiProperty } from '@nestjs/swagger';
import { TOOL_RESOURCES_SCHEMA } from '../../assistants/dto/assistant-schemas';
import { DeletedResponse, ListResponse } from '../../common/pagination/list-response';

/** A thread, as `openai.beta.threads` returns it. */
export class ThreadResponse {
  /** `thread_…` */
  id: string;

  @ApiProperty({ enum: ['thread'] })
  object: 'thread';

  created_at: number;

  @SchemaProperty(METADATA_SCHEMA, { required: true })
  metadata: Record<string, string>;

  @SchemaProperty(TOOL_RESOURCES_SCHEMA)
  tool_resources: unknown;
}

export class ThreadListResponse extends ListResponse(ThreadResponse, 'ThreadList') {}

export class ThreadDeletedResponse extends DeletedResponse('thread.deleted', 'ThreadDeleted') {}
