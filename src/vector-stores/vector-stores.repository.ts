import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, Repository } from 'typeorm';
import { paginate, Slice } from '../common/pagination/cursor-paginator';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { VectorStoreEntity } from './vector-store.entity';

const TOUCH_GRANULARITY_SECONDS = 60;

@Injectable()
export class VectorStoresRepository {
  constructor(@InjectRepository(VectorStoreEntity) private readonly stores: Repository<VectorStoreEntity>) {}

  create(fields: Partial<VectorStoreEntity>): VectorStoreEntity {
    return this.stores.create(fields);
  }

  save(store: VectorStoreEntity): Promise<VectorStoreEntity> {
    return this.stores.save(store);
  }

  findOwned(owner: string, id: string): Promise<VectorStoreEntity | null> {
    return this.stores.findOneBy({ owner, id });
  }

  async ownedIds(owner: string, ids: string[]): Promise<Set<string>> {
    const rows = await this.stores.find({ select: { id: true }, where: { owner, id: In(ids) } });
    return new Set(rows.map((row) => row.id));
  }

  listOwned(owner: string, query: ListQueryDto): Promise<Slice<VectorStoreEntity>> {
    return paginate(this.stores.createQueryBuilder('store').where('store.owner = :owner', { owner }), query);
  }

  findManyOwned(owner: string, ids: string[]): Promise<VectorStoreEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.stores.findBy({ owner, id: In(ids) });
  }

  /**
   * Records activity, at most once a minute per store: searches touch their stores, and a row
   * rewritten on every read would make each search a write. Expiry counts in days.
   */
  async touch(ids: string[], now: number): Promise<void> {
    if (ids.length > 0) {
      await this.stores.update(
        { id: In(ids), lastActiveAt: LessThan(now - TOUCH_GRANULARITY_SECONDS) },
        { lastActiveAt: now },
      );
    }
  }

  async deleteOwned(owner: string, id: string): Promise<boolean> {
    const result = await this.stores.delete({ owner, id });
    return (result.affected ?? 0) > 0;
  }
}
