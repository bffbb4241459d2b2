import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AssistantTool, checkResponseFormat, checkTools, ResponseFormat } from '../../assistants/dto/assistant-shapes';
import { RESPONSE_FORMAT_SCHEMA, TOOLS_SCHEMA } from '../../assistants/dto/assistant-schemas';
import { REASONING_EFFORTS } from '../../assistants/dto/create-assistant.dto';
import { IsMetadata, Metadata } from '../../common/metadata/metadata';
import { METADATA_SCHEMA, SchemaProperty } from '../../common/openapi/schema-property';
import { ValidShape } from '../../common/validation/shape-validator';
import { CreateMessageDto } from '../../messages/dto/create-message.dto';
import { ToolChoice, TruncationStrategy } from '../run.types';
import { checkToolChoice, checkTruncationStrategy } from './run-shapes';
import { TOOL_CHOICE_SCHEMA, TRUNCATION_SCHEMA } from './run-schemas';

/** The run parameters shared by create run, create-and-run and wait; they override the assistant's. */
export class RunParametersDto {
  /** The assistant whose model, instructions and tools the run uses. */
  @IsString() @MinLength(1)
  assistant_id: string;

  @IsOptional() @IsString() @MinLength(1) @MaxLength(256)
  model?: string | null;

  /** Replaces the assistant's instructions for this run. */
  @IsOptional() @IsString() @MaxLength(256_000)
  instructions?: string | null;

  @SchemaProperty(TOOLS_SCHEMA)
  @IsOptional() @ValidShape('tools', checkTools)
  tools?: AssistantTool[] | null;

  @SchemaProperty(METADATA_SCHEMA)
  @IsOptional() @IsMetadata()
  metadata?: Metadata | null;

  @IsOptional() @IsNumber() @Min(0) @Max(2)
  temperature?: number | null;

  @IsOptional() @IsNumber() @Min(0) @Max(1)
  top_p?: number | null;

  /** Answer with server-sent events instead of the run object. */
  @IsOptional() @IsBoolean()
  stream?: boolean | null;

  /** Prompt tokens the whole run may use, across its model calls (at least 256). */
  @IsOptional() @IsInt() @Min(256)
  max_prompt_tokens?: number | null;

  /** Completion tokens the whole run may use, across its model calls (at least 16). */
  @IsOptional() @IsInt() @Min(16)
  max_completion_tokens?: number | null;

  @SchemaProperty(TRUNCATION_SCHEMA)
  @IsOptional() @ValidShape('truncationStrategy', checkTruncationStrategy)
  truncation_strategy?: TruncationStrategy | null;

  @SchemaProperty(RESPONSE_FORMAT_SCHEMA)
  @IsOptional() @ValidShape('responseFormat', checkResponseFormat)
  response_format?: ResponseFormat | null;

  @SchemaProperty(TOOL_CHOICE_SCHEMA)
  @IsOptional() @ValidShape('toolChoice', checkToolChoice)
  tool_choice?: ToolChoice | null;

  /** Whether the model may call several functions in one turn (default true). */
  @IsOptional() @IsBoolean()
  parallel_tool_calls?: boolean;

  @SchemaProperty({ type: 'string', enum: [...REASONING_EFFORTS], nullable: true })
  @IsOptional() @IsIn(REASONING_EFFORTS)
  reasoning_effort?: string | null;
}

export class CreateRunDto extends RunParametersDto {
  /** Appended to the instructions for this run only. */
  @IsOptional() @IsString() @MaxLength(256_000)
  additional_instructions?: string | null;

  /** Added to the thread before the run starts. */
  @IsOptional() @IsArray() @ArrayMaxSize(32) @ValidateNested({ each: true }) @Type(() => CreateMessageDto)
  additional_messages?: CreateMessageDto[] | null;
}
