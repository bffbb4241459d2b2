import { METADATA_SCHEMA, SchemaProperty } from '../../common/openapi/schema-property';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsMetadata, Metadata } from '../../common/metadata/metadata';
import { ValidShape } from '../../common/validation/shape-validator';
import { checkAttachments, checkMessageContent, MessageAttachment, MessageContentInput } from './message-shapes';
import { ATTACHMENTS_SCHEMA, CONTENT_INPUT_SCHEMA } from './message-schemas';

export class CreateMessageDto {
  /** Thread messages come from the `user` or are `assistant` replies; nothing else (as in OpenAI's API). */
  @ApiProperty({ enum: ['user', 'assistant'] })
  @IsIn(['user', 'assistant'])
  role: 'user' | 'assistant';

  @SchemaProperty(CONTENT_INPUT_SCHEMA, { required: true })
  @ValidShape('messageContent', checkMessageContent)
  content: MessageContentInput;

  @SchemaProperty(ATTACHMENTS_SCHEMA)
  @IsOptional()
  @ValidShape('attachments', checkAttachments)
  attachments?: MessageAttachment[] | null;

  @SchemaProperty(METADATA_SCHEMA)
  @IsOptional()
  @IsMetadata()
  metadata?: Metadata | null;
}
