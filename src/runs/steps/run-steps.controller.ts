import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/auth/api-route.decorator';
import { Owner } from '../../common/auth/owner.decorator';
import { RunStepListResponse, RunStepResponse } from '../dto/run.response';
import { IncludeQueryDto, ListStepsQueryDto } from '../dto/run-requests.dto';
import { RunStepsService } from './run-steps.service';

/** Routes 23–24 of SPEC §3. */
@ApiTags('Runs')
@Controller('threads/:thread_id/runs/:run_id/steps')
export class RunStepsController {
  constructor(private readonly steps: RunStepsService) {}

  @Get()
  @ApiRoute({ throttle: 'read', summary: "List a run's steps" })
  @ApiOkResponse({ type: RunStepListResponse })
  list(
    @Owner() owner: string,
    @Param('thread_id') threadId: string,
    @Param('run_id') runId: string,
    @Query() query: ListStepsQueryDto,
  ) {
    return this.steps.list(owner, threadId, runId, query);
  }

  @Get(':step_id')
  @ApiRoute({ throttle: 'read', summary: 'Retrieve a run step' })
  @ApiOkResponse({ type: RunStepResponse })
  retrieve(
    @Owner() owner: string,
    @Param('thread_id') threadId: string,
    @Param('run_id') runId: string,
    @Param('step_id') id: string,
    @Query() query: IncludeQueryDto,
  ) {
    return this.steps.retrieve(owner, threadId, runId, id, query);
  }
}
