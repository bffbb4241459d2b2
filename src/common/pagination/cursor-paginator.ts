import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { InvalidRequest } from '../errors/app-errors';
import { ListQueryDto } from './list-query.dto';

export interface Slice<E> {
  rows: E[];
  hasMore: boolean;
}

/**
 * Keyset pagination on the `seq` column: insertion order, stable when many objects share a
 * second, and one index range scan however long the list grows.
 *
 * `qb` must already be scoped (owner, thread, …); the cursor is looked up within that scope, so a
 * cursor from another tenant or list is rejected like an unknown one.
 */
export async function paginate<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  query: ListQueryDto,
  { idProperty = 'id' }: { idProperty?: string } = {},
): Promise<Slice<E>> {
  const alias = qb.alias;
  const cursorParam = query.after !== undefined ? 'after' : query.before !== undefined ? 'before' : null;
  if (cursorParam) {
    const cursorId = query[cursorParam] as string;
    const cursor = await qb
      .clone()
      .select(`${alias}.seq`, 'seq')
      .andWhere(`${alias}.${idProperty} = :cursorId`, { cursorId })
      .getRawOne<{ seq: string }>();
    if (!cursor) {
      throw new InvalidRequest(`Invalid '${cursorParam}': no object with id '${cursorId}' in this list.`, cursorParam);
    }
    // `before` walks backwards from the cursor, so it scans in the opposite direction and flips the page.
    const forwardIsAscending = query.order === 'asc';
    const ascending = cursorParam === 'after' ? forwardIsAscending : !forwardIsAscending;
    qb.andWhere(`${alias}.seq ${ascending ? '>' : '<'} :cursorSeq`, { cursorSeq: cursor.seq });
    return fetch(qb, query.limit, ascending, cursorParam === 'before');
  }
  return fetch(qb, query.limit, query.order === 'asc', false);
}

async function fetch<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  limit: number,
  ascending: boolean,
  reverse: boolean,
): Promise<Slice<E>> {
  const rows = await qb
    .orderBy(`${qb.alias}.seq`, ascending ? 'ASC' : 'DESC')
    .limit(limit + 1)
    .getMany();
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  return { rows: reverse ? page.reverse() : page, hasMore };
}
