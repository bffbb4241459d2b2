import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { checkToolResources, ToolResources } from '../../assistants/dto/assistant-shapes';
import { TOOL_RESOURCES_SCHEMA } from '../../assistants/dto/assistant-schemas';
import { IsMetadata, Metadata } from '../../common/metadata/metadata';
import { METADATA_SCHEMA, SchemaProperty } from '../../common/openapi/schema-property';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { ValidShape } from '../../common/validation/shape-validator';
import { CreateThreadDto } from '../../threads/dto/create-thread.dto';
import { checkToolOutputs } from './run-shapes';
import { TOOL_OUTPUTS_SCHEMA } from './run-schemas';
import { CreateRunDto, RunParametersDto } from './create-run.dto';

/** `POST /threads/runs`: a new thread and its first run. */
export class CreateThreadAndRunDto extends RunParametersDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => CreateThreadDto)
  thread?: CreateThreadDto;

  /** Tool resources of the new thread. */
  @SchemaProperty(TOOL_RESOURCES_SCHEMA)
  @IsOptional()
  @ValidShape('toolResources', checkToolResources)
  tool_resources?: ToolResources | null;
}

/** `POST /threads/{id}/runs/wait`: create a run and answer once it stops or `timeout` passes. */
export class CreateRunAndWaitDto extends CreateRunDto {
  /** Seconds to wait, 1 to 60. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  timeout: number = 30;
}

export class SubmitToolOutputsDto {
  @SchemaProperty(TOOL_OUTPUTS_SCHEMA, { required: true })
  @ValidShape('toolOutputs', checkToolOutputs)
  tool_outputs: Array<{ tool_call_id: string; output?: string }>;

  @IsOptional()
  @IsBoolean()
  stream?: boolean | null;
}

export class UpdateRunDto {
  @SchemaProperty(METADATA_SCHEMA)
  @IsOptional()
  @IsMetadata()
  metadata?: Metadata | null;
}

export const STEP_INCLUDES = ['step_details.tool_calls[*].file_search.results[*].content'] as const;

/** `include[]` on run and step routes: file_search result content. */
export class IncludeQueryDto {
  @IsOptional()
  @IsArray()
  @IsIn(STEP_INCLUDES, { each: true })
  include?: Array<(typeof STEP_INCLUDES)[number]>;
}

export class ListStepsQueryDto extends ListQueryDto {
  @IsOptional()
  @IsArray()
  @IsIn(STEP_INCLUDES, { each: true })
  include?: Array<(typeof STEP_INCLUDES)[number]>;
}

export type { Metadata };
