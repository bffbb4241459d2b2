import { EventEmitter2 } from '@nestjs/event-emitter';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ObjectNotFound } from '../common/errors/app-errors';
import { ListPage, toListPage } from '../common/pagination/list-page';
import { CreateMessageDto } from './dto/create-message.dto';
import { ListMessagesQueryDto } from './dto/list-messages-query.dto';
import { UpdateMessageDto } from './dto/update-message.dto';
import { MessageEntity, MessageObject } from './message.entity';
import { MessageDrafter } from './message-drafter';
import { MessagesRepository } from './messages.repository';

/** Emitted once messages are stored: their file_search attachments are indexed for the thread. */
export const MESSAGES_ADDED = 'messages.added';

export interface MessagesAddedEvent {
  owner: string;
  threadId: string;
  messages: Array<Pick<MessageEntity, 'attachments'>>;
}

@Injectable()
export class MessagesService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly drafter: MessageDrafter,
    private readonly dataSource: DataSource,
    private readonly events: EventEmitter2,
  ) {}

  /** Adds a message, unless a run is active on the thread (OpenAI answered 400 then). */
  async create(owner: string, threadId: string, dto: CreateMessageDto): Promise<MessageObject> {
    await this.assertThread(owner, threadId);
    const draft = await this.drafter.draft(owner, threadId, dto);
    const [message] = await this.dataSource.transaction(async (manager) => {
      await this.messages.lockIdleThread(manager, owner, threadId, 'message');
      return this.messages.insert([draft], manager);
    });
    await this.events.emitAsync(MESSAGES_ADDED, { owner, threadId, messages: [message] } satisfies MessagesAddedEvent);
    return message.toObject();
  }

  async list(owner: string, threadId: string, query: ListMessagesQueryDto): Promise<ListPage<MessageObject>> {
    await this.assertThread(owner, threadId);
    const slice = await this.messages.listByThread(owner, threadId, query);
    return toListPage(slice.rows, slice.hasMore, (message) => message.toObject());
  }

  async retrieve(owner: string, threadId: string, id: string): Promise<MessageObject> {
    return (await this.findOwned(owner, threadId, id)).toObject();
  }

  async update(owner: string, threadId: string, id: string, dto: UpdateMessageDto): Promise<MessageObject> {
    const message = await this.findOwned(owner, threadId, id);
    if (dto.metadata !== undefined) {
      message.metadata = dto.metadata ?? {};
    }
    return (await this.messages.save(message)).toObject();
  }

  async delete(owner: string, threadId: string, id: string) {
    await this.assertThread(owner, threadId);
    if (!(await this.messages.deleteOwned(owner, threadId, id))) {
      throw new ObjectNotFound('message', id);
    }
    return { id, object: 'thread.message.deleted' as const, deleted: true };
  }

  private async assertThread(owner: string, threadId: string): Promise<void> {
    if (!(await this.messages.threadExists(owner, threadId))) {
      throw new ObjectNotFound('thread', threadId);
    }
  }

  private async findOwned(owner: string, threadId: string, id: string): Promise<MessageEntity> {
    await this.assertThread(owner, threadId);
    const message = await this.messages.findOwned(owner, threadId, id);
    if (!message) {
      throw new ObjectNotFound('message', id);
    }
    return message;
  }
}
