import type OpenAI from 'openai';

export type ChatMessage = OpenAI.Chat.Completions.ChatCompletionMessageParam;
export type ChatTool = OpenAI.Chat.Completions.ChatCompletionTool;
export type ChatRequest = Omit<OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming, 'stream'>;

export interface ModelToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** What one model call produced, aggregated from its stream. */
export interface ModelTurn {
  content: string;
  toolCalls: ModelToolCall[];
  finishReason: string | null;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
}

/** Streaming callbacks: deltas are forwarded as they arrive, not batched. */
export interface TurnListener {
  onText?(delta: string): void;
  onToolCallStart?(index: number, call: { id: string; name: string }): void;
  onToolCallArguments?(index: number, delta: string): void;
}
