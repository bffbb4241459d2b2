import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { nowSeconds } from '../../common/ids/ids';
import { Environment } from '../../config/environment';
import { ModelTurn } from '../../model/chat.types';
import { ModelClient } from '../../model/model-client';
import { classifyModelError } from '../../model/model-errors';
import { MessagesRepository } from '../../messages/messages.repository';
import { RunEntity } from '../run.entity';
import { RunUsage, ToolCall } from '../run.types';
import { RunsRepository } from '../runs.repository';
import { RunStepsRepository } from '../steps/run-steps.repository';
import { serverCallsIn } from '../tools/file-search/citation-sources';
import { PromptAssembler } from './prompt-assembler';
import { RunEvents } from './run-events';
import { RunLifecycle } from './run-lifecycle';
import { ToolDispatcher } from './tool-dispatcher';
import { TurnRecorder } from './turn-recorder';
import { addUsage, chatRequest, estimateUsage, NO_USAGE, requiredActionFor } from './turn-request';

/**
 * Drives a run to a stop: terminal, or `requires_action`. It first claims the run's lease (so no
 * other executor runs it), renews it while working (a dead worker's lease goes stale and the
 * sweeper hands the run on), and stops the model call when the run is cancelled — from this
 * process at once, from another one at the next heartbeat.
 */
@Injectable()
export class RunExecutor implements OnModuleDestroy {
  private readonly processId = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private executions = 0;
  private readonly logger = new Logger(RunExecutor.name);
  private readonly inFlight = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private readonly leaseSeconds: number;
  private readonly maxSteps: number;

  constructor(
    private readonly runs: RunsRepository,
    private readonly steps: RunStepsRepository,
    private readonly messages: MessagesRepository,
    private readonly lifecycle: RunLifecycle,
    private readonly events: RunEvents,
    private readonly model: ModelClient,
    private readonly tools: ToolDispatcher,
    private readonly prompts: PromptAssembler,
    config: ConfigService<Environment, true>,
  ) {
    this.leaseSeconds = config.get('RUN_LEASE_SECONDS', { infer: true });
    this.maxSteps = config.get('RUN_MAX_STEPS', { infer: true });
  }

  /** Executes a run if it is free to claim. Run failures end the run; they never throw. */
  async execute(runId: string): Promise<void> {
    if (this.inFlight.has(runId)) {
      return;
    }
    // One lease per execution: even within this process, a duplicate job cannot claim the run.
    const leaseId = `${this.processId}:${++this.executions}`;
    const run = await this.runs.claim(runId, leaseId, this.leaseSeconds);
    if (!run) {
      return;
    }
    const abort = new AbortController();
    const done = this.executeClaimed(run, leaseId, abort);
    this.inFlight.set(runId, { abort, done });
    await done;
  }

  private async executeClaimed(run: RunEntity, leaseId: string, abort: AbortController): Promise<void> {
    const heartbeat = setInterval(() => void this.beat(run.id, leaseId, abort), (this.leaseSeconds * 1000) / 3);
    try {
      await this.drive(run, abort.signal);
    } catch (error) {
      this.logger.error(`Run ${run.id} stopped unexpectedly: ${error instanceof Error ? error.stack : String(error)}`);
      await this.lifecycle.fail(run, { code: 'server_error', message: 'The run failed unexpectedly.' }, run.usage);
    } finally {
      clearInterval(heartbeat);
      this.inFlight.delete(run.id);
      await this.runs.release(run.id, leaseId);
    }
  }

  /** Cancels a run executing in this process without waiting for the next heartbeat. */
  abortLocal(runId: string): void {
    this.inFlight.get(runId)?.abort.abort(CANCELLED);
  }

  /**
   * On shutdown, while the database is still open (this hook runs before any shutdown hook):
   * not a cancellation — each open turn is closed and its lease released, so another worker
   * resumes the run at once.
   */
  async onModuleDestroy(): Promise<void> {
    const executions = [...this.inFlight.values()];
    for (const { abort } of executions) {
      abort.abort(HANDED_OVER);
    }
    await Promise.allSettled(executions.map(({ done }) => done));
  }

  private async beat(runId: string, leaseId: string, abort: AbortController): Promise<void> {
    const status = await this.runs.heartbeat(runId, leaseId).catch(() => undefined);
    if (status === 'cancelling') {
      abort.abort(CANCELLED);
    } else if (status === null) {
      // The lease went to another executor (this one stalled past it): stop, change nothing.
      abort.abort(LEASE_LOST);
    }
  }

  private async drive(claimed: RunEntity, signal: AbortSignal): Promise<void> {
    let run: RunEntity | null = claimed;
    if (run.status === 'cancelling') {
      await this.lifecycle.cancelled(run, run.usage);
      return;
    }
    if (run.status === 'queued') {
      run = await this.lifecycle.start(run);
    }
    if (!run || !(await this.recoverInterruptedTurn(run))) {
      return;
    }
    let usage = run.usage ?? NO_USAGE;
    for (;;) {
      const stop = await this.stopBeforeTurn(run, usage);
      if (stop) {
        return;
      }
      const { prompt, citations } = await this.prompts.assemble(run, usage);
      if ('overBudget' in prompt) {
        await this.lifecycle.incomplete(run, 'max_prompt_tokens', usage);
        return;
      }
      const recorder = new TurnRecorder({ steps: this.steps, messages: this.messages, events: this.events }, run, {
        citations,
        isServerTool: (name) => this.tools.classify(run, name).kind === 'server',
      });
      let turn: ModelTurn;
      try {
        turn = await this.model.streamTurn(
          chatRequest(run, prompt.messages, usage, this.tools),
          recorder.listener(),
          signal,
        );
        await recorder.settled();
      } catch (error) {
        await this.stopMidTurn(run, recorder, signal, error, usage);
        return;
      }
      const turnUsage = turn.usage ?? estimateUsage(prompt.tokens, turn);
      usage = addUsage(usage, turnUsage);
      if (signal.aborted) {
        await this.stopForAbort(run, recorder, signal, turn, usage);
        return;
      }
      if (!(await this.afterTurn(run, turn, recorder, turnUsage, usage))) {
        return;
      }
    }
  }

  /** Why the run must stop before calling the model again, having stopped it; or false. */
  private async stopBeforeTurn(run: RunEntity, usage: RunUsage): Promise<boolean> {
    if (run.expiresAt !== null && run.expiresAt <= nowSeconds()) {
      await this.lifecycle.expire(run.id);
      return true;
    }
    if ((await this.steps.allOfRun(run.id)).length >= this.maxSteps) {
      const message = `The run reached its limit of ${this.maxSteps} model turns (RUN_MAX_STEPS) without finishing.`;
      await this.lifecycle.fail(run, { code: 'server_error', message }, usage);
      return true;
    }
    if (run.maxCompletionTokens !== null && usage.completion_tokens >= run.maxCompletionTokens) {
      await this.lifecycle.incomplete(run, 'max_completion_tokens', usage);
      return true;
    }
    return false;
  }

  private async stopMidTurn(
    run: RunEntity,
    recorder: TurnRecorder,
    signal: AbortSignal,
    error: unknown,
    usage: RunUsage,
  ) {
    if (signal.aborted) {
      await this.stopForAbort(run, recorder, signal, null, usage);
      return;
    }
    await recorder.abandon('failed', null);
    await this.lifecycle.fail(run, classifyModelError(error), usage);
  }

  /** A cancel ends the run; a hand-over leaves it for the next executor; a lost lease is not ours to touch. */
  private async stopForAbort(
    run: RunEntity,
    recorder: TurnRecorder,
    signal: AbortSignal,
    turn: ModelTurn | null,
    usage: RunUsage,
  ) {
    if (signal.reason === CANCELLED) {
      await recorder.abandon('cancelled', turn);
      await this.lifecycle.cancelled(run, usage);
      return;
    }
    if (signal.reason === HANDED_OVER) {
      // Shutting down: close the open turn and keep what it spent, for the executor that resumes.
      await recorder.abandon('failed', turn);
      await this.runs.update(run.id, { usage });
    }
  }

  /** Records the turn's outcome; answers whether the run goes on to another model turn. */
  private async afterTurn(
    run: RunEntity,
    turn: ModelTurn,
    recorder: TurnRecorder,
    turnUsage: RunUsage,
    usage: RunUsage,
  ) {
    if (turn.toolCalls.length === 0) {
      const cutShort = turn.finishReason === 'length';
      await recorder.finishMessage(turn, cutShort ? 'incomplete' : 'completed', turnUsage);
      if (cutShort && run.maxCompletionTokens !== null) {
        await this.lifecycle.incomplete(run, 'max_completion_tokens', usage);
      } else {
        await this.lifecycle.complete(run, usage);
      }
      return false;
    }
    if (turn.content) {
      await recorder.finishMessage(turn, 'completed', turnUsage);
    }
    const calls: ToolCall[] = [];
    const pending: ToolCall[] = [];
    let sequence = serverCallsIn(await this.steps.allOfRun(run.id));
    for (const call of turn.toolCalls) {
      const kind = this.tools.classify(run, call.name);
      if (kind.kind === 'unavailable') {
        await recorder.recordToolCalls(calls, 'failed', turnUsage);
        await this.lifecycle.fail(run, { code: 'server_error', message: kind.reason }, usage);
        return false;
      }
      if (kind.kind === 'server') {
        calls.push((await kind.tool.execute(run, call, sequence++)).call);
        continue;
      }
      const functionCall: ToolCall = {
        id: call.id,
        type: 'function',
        function: { name: call.name, arguments: call.arguments, output: null },
      };
      calls.push(functionCall);
      pending.push(functionCall);
    }
    if (pending.length === 0) {
      await recorder.recordToolCalls(calls, 'completed', turnUsage);
      return true;
    }
    await recorder.recordToolCalls(calls, 'in_progress', turnUsage);
    await this.lifecycle.requireAction(run, requiredActionFor(pending), usage);
    return false;
  }

  /**
   * After a crash, the dead executor's open turn is closed: a half-written message is kept as
   * `incomplete` and its step failed; tool calls still waiting for outputs put the run back in
   * `requires_action`. Answers whether the run goes on.
   */
  private async recoverInterruptedTurn(run: RunEntity): Promise<boolean> {
    const open = (await this.steps.allOfRun(run.id)).filter((step) => step.status === 'in_progress');
    for (const step of open) {
      const details = step.stepDetails;
      if (details.type === 'message_creation') {
        await this.messages.update(details.message_creation.message_id, { status: 'incomplete' });
        await this.steps.update(step.id, { status: 'failed', failedAt: nowSeconds(), lastError: INTERRUPTED });
        continue;
      }
      const waiting = details.tool_calls.filter((call) => call.type === 'function' && call.function.output === null);
      if (waiting.length > 0) {
        await this.lifecycle.requireAction(run, requiredActionFor(waiting), run.usage);
        return false;
      }
      // Its outputs arrived (submit_tool_outputs): the tool step is done.
      Object.assign(step, { status: 'completed', completedAt: nowSeconds() });
      await this.steps.update(step.id, { status: 'completed', completedAt: step.completedAt });
      this.events.publish(run.id, 'thread.run.step.completed', step.toObject());
    }
    return true;
  }
}

/** Why an execution was aborted. */
const CANCELLED = 'cancelled';
const HANDED_OVER = 'handed-over';
const LEASE_LOST = 'lease-lost';

const INTERRUPTED = {
  code: 'server_error' as const,
  message: 'The worker executing this step stopped; the run was resumed.',
};
