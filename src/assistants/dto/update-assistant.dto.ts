import { PartialType } from '@nestjs/swagger';
import { CreateAssistantDto } from './create-assistant.dto';

/** Every field of create, all optional: only the fields sent are changed. */
export class UpdateAssistantDto extends PartialType(CreateAssistantDto) {}
