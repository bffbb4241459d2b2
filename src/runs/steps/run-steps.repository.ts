import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryDeepPartialEntity, Repository } from 'typeorm';
import { paginate, Slice } from '../../common/pagination/cursor-paginator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { RunStepEntity } from './run-step.entity';

@Injectable()
export class RunStepsRepository {
  constructor(@InjectRepository(RunStepEntity) private readonly steps: Repository<RunStepEntity>) {}

  async insert(fields: Partial<RunStepEntity>): Promise<RunStepEntity> {
    const step = this.steps.create(fields);
    await this.steps.insert(step as QueryDeepPartialEntity<RunStepEntity>);
    return step;
  }

  async update(id: string, patch: Partial<RunStepEntity>): Promise<void> {
    await this.steps.update({ id }, patch as QueryDeepPartialEntity<RunStepEntity>);
  }

  /** Every step of a run, in order: the run's own transcript. */
  allOfRun(runId: string): Promise<RunStepEntity[]> {
    return this.steps
      .createQueryBuilder('step')
      .where('step.run_id = :runId', { runId })
      .orderBy('step.seq', 'ASC')
      .getMany();
  }

  findOwned(owner: string, threadId: string, runId: string, id: string): Promise<RunStepEntity | null> {
    return this.steps.findOneBy({ owner, threadId, runId, id });
  }

  listByRun(owner: string, runId: string, query: ListQueryDto): Promise<Slice<RunStepEntity>> {
    const qb = this.steps
      .createQueryBuilder('step')
      .where('step.run_id = :runId', { runId })
      .andWhere('step.owner = :owner', { owner });
    return paginate(qb, query);
  }
}
