import { METADATA_SCHEMA, SchemaProperty } from '../../common/openapi/schema-property';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { checkToolResources, ToolResources } from '../../assistants/dto/assistant-shapes';
import { TOOL_RESOURCES_SCHEMA } from '../../assistants/dto/assistant-schemas';
import { IsMetadata, Metadata } from '../../common/metadata/metadata';
import { ValidShape } from '../../common/validation/shape-validator';
import { CreateMessageDto } from '../../messages/dto/create-message.dto';

export class CreateThreadDto {
  /** Messages to start the thread with, in order (at most 32, as OpenAI allowed). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(32)
  @ValidateNested({ each: true })
  @Type(() => CreateMessageDto)
  messages?: CreateMessageDto[];

  @SchemaProperty(TOOL_RESOURCES_SCHEMA)
  @IsOptional()
  @ValidShape('toolResources', checkToolResources)
  tool_resources?: ToolResources | null;

  @SchemaProperty(METADATA_SCHEMA)
  @IsOptional()
  @IsMetadata()
  metadata?: Metadata | null;
}
