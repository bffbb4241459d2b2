import { Body, Controller, Get, Param, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiRoute } from '../common/auth/api-route.decorator';
import { Owner } from '../common/auth/owner.decorator';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { CreateRunDto } from './dto/create-run.dto';
import { RunListResponse, RunResponse } from './dto/run.response';
import { CreateRunAndWaitDto, CreateThreadAndRunDto, SubmitToolOutputsDto, UpdateRunDto } from './dto/run-requests.dto';
import { PollHintInterceptor } from './poll-hint.interceptor';
import { RunResponder } from './run-responder';
import { RunsService } from './runs.service';
import { RunWaiter } from './run-waiter';

/** Routes 16–22 of SPEC §3 and `runs/wait`. Literal segments come before `:run_id` routes. */
@ApiTags('Runs')
@Controller('threads')
export class RunsController {
  constructor(
    private readonly runs: RunsService,
    private readonly responder: RunResponder,
    private readonly waiter: RunWaiter,
  ) {}

  @Post('runs')
  @ApiRoute({ throttle: 'run', summary: 'Create a thread and run it (stream: true → server-sent events)' })
  @ApiProduces('application/json', 'text/event-stream')
  @ApiOkResponse({ type: RunResponse })
  async createThreadAndRun(@Owner() owner: string, @Body() dto: CreateThreadAndRunDto, @Res() res: Response) {
    await this.responder.respond(res, await this.runs.createThreadAndRun(owner, dto));
  }

  @Post(':thread_id/runs')
  @ApiRoute({ throttle: 'run', summary: 'Create a run (stream: true → server-sent events)' })
  @ApiProduces('application/json', 'text/event-stream')
  @ApiOkResponse({ type: RunResponse })
  async create(
    @Owner() owner: string,
    @Param('thread_id') threadId: string,
    @Body() dto: CreateRunDto,
    @Res() res: Response,
  ) {
    await this.responder.respond(res, await this.runs.create(owner, threadId, dto));
  }

  @Post(':thread_id/runs/wait')
  @ApiRoute({ throttle: 'run', summary: 'Create a run and answer once it stops, or when `timeout` passes' })
  @ApiOkResponse({ type: RunResponse })
  async createAndWait(@Owner() owner: string, @Param('thread_id') threadId: string, @Body() dto: CreateRunAndWaitDto) {
    const { timeout, ...parameters } = dto;
    return (
      await this.waiter.until(
        (await this.runs.create(owner, threadId, { ...parameters, stream: false })).run.id,
        timeout,
      )
    ).toObject();
  }

  @Get(':thread_id/runs')
  @ApiRoute({ throttle: 'read', summary: "List a thread's runs" })
  @ApiOkResponse({ type: RunListResponse })
  list(@Owner() owner: string, @Param('thread_id') threadId: string, @Query() query: ListQueryDto) {
    return this.runs.list(owner, threadId, query);
  }

  @Get(':thread_id/runs/:run_id')
  @ApiRoute({ throttle: 'poll', summary: 'Retrieve a run (with the openai-poll-after-ms hint)' })
  @ApiOkResponse({ type: RunResponse })
  @UseInterceptors(PollHintInterceptor)
  retrieve(@Owner() owner: string, @Param('thread_id') threadId: string, @Param('run_id') id: string) {
    return this.runs.retrieve(owner, threadId, id);
  }

  @Post(':thread_id/runs/:run_id')
  @ApiRoute({ throttle: 'write', summary: "Modify a run's metadata" })
  @ApiOkResponse({ type: RunResponse })
  update(
    @Owner() owner: string,
    @Param('thread_id') threadId: string,
    @Param('run_id') id: string,
    @Body() dto: UpdateRunDto,
  ) {
    return this.runs.update(owner, threadId, id, dto);
  }

  @Post(':thread_id/runs/:run_id/cancel')
  @ApiRoute({ throttle: 'write', summary: 'Cancel a run' })
  @ApiOkResponse({ type: RunResponse })
  cancel(@Owner() owner: string, @Param('thread_id') threadId: string, @Param('run_id') id: string) {
    return this.runs.cancel(owner, threadId, id);
  }

  @Post(':thread_id/runs/:run_id/submit_tool_outputs')
  @ApiRoute({ throttle: 'run', summary: 'Submit the outputs of every pending tool call (stream: true → events)' })
  @ApiProduces('application/json', 'text/event-stream')
  @ApiOkResponse({ type: RunResponse })
  async submitToolOutputs(
    @Owner() owner: string,
    @Param('thread_id') threadId: string,
    @Param('run_id') id: string,
    @Body() dto: SubmitToolOutputsDto,
    @Res() res: Response,
  ) {
    await this.responder.respond(res, await this.runs.submitToolOutputs(owner, threadId, id, dto));
  }
}
