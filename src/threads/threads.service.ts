import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { ObjectNotFound } from '../common/errors/app-errors';
import { newId, nowSeconds } from '../common/ids/ids';
import { ListPage, toListPage } from '../common/pagination/list-page';
import { FILE_DELETED, FileDeletedEvent } from '../files/files.service';
import { MessageEntity } from '../messages/message.entity';
import { MessageDrafter } from '../messages/message-drafter';
import { MessagesRepository } from '../messages/messages.repository';
import { ToolResourcesService } from '../tool-resources/tool-resources.service';
import { CreateThreadDto } from './dto/create-thread.dto';
import { ListThreadsQueryDto } from './dto/list-threads-query.dto';
import { UpdateThreadDto } from './dto/update-thread.dto';
import { ThreadEntity, ThreadObject } from './thread.entity';
import { ThreadsRepository } from './threads.repository';

@Injectable()
export class ThreadsService {
  constructor(
    private readonly threads: ThreadsRepository,
    private readonly messages: MessagesRepository,
    private readonly drafter: MessageDrafter,
    private readonly toolResources: ToolResourcesService,
    private readonly dataSource: DataSource,
  ) {}

  /** Creates the thread and its initial messages atomically: all of them or nothing. */
  async create(owner: string, dto: CreateThreadDto): Promise<ThreadObject> {
    await this.toolResources.assertReferencesExist(owner, dto.tool_resources);
    const id = newId('thread');
    const drafts: Array<Partial<MessageEntity>> = [];
    for (const [index, message] of (dto.messages ?? []).entries()) {
      drafts.push(await this.drafter.draft(owner, id, message, `messages[${index}].`));
    }
    const thread = await this.dataSource.transaction(async (manager) => {
      const created = await this.threads.insert(
        { id, owner, createdAt: nowSeconds(), metadata: dto.metadata ?? {}, toolResources: dto.tool_resources ?? null },
        manager,
      );
      await this.messages.insert(drafts, manager);
      return created;
    });
    return thread.toObject();
  }

  async retrieve(owner: string, id: string): Promise<ThreadObject> {
    return (await this.findOwned(owner, id)).toObject();
  }

  async list(owner: string, query: ListThreadsQueryDto): Promise<ListPage<ThreadObject>> {
    const slice = await this.threads.listOwned(owner, query);
    return toListPage(slice.rows, slice.hasMore, (thread) => thread.toObject());
  }

  async update(owner: string, id: string, dto: UpdateThreadDto): Promise<ThreadObject> {
    const thread = await this.findOwned(owner, id);
    await this.toolResources.assertReferencesExist(owner, dto.tool_resources);
    if (dto.metadata !== undefined) {
      thread.metadata = dto.metadata ?? {};
    }
    if (dto.tool_resources !== undefined) {
      thread.toolResources = dto.tool_resources;
    }
    return (await this.threads.save(thread)).toObject();
  }

  async delete(owner: string, id: string) {
    if (!(await this.threads.deleteOwned(owner, id))) {
      throw new ObjectNotFound('thread', id);
    }
    return { id, object: 'thread.deleted' as const, deleted: true };
  }

  /** A deleted file no longer appears in any of the owner's threads. */
  @OnEvent(FILE_DELETED)
  async detachDeletedFile({ owner, fileId }: FileDeletedEvent): Promise<void> {
    await this.threads.detachFile(owner, fileId);
  }

  async findOwned(owner: string, id: string): Promise<ThreadEntity> {
    const thread = await this.threads.findOwned(owner, id);
    if (!thread) {
      throw new ObjectNotFound('thread', id);
    }
    return thread;
  }
}
