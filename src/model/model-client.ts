import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import OpenAI from 'openai';
import { Environment } from '../config/environment';
import { openAIClient } from './openai-client';
import { ChatRequest, ModelToolCall, ModelTurn, TurnListener } from './chat.types';

/**
 * The one place that calls the model: any OpenAI-compatible Chat Completions endpoint, through
 * the `openai` package (OPENAI_BASE_URL / OPENAI_API_KEY). Transient failures (429, 5xx, network,
 * timeouts) are retried by the package itself, with exponential backoff and jitter, honouring
 * Retry-After; what still fails is classified by `classifyModelError`.
 */
@Injectable()
export class ModelClient {
  private readonly client: OpenAI;

  constructor(config: ConfigService<Environment, true>) {
    this.client = openAIClient(config);
  }

  /** Streams one chat completion, forwarding deltas to `listener`, and returns the whole turn. */
  async streamTurn(request: ChatRequest, listener: TurnListener, signal: AbortSignal): Promise<ModelTurn> {
    const stream = await this.client.chat.completions.create(
      { ...request, stream: true, stream_options: { include_usage: true } },
      { signal },
    );
    const turn: ModelTurn = { content: '', toolCalls: [], finishReason: null, usage: null };
    for await (const chunk of stream) {
      turn.usage = chunk.usage ?? turn.usage;
      const choice = chunk.choices[0];
      if (!choice) {
        continue;
      }
      turn.finishReason = choice.finish_reason ?? turn.finishReason;
      if (choice.delta.content) {
        turn.content += choice.delta.content;
        listener.onText?.(choice.delta.content);
      }
      for (const delta of choice.delta.tool_calls ?? []) {
        this.mergeToolCall(turn.toolCalls, delta, listener);
      }
    }
    return turn;
  }

  private mergeToolCall(
    calls: ModelToolCall[],
    delta: OpenAI.Chat.Completions.ChatCompletionChunk.Choice.Delta.ToolCall,
    listener: TurnListener,
  ): void {
    let call = calls[delta.index];
    if (!call) {
      // Some local endpoints send no ids: every call still needs its own, distinct across turns.
      call = {
        id: delta.id || `call_${randomBytes(12).toString('hex')}`,
        name: delta.function?.name ?? '',
        arguments: '',
      };
      calls[delta.index] = call;
      listener.onToolCallStart?.(delta.index, { id: call.id, name: call.name });
    } else if (delta.function?.name) {
      call.name += delta.function.name;
    }
    if (delta.function?.arguments) {
      call.arguments += delta.function.arguments;
      listener.onToolCallArguments?.(delta.index, delta.function.arguments);
    }
  }
}
