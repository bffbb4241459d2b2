import { METADATA_SCHEMA, SchemaProperty } from '../../common/openapi/schema-property';
import { ApiProperty } from '@nestjs/swagger';
import { DeletedResponse, ListResponse } from '../../common/pagination/list-response';
import { ATTACHMENTS_SCHEMA, CONTENT_OUTPUT_SCHEMA } from './message-schemas';

/** A thread message, as `openai.beta.threads.messages` returns it. */
export class MessageResponse {
  /** `msg_…` */
  id: string;

  @ApiProperty({ enum: ['thread.message'] })
  object: 'thread.message';

  created_at: number;
  thread_id: string;

  @ApiProperty({ enum: ['in_progress', 'incomplete', 'completed'] })
  status: string;

  @SchemaProperty({ type: 'object', nullable: true }, { required: true })
  incomplete_details: null;

  completed_at: number | null;
  incomplete_at: number | null;

  @ApiProperty({ enum: ['user', 'assistant'] })
  role: string;

  @SchemaProperty(CONTENT_OUTPUT_SCHEMA, { required: true })
  content: unknown[];

  assistant_id: string | null;
  run_id: string | null;

  @SchemaProperty(ATTACHMENTS_SCHEMA, { required: true })
  attachments: unknown[];

  @SchemaProperty(METADATA_SCHEMA, { required: true })
  metadata: Record<string, string>;
}

export class MessageListResponse extends ListResponse(MessageResponse, 'MessageList') {}

export class MessageDeletedResponse extends DeletedResponse('thread.message.deleted', 'MessageDeleted') {}
