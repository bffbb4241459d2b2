import { ApiProperty } from '@nestjs/swagger';
import { RESPONSE_FORMAT_SCHEMA, TOOLS_SCHEMA } from '../../assistants/dto/assistant-schemas';
import { METADATA_SCHEMA, SchemaProperty } from '../../common/openapi/schema-property';
import { ListResponse } from '../../common/pagination/list-response';
import { TOOL_CHOICE_SCHEMA, TRUNCATION_SCHEMA } from './run-schemas';

const RUN_STATUSES = [
  'queued',
  'in_progress',
  'requires_action',
  'cancelling',
  'cancelled',
  'failed',
  'completed',
  'incomplete',
  'expired',
];
const OBJECT_OR_NULL = { type: 'object', nullable: true, additionalProperties: true } as const;

/** A run, as `openai.beta.threads.runs` returns it. */
export class RunResponse {
  /** `run_…` */
  id: string;

  @ApiProperty({ enum: ['thread.run'] })
  object: 'thread.run';

  created_at: number;
  thread_id: string;
  assistant_id: string;

  @ApiProperty({ enum: RUN_STATUSES })
  status: string;

  @SchemaProperty(
    { ...OBJECT_OR_NULL, description: 'Tool calls waiting for outputs (status requires_action).' },
    { required: true },
  )
  required_action: unknown;

  @SchemaProperty(
    { ...OBJECT_OR_NULL, description: '`code`: server_error | rate_limit_exceeded | invalid_prompt' },
    { required: true },
  )
  last_error: unknown;

  expires_at: number | null;
  started_at: number | null;
  cancelled_at: number | null;
  failed_at: number | null;
  completed_at: number | null;

  @SchemaProperty(OBJECT_OR_NULL, { required: true })
  incomplete_details: unknown;

  model: string;
  instructions: string;

  @SchemaProperty(TOOLS_SCHEMA, { required: true })
  tools: unknown[];

  @SchemaProperty(METADATA_SCHEMA, { required: true })
  metadata: Record<string, string>;

  @SchemaProperty(OBJECT_OR_NULL, { required: true })
  usage: unknown;

  temperature: number | null;
  top_p: number | null;
  max_prompt_tokens: number | null;
  max_completion_tokens: number | null;

  @SchemaProperty(TRUNCATION_SCHEMA, { required: true })
  truncation_strategy: unknown;

  @SchemaProperty(RESPONSE_FORMAT_SCHEMA, { required: true })
  response_format: unknown;

  @SchemaProperty(TOOL_CHOICE_SCHEMA, { required: true })
  tool_choice: unknown;

  parallel_tool_calls: boolean;
}

/** A run step: the message a model turn wrote, or the tool calls it made. */
export class RunStepResponse {
  /** `step_…` */
  id: string;

  @ApiProperty({ enum: ['thread.run.step'] })
  object: 'thread.run.step';

  created_at: number;
  run_id: string;
  assistant_id: string;
  thread_id: string;

  @ApiProperty({ enum: ['message_creation', 'tool_calls'] })
  type: string;

  @ApiProperty({ enum: ['in_progress', 'cancelled', 'failed', 'completed', 'expired'] })
  status: string;

  @SchemaProperty({ type: 'object', additionalProperties: true }, { required: true })
  step_details: unknown;

  @SchemaProperty(OBJECT_OR_NULL, { required: true })
  usage: unknown;

  completed_at: number | null;
  cancelled_at: number | null;
  failed_at: number | null;
  expired_at: number | null;
}

export class RunListResponse extends ListResponse(RunResponse, 'RunList') {}

export class RunStepListResponse extends ListResponse(RunStepResponse, 'RunStepList') {}
