import { PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CreateAssistantDto } from '../../assistants/dto/create-assistant.dto';
import { SchemaProperty } from '../../common/openapi/schema-property';
import { ValidShape } from '../../common/validation/shape-validator';
import { CreateMessageDto } from '../../messages/dto/create-message.dto';
import { ToolChoice, TruncationStrategy } from '../run.types';
import { checkToolChoice, checkTruncationStrategy } from './run-shapes';
import { TOOL_CHOICE_SCHEMA, TRUNCATION_SCHEMA } from './run-schemas';

/**
 * The run parameters shared by create run, create-and-run and wait. Those an assistant also has
 * come from its DTO (same rules), all optional: they override the assistant's for this run.
 */
export class RunParametersDto extends PartialType(
  PickType(CreateAssistantDto, [
    'model',
    'instructions',
    'tools',
    'metadata',
    'temperature',
    'top_p',
    'response_format',
    'reasoning_effort',
  ] as const),
) {
  /** The assistant whose model, instructions and tools the run uses. */
  @IsString()
  @MinLength(1)
  assistant_id: string;

  /** Answer with server-sent events instead of the run object. */
  @IsOptional()
  @IsBoolean()
  stream?: boolean | null;

  /** Prompt tokens the whole run may use, across its model calls (at least 256). */
  @IsOptional()
  @IsInt()
  @Min(256)
  max_prompt_tokens?: number | null;

  /** Completion tokens the whole run may use, across its model calls (at least 16). */
  @IsOptional()
  @IsInt()
  @Min(16)
  max_completion_tokens?: number | null;

  @SchemaProperty(TRUNCATION_SCHEMA)
  @IsOptional()
  @ValidShape('truncationStrategy', checkTruncationStrategy)
  truncation_strategy?: TruncationStrategy | null;

  @SchemaProperty(TOOL_CHOICE_SCHEMA)
  @IsOptional()
  @ValidShape('toolChoice', checkToolChoice)
  tool_choice?: ToolChoice | null;

  /** Whether the model may call several functions in one turn (default true). */
  @IsOptional()
  @IsBoolean()
  parallel_tool_calls?: boolean;
}

export class CreateRunDto extends RunParametersDto {
  /** Appended to the instructions for this run only. */
  @IsOptional()
  @IsString()
  @MaxLength(256_000)
  additional_instructions?: string | null;

  /** Added to the thread before the run starts. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(32)
  @ValidateNested({ each: true })
  @Type(() => CreateMessageDto)
  additional_messages?: CreateMessageDto[] | null;
}
