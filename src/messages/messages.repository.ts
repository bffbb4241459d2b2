import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, QueryDeepPartialEntity, Repository } from 'typeorm';
import { ConflictingState, ObjectNotFound } from '../common/errors/app-errors';
import { paginate, Slice } from '../common/pagination/cursor-paginator';
import { ThreadEntity } from '../threads/thread.entity';
import { ListMessagesQueryDto } from './dto/list-messages-query.dto';
import { MessageEntity } from './message.entity';

@Injectable()
export class MessagesRepository {
  constructor(@InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>) {}

  /** Inserts within the caller's transaction when a manager is given. */
  async insert(
    rows: Array<Partial<MessageEntity>>,
    manager: EntityManager = this.messages.manager,
  ): Promise<MessageEntity[]> {
    const entities = rows.map((row) => manager.create(MessageEntity, row));
    // JSONB content is typed precisely; TypeORM's deep-partial type cannot follow unions of it.
    await manager.insert(MessageEntity, entities as QueryDeepPartialEntity<MessageEntity>[]);
    return entities;
  }

  /**
   * Locks the thread row for the rest of the transaction and checks that no run is active on it.
   * Creating a run takes the lock exclusively and adding a message takes it shared: a message and
   * a run cannot slip past each other, while messages to one thread never wait for each other.
   */
  async lockIdleThread(
    manager: EntityManager,
    owner: string,
    threadId: string,
    action: 'message' | 'run',
  ): Promise<void> {
    const lock = action === 'run' ? 'FOR UPDATE' : 'FOR SHARE';
    const [thread] = await manager.query(`SELECT id FROM threads WHERE id = $1 AND owner = $2 ${lock}`, [
      threadId,
      owner,
    ]);
    if (!thread) {
      throw new ObjectNotFound('thread', threadId);
    }
    const [active] = await manager.query(
      `SELECT id FROM runs WHERE thread_id = $1 AND status IN ('queued', 'in_progress', 'requires_action', 'cancelling')`,
      [threadId],
    );
    if (active) {
      // OpenAI's wording, which clients match on.
      throw new ConflictingState(
        action === 'message'
          ? `Can't add messages to ${threadId} while a run ${active.id} is active.`
          : `Thread ${threadId} already has an active run ${active.id}.`,
        action === 'message' ? null : 'thread_id',
      );
    }
  }

  /** The whole thread in order, for the prompt (truncation happens after). */
  allOfThread(threadId: string): Promise<MessageEntity[]> {
    return this.messages
      .createQueryBuilder('message')
      .where('message.thread_id = :threadId', { threadId })
      .orderBy('message.seq', 'ASC')
      .getMany();
  }

  async update(id: string, patch: Partial<MessageEntity>): Promise<void> {
    await this.messages.update({ id }, patch as QueryDeepPartialEntity<MessageEntity>);
  }

  save(message: MessageEntity): Promise<MessageEntity> {
    return this.messages.save(message);
  }

  threadExists(owner: string, threadId: string): Promise<boolean> {
    return this.messages.manager.existsBy(ThreadEntity, { owner, id: threadId });
  }

  findOwned(owner: string, threadId: string, id: string): Promise<MessageEntity | null> {
    return this.messages.findOneBy({ owner, threadId, id });
  }

  listByThread(owner: string, threadId: string, query: ListMessagesQueryDto): Promise<Slice<MessageEntity>> {
    const qb = this.messages
      .createQueryBuilder('message')
      .where('message.thread_id = :threadId', { threadId })
      .andWhere('message.owner = :owner', { owner });
    if (query.run_id) {
      qb.andWhere('message.run_id = :runId', { runId: query.run_id });
    }
    return paginate(qb, query);
  }

  async deleteOwned(owner: string, threadId: string, id: string): Promise<boolean> {
    const result = await this.messages.delete({ owner, threadId, id });
    return (result.affected ?? 0) > 0;
  }
}
