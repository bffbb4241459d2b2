import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, QueryDeepPartialEntity, Repository } from 'typeorm';
import { ConflictingState } from '../common/errors/app-errors';
import { paginate, Slice } from '../common/pagination/cursor-paginator';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { ACTIVE_RUN_STATUSES, RunEntity } from './run.entity';
import { RunStatus } from './run.types';

const ONE_ACTIVE_RUN_INDEX = 'uq_runs_one_active_per_thread';

@Injectable()
export class RunsRepository {
  constructor(
    @InjectRepository(RunEntity) private readonly runs: Repository<RunEntity>,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Inserts a run (and whatever else `before` writes, e.g. additional messages) in one
   * transaction. The partial unique index decides races: the loser gets OpenAI's 400.
   */
  async insertActive(run: Partial<RunEntity>, before: (manager: EntityManager) => Promise<void>): Promise<RunEntity> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        await before(manager);
        const entity = manager.create(RunEntity, run);
        await manager.insert(RunEntity, entity as QueryDeepPartialEntity<RunEntity>);
        return entity;
      });
    } catch (error) {
      if ((error as { constraint?: string }).constraint === ONE_ACTIVE_RUN_INDEX) {
        const active = await this.runs.findOneBy({ threadId: run.threadId, status: In(ACTIVE_RUN_STATUSES) });
        throw new ConflictingState(
          `Thread ${run.threadId} already has an active run ${active?.id ?? ''}.`.replace(' .', '.'),
          'thread_id',
        );
      }
      throw error;
    }
  }

  findOwned(owner: string, threadId: string, id: string): Promise<RunEntity | null> {
    return this.runs.findOneBy({ owner, threadId, id });
  }

  findById(id: string): Promise<RunEntity | null> {
    return this.runs.findOneBy({ id });
  }

  listByThread(owner: string, threadId: string, query: ListQueryDto): Promise<Slice<RunEntity>> {
    const qb = this.runs
      .createQueryBuilder('run')
      .where('run.thread_id = :threadId', { threadId })
      .andWhere('run.owner = :owner', { owner });
    return paginate(qb, query);
  }

  async update(id: string, patch: Partial<RunEntity>): Promise<void> {
    await this.runs.update({ id }, patch as QueryDeepPartialEntity<RunEntity>);
  }

  /** Moves a run only if it is still in one of `from`: of concurrent actors, exactly one wins. */
  async transition(id: string, from: RunStatus[], patch: Partial<RunEntity>): Promise<RunEntity | null> {
    const result = await this.runs
      .createQueryBuilder()
      .update(RunEntity)
      .set(patch as QueryDeepPartialEntity<RunEntity>)
      .where('id = :id AND status IN (:...from)', { id, from })
      .execute();
    return (result.affected ?? 0) > 0 ? this.runs.findOneBy({ id }) : null;
  }

  /**
   * Claims a run for one execution (`leaseId` is unique per execution, not per process): only if
   * it still needs executing and nobody holds a live lease on it, so no two executions of a run
   * ever overlap — in different processes or in the same one.
   */
  async claim(id: string, leaseId: string, leaseSeconds: number): Promise<RunEntity | null> {
    const result = await this.runs.query(
      `UPDATE runs SET worker_id = $2, heartbeat_at = now()
        WHERE id = $1 AND status IN ('queued', 'in_progress', 'cancelling')
          AND (worker_id IS NULL OR heartbeat_at < now() - make_interval(secs => $3))
        RETURNING id`,
      [id, leaseId, leaseSeconds],
    );
    return (result[0] as unknown[]).length === 0 ? null : this.runs.findOneBy({ id });
  }

  /** Renews the lease and answers the run's status (a `cancelling` run must stop). */
  async heartbeat(id: string, leaseId: string): Promise<RunStatus | null> {
    const [rows] = await this.runs.query(
      'UPDATE runs SET heartbeat_at = now() WHERE id = $1 AND worker_id = $2 RETURNING status',
      [id, leaseId],
    );
    return (rows as Array<{ status: RunStatus }>)[0]?.status ?? null;
  }

  async release(id: string, leaseId: string): Promise<void> {
    await this.runs.query('UPDATE runs SET worker_id = NULL, heartbeat_at = NULL WHERE id = $1 AND worker_id = $2', [
      id,
      leaseId,
    ]);
  }

  /**
   * Runs that need an executor: in flight whose executor stopped heartbeating (killed) or let go
   * (shut down), or queued far longer than a queue normally holds a run (their job was lost,
   * e.g. a streaming request's process died before starting it).
   */
  async orphaned(leaseSeconds: number, queuedGraceSeconds: number): Promise<Array<{ id: string; status: RunStatus }>> {
    return this.runs.query(
      `SELECT id, status FROM runs
        WHERE status IN ('queued', 'in_progress', 'cancelling')
          AND (heartbeat_at < now() - make_interval(secs => $1)
               OR (worker_id IS NULL AND status <> 'queued')
               OR (worker_id IS NULL AND status = 'queued' AND created_at < extract(epoch FROM now()) - $2))
        LIMIT 100`,
      [leaseSeconds, queuedGraceSeconds],
    );
  }

  /** Runs past `expires_at` that no live executor holds. */
  async overdue(now: number, leaseSeconds: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.runs.query(
      `SELECT id FROM runs
        WHERE status IN ('queued', 'in_progress', 'requires_action', 'cancelling') AND expires_at < $1
          AND (worker_id IS NULL OR heartbeat_at < now() - make_interval(secs => $2))
        LIMIT 100`,
      [now, leaseSeconds],
    );
    return rows.map((row) => row.id);
  }
}
