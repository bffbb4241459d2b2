import { Injectable } from '@nestjs/common';
import { newId, nowSeconds } from '../common/ids/ids';
import { FilesService } from '../files/files.service';
import { CreateMessageDto } from './dto/create-message.dto';
import { referencedFiles, toMessageContent } from './dto/message-shapes';
import { MessageEntity } from './message.entity';

/**
 * Turns message requests into unsaved message rows after checking that every file they
 * reference is the caller's. Shared by `POST /threads` (initial messages) and
 * `POST /threads/{id}/messages`, so both apply the same rules.
 */
@Injectable()
export class MessageDrafter {
  constructor(private readonly files: FilesService) {}

  /** `paramPrefix` locates the message in the request, e.g. `messages[2].` for a thread's initial messages. */
  async draft(
    owner: string,
    threadId: string,
    dto: CreateMessageDto,
    paramPrefix = '',
  ): Promise<Partial<MessageEntity>> {
    for (const { fileId, param } of referencedFiles(dto.content, dto.attachments)) {
      await this.files.assertOwned(owner, [fileId], paramPrefix + param);
    }
    const createdAt = nowSeconds();
    return {
      id: newId('message'),
      owner,
      threadId,
      createdAt,
      role: dto.role,
      content: toMessageContent(dto.content),
      attachments:
        dto.attachments?.map((attachment) => ({ file_id: attachment.file_id, tools: attachment.tools ?? [] })) ?? [],
      metadata: dto.metadata ?? {},
      status: 'completed',
      completedAt: createdAt,
      assistantId: null,
      runId: null,
    };
  }
}
