import { OmitType } from '@nestjs/swagger';
import { CreateThreadDto } from './create-thread.dto';

/** A thread's metadata and tool resources can change; its messages are changed through their own routes. */
export class UpdateThreadDto extends OmitType(CreateThreadDto, ['messages'] as const) {}
