import { METADATA_SCHEMA, SchemaProperty } from '../../common/openapi/schema-property';
import { IsOptional } from 'class-validator';
import { IsMetadata, Metadata } from '../../common/metadata/metadata';

/** Only a message's metadata can change, as in OpenAI's API. */
export class UpdateMessageDto {
  @SchemaProperty(METADATA_SCHEMA)
  @IsOptional()
  @IsMetadata()
  metadata?: Metadata | null;
}
