import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AssistantsService } from '../assistants/assistants.service';
import { ConflictingState, InvalidRequest, ObjectNotFound } from '../common/errors/app-errors';
import { newId, nowSeconds } from '../common/ids/ids';
import { ListPage, toListPage } from '../common/pagination/list-page';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { Environment } from '../config/environment';
import { MessageEntity } from '../messages/message.entity';
import { MessageDrafter } from '../messages/message-drafter';
import { MessagesRepository } from '../messages/messages.repository';
import { ThreadsService } from '../threads/threads.service';
import { CreateRunDto, RunParametersDto } from './dto/create-run.dto';
import { CreateThreadAndRunDto, SubmitToolOutputsDto, UpdateRunDto } from './dto/run-requests.dto';
import { RunExecutor } from './engine/run-executor';
import { RunLifecycle } from './engine/run-lifecycle';
import { RunDispatcher } from './execution/run-dispatcher';
import { RunEntity, RunObject } from './run.entity';
import { RunsRepository } from './runs.repository';
import { RunStepsRepository } from './steps/run-steps.repository';

/** A run that was just created or resumed, and how the caller wants to follow it. */
export interface StartedRun {
  run: RunEntity;
  stream: boolean;
  /** Set by create-and-run: the thread it created (streamed as `thread.created`). */
  thread?: object;
}

@Injectable()
export class RunsService {
  private readonly expiresAfter: number;

  constructor(
    private readonly runs: RunsRepository,
    private readonly steps: RunStepsRepository,
    private readonly messages: MessagesRepository,
    private readonly drafter: MessageDrafter,
    private readonly assistants: AssistantsService,
    private readonly threads: ThreadsService,
    private readonly lifecycle: RunLifecycle,
    private readonly dispatcher: RunDispatcher,
    private readonly executor: RunExecutor,
    config: ConfigService<Environment, true>,
  ) {
    this.expiresAfter = config.get('RUN_EXPIRES_AFTER_SECONDS', { infer: true });
  }

  /** Creates a run on an idle thread (with any additional messages) and sets it going. */
  async create(owner: string, threadId: string, dto: CreateRunDto): Promise<StartedRun> {
    const thread = await this.threads.findOwned(owner, threadId);
    const assistant = await this.assistants.findOwned(owner, dto.assistant_id).catch(() => {
      throw new ObjectNotFound('assistant', dto.assistant_id, 'assistant_id');
    });
    const drafts: Array<Partial<MessageEntity>> = [];
    for (const [index, message] of (dto.additional_messages ?? []).entries()) {
      drafts.push(await this.drafter.draft(owner, threadId, message, `additional_messages[${index}].`));
    }
    const now = nowSeconds();
    const instructions = [dto.instructions ?? assistant.instructions ?? '', dto.additional_instructions ?? '']
      .filter(Boolean)
      .join('\n\n');
    const run = await this.runs.insertActive(
      {
        ...this.parameters(dto, assistant),
        id: newId('run'),
        owner,
        threadId,
        createdAt: now,
        status: 'queued',
        instructions,
        vectorStoreIds: [
          ...(assistant.toolResources?.file_search?.vector_store_ids ?? []),
          ...(thread.toolResources?.file_search?.vector_store_ids ?? []),
        ],
        expiresAt: now + this.expiresAfter,
      },
      async (manager) => {
        await this.messages.lockIdleThread(manager, owner, threadId, 'run');
        await this.messages.insert(drafts, manager);
      },
    );
    await this.searchAttachments(run, drafts);
    return this.start(run, dto.stream ?? false);
  }

  /** Files attached to additional_messages for file_search join the thread's store, which the run then searches. */
  private async searchAttachments(run: RunEntity, drafts: Array<Partial<MessageEntity>>): Promise<void> {
    const thread = await this.threads.indexAttachments(run.owner, run.threadId, drafts);
    const storeIds = thread?.tool_resources?.file_search?.vector_store_ids ?? [];
    const added = storeIds.filter((id) => !run.vectorStoreIds.includes(id));
    if (added.length > 0) {
      run.vectorStoreIds = [...run.vectorStoreIds, ...added];
      await this.runs.update(run.id, { vectorStoreIds: run.vectorStoreIds });
    }
  }

  async createThreadAndRun(owner: string, dto: CreateThreadAndRunDto): Promise<StartedRun> {
    const thread = await this.threads.create(owner, {
      ...dto.thread,
      tool_resources: dto.tool_resources ?? dto.thread?.tool_resources,
    });
    const { thread: _thread, tool_resources: _resources, ...runParameters } = dto;
    const started = await this.create(owner, thread.id, runParameters);
    return { ...started, thread };
  }

  async retrieve(owner: string, threadId: string, id: string): Promise<RunObject> {
    return (await this.findOwned(owner, threadId, id)).toObject();
  }

  async list(owner: string, threadId: string, query: ListQueryDto): Promise<ListPage<RunObject>> {
    await this.threads.findOwned(owner, threadId);
    const slice = await this.runs.listByThread(owner, threadId, query);
    return toListPage(slice.rows, slice.hasMore, (run) => run.toObject());
  }

  async update(owner: string, threadId: string, id: string, dto: UpdateRunDto): Promise<RunObject> {
    const run = await this.findOwned(owner, threadId, id);
    if (dto.metadata !== undefined) {
      run.metadata = dto.metadata ?? {};
      await this.runs.update(run.id, { metadata: run.metadata });
    }
    return run.toObject();
  }

  /** Queued or waiting runs are cancelled at once; a run in flight goes through `cancelling`. */
  async cancel(owner: string, threadId: string, id: string): Promise<RunObject> {
    const run = await this.findOwned(owner, threadId, id);
    const cancelled = await this.lifecycle.cancel(run);
    if (!cancelled) {
      throw new ConflictingState(`Cannot cancel run with status '${run.status}'.`, null);
    }
    this.executor.abortLocal(run.id);
    return cancelled.toObject();
  }

  /** Answers every pending tool call at once and resumes the run. */
  async submitToolOutputs(owner: string, threadId: string, id: string, dto: SubmitToolOutputsDto): Promise<StartedRun> {
    const run = await this.findOwned(owner, threadId, id);
    const pending = run.requiredAction?.submit_tool_outputs.tool_calls ?? [];
    if (run.status !== 'requires_action') {
      throw new ConflictingState(`Runs in status "${run.status}" do not accept tool outputs.`, null);
    }
    const outputs = this.matchOutputs(
      pending.map((call) => call.id),
      dto.tool_outputs,
    );
    const step = (await this.steps.allOfRun(run.id)).find(
      (candidate) => candidate.type === 'tool_calls' && candidate.status === 'in_progress',
    );
    if (!step || step.stepDetails.type !== 'tool_calls') {
      throw new ConflictingState('The run has no tool calls waiting for outputs.', null);
    }
    const toolCalls = step.stepDetails.tool_calls.map((call) =>
      call.type === 'function' && outputs.has(call.id)
        ? { ...call, function: { ...call.function, output: outputs.get(call.id) ?? '' } }
        : call,
    );
    await this.steps.update(step.id, { stepDetails: { type: 'tool_calls', tool_calls: toolCalls } });
    const resumed = await this.lifecycle.resume(run);
    if (!resumed) {
      throw new ConflictingState('The run stopped waiting for tool outputs (it expired or was cancelled).', null);
    }
    return this.start(resumed, dto.stream ?? false);
  }

  async findOwned(owner: string, threadId: string, id: string): Promise<RunEntity> {
    await this.threads.findOwned(owner, threadId);
    const run = await this.runs.findOwned(owner, threadId, id);
    if (!run) {
      throw new ObjectNotFound('run', id);
    }
    return run;
  }

  private async start(run: RunEntity, stream: boolean): Promise<StartedRun> {
    if (!stream) {
      await this.dispatcher.enqueue(run.id);
    }
    return { run, stream };
  }

  /** Every pending call answered exactly once, and nothing else (OpenAI answered 400 otherwise). */
  private matchOutputs(pendingIds: string[], outputs: SubmitToolOutputsDto['tool_outputs']): Map<string, string> {
    const matched = new Map<string, string>();
    for (const [index, output] of outputs.entries()) {
      if (!pendingIds.includes(output.tool_call_id) || matched.has(output.tool_call_id)) {
        throw new InvalidRequest(
          `Invalid 'tool_outputs[${index}].tool_call_id': '${output.tool_call_id}' is not a pending tool call of this run, or is answered twice.`,
          `tool_outputs[${index}].tool_call_id`,
        );
      }
      matched.set(output.tool_call_id, output.output ?? '');
    }
    const missing = pendingIds.filter((callId) => !matched.has(callId));
    if (missing.length > 0) {
      throw new InvalidRequest(`Missing tool outputs for tool calls: ${missing.join(', ')}.`, 'tool_outputs');
    }
    return matched;
  }

  /** Run parameters override the assistant's (SPEC §4). */
  private parameters(
    dto: RunParametersDto,
    assistant: Awaited<ReturnType<AssistantsService['findOwned']>>,
  ): Partial<RunEntity> {
    return {
      assistantId: assistant.id,
      model: dto.model ?? assistant.model,
      tools: dto.tools ?? assistant.tools,
      metadata: dto.metadata ?? {},
      temperature: dto.temperature !== undefined ? dto.temperature : assistant.temperature,
      topP: dto.top_p !== undefined ? dto.top_p : assistant.topP,
      responseFormat: dto.response_format !== undefined ? dto.response_format : assistant.responseFormat,
      reasoningEffort: dto.reasoning_effort !== undefined ? dto.reasoning_effort : assistant.reasoningEffort,
      toolChoice: dto.tool_choice ?? null,
      parallelToolCalls: dto.parallel_tool_calls ?? true,
      maxPromptTokens: dto.max_prompt_tokens ?? null,
      maxCompletionTokens: dto.max_completion_tokens ?? null,
      truncationStrategy: dto.truncation_strategy ?? null,
    };
  }
}
