import { Injectable } from '@nestjs/common';
import { ObjectNotFound } from '../../common/errors/app-errors';
import { ListPage, toListPage } from '../../common/pagination/list-page';
import { IncludeQueryDto, ListStepsQueryDto } from '../dto/run-requests.dto';
import { RunsService } from '../runs.service';
import { RunStepObject } from './run-step.entity';
import { RunStepsRepository } from './run-steps.repository';

@Injectable()
export class RunStepsService {
  constructor(
    private readonly steps: RunStepsRepository,
    private readonly runs: RunsService,
  ) {}

  async list(
    owner: string,
    threadId: string,
    runId: string,
    query: ListStepsQueryDto,
  ): Promise<ListPage<RunStepObject>> {
    await this.runs.findOwned(owner, threadId, runId);
    const slice = await this.steps.listByRun(owner, runId, query);
    const includeFileSearchContent = (query.include?.length ?? 0) > 0;
    return toListPage(slice.rows, slice.hasMore, (step) => step.toObject({ includeFileSearchContent }));
  }

  async retrieve(
    owner: string,
    threadId: string,
    runId: string,
    id: string,
    query: IncludeQueryDto,
  ): Promise<RunStepObject> {
    await this.runs.findOwned(owner, threadId, runId);
    const step = await this.steps.findOwned(owner, threadId, runId, id);
    if (!step) {
      throw new ObjectNotFound('run step', id);
    }
    return step.toObject({ includeFileSearchContent: (query.include?.length ?? 0) > 0 });
  }
}
