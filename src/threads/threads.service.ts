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
import { MESSAGES_ADDED, MessagesAddedEvent } from '../messages/messages.service';
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
    const id = newId('thread');
    const drafts: Array<Partial<MessageEntity>> = [];
    for (const [index, message] of (dto.messages ?? []).entries()) {
      drafts.push(await this.drafter.draft(owner, id, message, `messages[${index}].`));
    }
    // After the messages' checks: an inline vector store is created only for a valid request.
    const toolResources = await this.toolResources.resolve(owner, dto.tool_resources, 'thread');
    const thread = await this.dataSource.transaction(async (manager) => {
      const created = await this.threads.insert(
        { id, owner, createdAt: nowSeconds(), metadata: dto.metadata ?? {}, toolResources: toolResources ?? null },
        manager,
      );
      await this.messages.insert(drafts, manager);
      return created;
    });
    return (await this.indexAttachments(owner, thread.id, drafts)) ?? thread.toObject();
  }

  /**
   * Files attached to messages for file_search go into the thread's vector store, created on
   * first use with a 7-day expiry (as OpenAI did), so the thread's runs can search them.
   * Answers the thread as updated, or null when there was nothing to index.
   */
  async indexAttachments(
    owner: string,
    threadId: string,
    messages: Array<Pick<Partial<MessageEntity>, 'attachments'>>,
  ): Promise<ThreadObject | null> {
    const fileIds = messages.flatMap((message) =>
      (message.attachments ?? []).flatMap((attachment) =>
        attachment.tools.some((tool) => tool.type === 'file_search') ? [attachment.file_id] : [],
      ),
    );
    if (fileIds.length === 0) {
      return null;
    }
    const thread = await this.findOwned(owner, threadId);
    let storeId = thread.toolResources?.file_search?.vector_store_ids?.[0];
    if (storeId === undefined) {
      storeId = await this.toolResources.createThreadStore(owner, threadId);
      thread.toolResources = { ...thread.toolResources, file_search: { vector_store_ids: [storeId] } };
      await this.threads.save(thread);
    }
    await this.toolResources.addFiles(owner, storeId, fileIds);
    return thread.toObject();
  }

  @OnEvent(MESSAGES_ADDED)
  async indexAddedAttachments({ owner, threadId, messages }: MessagesAddedEvent): Promise<void> {
    await this.indexAttachments(owner, threadId, messages);
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
    const toolResources = await this.toolResources.resolve(owner, dto.tool_resources, 'thread');
    if (dto.metadata !== undefined) {
      thread.metadata = dto.metadata ?? {};
    }
    if (dto.tool_resources !== undefined) {
      thread.toolResources = toolResources ?? null;
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
