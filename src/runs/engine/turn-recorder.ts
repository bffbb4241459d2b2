import { newId, nowSeconds } from '../../common/ids/ids';
import { MessageEntity } from '../../messages/message.entity';
import { MessagesRepository } from '../../messages/messages.repository';
import { ModelTurn, TurnListener } from '../../model/chat.types';
import { RunEntity } from '../run.entity';
import { RunUsage, StepStatus, ToolCall } from '../run.types';
import { RunStepEntity } from '../steps/run-step.entity';
import { RunStepsRepository } from '../steps/run-steps.repository';
import { CitationIndex, StreamingCitations } from '../tools/file-search/citations';
import { RunEvents } from './run-events';

export interface RecorderDeps {
  steps: RunStepsRepository;
  messages: MessagesRepository;
  events: RunEvents;
}

export interface TurnContext {
  /** Sources the model may cite: markers in its text become file_citation annotations. */
  citations: CitationIndex;
  /** Calls to server tools stream as their own type (file_search), without function arguments. */
  isServerTool: (name: string) => boolean;
}

/**
 * Records one model turn as it streams: the `message_creation` step and its message on the
 * first text delta, the `tool_calls` step on the first tool call, and every delta as a stream
 * event, in OpenAI's order. Writes are chained so events never overtake the rows they describe.
 */
export class TurnRecorder {
  private chain: Promise<void> = Promise.resolve();
  private messageStep?: RunStepEntity;
  private message?: MessageEntity;
  private toolStep?: RunStepEntity;
  private readonly streamedCitations: StreamingCitations;
  private readonly serverCallIndexes = new Set<number>();

  constructor(
    private readonly deps: RecorderDeps,
    private readonly run: RunEntity,
    private readonly context: TurnContext,
  ) {
    this.streamedCitations = new StreamingCitations(context.citations);
  }

  listener(): TurnListener {
    return {
      onText: (delta) => this.enqueue(() => this.text(delta)),
      onToolCallStart: (index, call) => this.enqueue(() => this.toolCallStart(index, call)),
      onToolCallArguments: (index, delta) => this.enqueue(() => this.toolCallArguments(index, delta)),
    };
  }

  /** Waits for every write the stream caused. */
  async settled(): Promise<void> {
    await this.chain;
  }

  /** Completes (or leaves incomplete) the message of this turn, if it wrote one. */
  async finishMessage(turn: ModelTurn, status: 'completed' | 'incomplete', usage: RunUsage | null): Promise<void> {
    await this.settled();
    if (!this.message || !this.messageStep) {
      return;
    }
    const now = nowSeconds();
    const content = this.contentOf(turn.content);
    Object.assign(this.message, { content, status, completedAt: status === 'completed' ? now : null });
    await this.deps.messages.update(this.message.id, { content, status, completedAt: this.message.completedAt });
    this.publish(`thread.message.${status}`, this.message.toObject());
    // A message turn that also called tools reports its usage on the tool step.
    await this.finishStep(this.messageStep, 'completed', this.toolStep ? null : usage);
  }

  /** Records the turn's tool calls (outputs filled for server tools) and, if done, completes the step. */
  async recordToolCalls(calls: ToolCall[], status: StepStatus, usage: RunUsage | null): Promise<void> {
    await this.settled();
    if (!this.toolStep) {
      this.toolStep = await this.createStep('tool_calls', { type: 'tool_calls', tool_calls: [] });
    }
    this.toolStep.stepDetails = { type: 'tool_calls', tool_calls: calls };
    this.toolStep.usage = usage;
    await this.deps.steps.update(this.toolStep.id, { stepDetails: this.toolStep.stepDetails, usage });
    if (status !== 'in_progress') {
      await this.finishStep(this.toolStep, status, usage);
    }
  }

  /** Ends whatever this turn left open, when the run stops mid-turn (cancel, failure). */
  async abandon(stepStatus: 'cancelled' | 'failed', turn: ModelTurn | null): Promise<void> {
    await this.chain.catch(() => undefined);
    if (this.message && this.message.status === 'in_progress') {
      const content = this.contentOf(turn?.content ?? '');
      await this.deps.messages.update(this.message.id, { content, status: 'incomplete' });
    }
    for (const step of [this.messageStep, this.toolStep]) {
      if (step && step.status === 'in_progress') {
        await this.finishStep(step, stepStatus, null);
      }
    }
  }

  private enqueue(work: () => Promise<void>): void {
    this.chain = this.chain.then(work);
  }

  private async text(delta: string): Promise<void> {
    if (!this.message) {
      await this.startMessage();
    }
    const annotations = this.streamedCitations.push(delta);
    this.publish('thread.message.delta', {
      id: this.message?.id,
      object: 'thread.message.delta',
      delta: { content: [{ index: 0, type: 'text', text: { value: delta, annotations } }] },
    });
  }

  private contentOf(text: string) {
    return [{ type: 'text' as const, text: { value: text, annotations: this.context.citations.citationsIn(text) } }];
  }

  private async startMessage(): Promise<void> {
    const messageId = newId('message');
    // The step and its message are independent rows: write both at once, then announce them in order.
    const [step, [message]] = await Promise.all([
      this.insertStep('message_creation', { type: 'message_creation', message_creation: { message_id: messageId } }),
      this.deps.messages.insert([
        {
          id: messageId,
          owner: this.run.owner,
          threadId: this.run.threadId,
          createdAt: nowSeconds(),
          role: 'assistant',
          content: [],
          attachments: [],
          metadata: {},
          status: 'in_progress',
          assistantId: this.run.assistantId,
          runId: this.run.id,
          completedAt: null,
        },
      ]),
    ]);
    this.messageStep = step;
    this.announceStep(step);
    this.message = message;
    this.publish('thread.message.created', message.toObject());
    this.publish('thread.message.in_progress', message.toObject());
  }

  private async toolCallStart(index: number, call: { id: string; name: string }): Promise<void> {
    if (!this.toolStep) {
      this.toolStep = await this.createStep('tool_calls', { type: 'tool_calls', tool_calls: [] });
    }
    if (this.context.isServerTool(call.name)) {
      this.serverCallIndexes.add(index);
      this.stepDelta(index, { id: call.id, type: call.name, [call.name]: {} });
      return;
    }
    this.stepDelta(index, {
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: '', output: null },
    });
  }

  private async toolCallArguments(index: number, delta: string): Promise<void> {
    if (!this.serverCallIndexes.has(index)) {
      this.stepDelta(index, { type: 'function', function: { arguments: delta } });
    }
  }

  private stepDelta(index: number, toolCall: Record<string, unknown>): void {
    this.publish('thread.run.step.delta', {
      id: this.toolStep?.id,
      object: 'thread.run.step.delta',
      delta: { step_details: { type: 'tool_calls', tool_calls: [{ index, ...toolCall }] } },
    });
  }

  private async createStep(
    type: RunStepEntity['type'],
    stepDetails: RunStepEntity['stepDetails'],
  ): Promise<RunStepEntity> {
    const step = await this.insertStep(type, stepDetails);
    this.announceStep(step);
    return step;
  }

  private announceStep(step: RunStepEntity): void {
    this.publish('thread.run.step.created', step.toObject());
    this.publish('thread.run.step.in_progress', step.toObject());
  }

  private insertStep(type: RunStepEntity['type'], stepDetails: RunStepEntity['stepDetails']): Promise<RunStepEntity> {
    return this.deps.steps.insert({
      id: newId('step'),
      owner: this.run.owner,
      runId: this.run.id,
      threadId: this.run.threadId,
      assistantId: this.run.assistantId,
      createdAt: nowSeconds(),
      type,
      status: 'in_progress',
      stepDetails,
      lastError: null,
      usage: null,
      completedAt: null,
      cancelledAt: null,
      failedAt: null,
      expiredAt: null,
    });
  }

  private async finishStep(step: RunStepEntity, status: StepStatus, usage: RunUsage | null): Promise<void> {
    const now = nowSeconds();
    const timestamps = {
      completedAt: status === 'completed' ? now : null,
      cancelledAt: status === 'cancelled' ? now : null,
      failedAt: status === 'failed' ? now : null,
      expiredAt: status === 'expired' ? now : null,
    };
    Object.assign(step, { status, usage: usage ?? step.usage, ...timestamps });
    await this.deps.steps.update(step.id, { status, usage: step.usage, ...timestamps });
    this.publish(`thread.run.step.${status}`, step.toObject());
  }

  private publish(event: string, data: unknown): void {
    this.deps.events.publish(this.run.id, event, data);
  }
}
