import { METADATA_SCHEMA, SchemaProperty } from '../../common/openapi/schema-property';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsMetadata, Metadata } from '../../common/metadata/metadata';
import { ValidShape } from '../../common/validation/shape-validator';
import {
  AssistantTool,
  checkResponseFormat,
  checkToolResources,
  checkTools,
  ResponseFormat,
  ToolResources,
} from './assistant-shapes';
import { RESPONSE_FORMAT_SCHEMA, TOOL_RESOURCES_SCHEMA, TOOLS_SCHEMA } from './assistant-schemas';

export const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;

export class CreateAssistantDto {
  /** The model the assistant's runs call on the configured Chat Completions endpoint. */
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  model: string;

  /** Up to 256 characters. */
  @IsOptional()
  @IsString()
  @MaxLength(256)
  name?: string | null;

  /** Up to 512 characters. */
  @IsOptional()
  @IsString()
  @MaxLength(512)
  description?: string | null;

  /** The system instructions, up to 256 000 characters. */
  @IsOptional()
  @IsString()
  @MaxLength(256_000)
  instructions?: string | null;

  @SchemaProperty(TOOLS_SCHEMA)
  @IsOptional()
  @ValidShape('tools', checkTools)
  tools?: AssistantTool[];

  @SchemaProperty(TOOL_RESOURCES_SCHEMA)
  @IsOptional()
  @ValidShape('toolResources', checkToolResources)
  tool_resources?: ToolResources | null;

  @SchemaProperty(METADATA_SCHEMA)
  @IsOptional()
  @IsMetadata()
  metadata?: Metadata | null;

  /** Sampling temperature between 0 and 2. */
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(2)
  temperature?: number | null;

  /** Nucleus sampling between 0 and 1. */
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  top_p?: number | null;

  @SchemaProperty(RESPONSE_FORMAT_SCHEMA)
  @IsOptional()
  @ValidShape('responseFormat', checkResponseFormat)
  response_format?: ResponseFormat | null;

  @ApiProperty({ enum: REASONING_EFFORTS, required: false, nullable: true })
  @IsOptional()
  @IsIn(REASONING_EFFORTS)
  reasoning_effort?: (typeof REASONING_EFFORTS)[number] | null;
}
