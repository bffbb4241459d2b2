import { METADATA_SCHEMA, SchemaProperty } from '../../common/openapi/schema-property';
import { ApiProperty } from '@nestjs/swagger';
import { DeletedResponse, ListResponse } from '../../common/pagination/list-response';
import { RESPONSE_FORMAT_SCHEMA, TOOL_RESOURCES_SCHEMA, TOOLS_SCHEMA } from './assistant-schemas';
import { REASONING_EFFORTS } from './create-assistant.dto';

/** An assistant, as `openai.beta.assistants` returns it. */
export class AssistantResponse {
  /** `asst_…` */
  id: string;

  @ApiProperty({ enum: ['assistant'] })
  object: 'assistant';

  /** Unix seconds. */
  created_at: number;

  name: string | null;
  description: string | null;
  model: string;
  instructions: string | null;

  @SchemaProperty(TOOLS_SCHEMA, { required: true })
  tools: unknown[];

  @SchemaProperty(TOOL_RESOURCES_SCHEMA)
  tool_resources: unknown;

  @SchemaProperty(METADATA_SCHEMA, { required: true })
  metadata: Record<string, string>;

  temperature: number | null;
  top_p: number | null;

  @SchemaProperty(RESPONSE_FORMAT_SCHEMA)
  response_format: unknown;

  @ApiProperty({ enum: REASONING_EFFORTS, nullable: true })
  reasoning_effort: string | null;
}

export class AssistantListResponse extends ListResponse(AssistantResponse, 'AssistantList') {}

export class AssistantDeletedResponse extends DeletedResponse('assistant.deleted', 'AssistantDeleted') {}
