import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { paginate, Slice } from '../common/pagination/cursor-paginator';
import { ListThreadsQueryDto } from './dto/list-threads-query.dto';
import { detachFileFromToolResources } from '../files/file-references';
import { ThreadEntity } from './thread.entity';

@Injectable()
export class ThreadsRepository {
  constructor(@InjectRepository(ThreadEntity) private readonly threads: Repository<ThreadEntity>) {}

  async insert(fields: Partial<ThreadEntity>, manager: EntityManager = this.threads.manager): Promise<ThreadEntity> {
    const thread = manager.create(ThreadEntity, fields);
    await manager.insert(ThreadEntity, thread);
    return thread;
  }

  save(thread: ThreadEntity): Promise<ThreadEntity> {
    return this.threads.save(thread);
  }

  findOwned(owner: string, id: string): Promise<ThreadEntity | null> {
    return this.threads.findOneBy({ owner, id });
  }

  listOwned(owner: string, query: ListThreadsQueryDto): Promise<Slice<ThreadEntity>> {
    const qb = this.threads.createQueryBuilder('thread').where('thread.owner = :owner', { owner });
    if (query.metadata && Object.keys(query.metadata).length > 0) {
      qb.andWhere('thread.metadata @> :filter::jsonb', { filter: JSON.stringify(query.metadata) });
    }
    return paginate(qb, query);
  }

  detachFile(owner: string, fileId: string): Promise<number> {
    return detachFileFromToolResources(this.threads.manager, 'threads', owner, fileId);
  }

  /** Messages go with the thread: the foreign key cascades. */
  async deleteOwned(owner: string, id: string): Promise<boolean> {
    const result = await this.threads.delete({ owner, id });
    return (result.affected ?? 0) > 0;
  }
}
