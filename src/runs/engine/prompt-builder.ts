import type OpenAI from 'openai';
import { ChatMessage } from '../../model/chat.types';
import { countMessageTokens } from '../../model/tokenizer';
import { MessageContent } from '../../messages/dto/message-shapes';
import { TruncationStrategy } from '../run.types';

/** A thread message as the prompt needs it. */
export interface HistoryMessage {
  role: 'user' | 'assistant';
  content: MessageContent[];
}

/** What the run itself has done so far: model tool calls with their results, and its own messages. */
export type TranscriptEntry =
  | { kind: 'tool_calls'; calls: Array<{ id: string; name: string; arguments: string; output: string }> }
  | { kind: 'message'; text: string };

export interface PromptInput {
  instructions: string;
  history: HistoryMessage[];
  transcript: TranscriptEntry[];
  truncation: TruncationStrategy;
  /** Prompt tokens this call may still use (the run's max_prompt_tokens minus what it spent), or null. */
  promptBudget: number | null;
  /** `image_file` parts become data URLs; files that cannot be read are left out. */
  imageUrlOf: (fileId: string) => string | undefined;
}

export type Prompt = { messages: ChatMessage[]; tokens: number } | { overBudget: true; tokens: number };

/**
 * Builds the Chat Completions conversation of SPEC §4: system instructions, the thread's
 * messages in order, then the run's own turns (tool calls answered by `tool` messages carrying
 * their `tool_call_id`). Truncation drops the oldest thread messages, never the run's own turns.
 */
export function buildPrompt(input: PromptInput): Prompt {
  const system: ChatMessage[] = input.instructions ? [{ role: 'system', content: input.instructions }] : [];
  const transcript = input.transcript.flatMap(toChatMessages);
  let history = input.history.map((message) => toChatMessage(message, input.imageUrlOf));
  if (input.truncation.type === 'last_messages' && input.truncation.last_messages != null) {
    history = history.slice(Math.max(0, history.length - input.truncation.last_messages));
  }
  const fixedTokens = [...system, ...transcript].reduce((sum, message) => sum + countMessageTokens(message), 0);
  const historyTokens = history.map(countMessageTokens);
  let total = fixedTokens + historyTokens.reduce((sum, tokens) => sum + tokens, 0);
  if (input.promptBudget !== null && input.truncation.type === 'auto') {
    // Drop the oldest messages until the prompt fits, keeping at least the latest one.
    let first = 0;
    while (total > input.promptBudget && first < history.length - 1) {
      total -= historyTokens[first];
      first += 1;
    }
    history = history.slice(first);
  }
  if (input.promptBudget !== null && total > input.promptBudget) {
    return { overBudget: true, tokens: total };
  }
  return { messages: [...system, ...history, ...transcript], tokens: total };
}

function toChatMessage(message: HistoryMessage, imageUrlOf: PromptInput['imageUrlOf']): ChatMessage {
  const hasImages = message.content.some((part) => part.type !== 'text');
  if (message.role === 'assistant' || !hasImages) {
    // Assistant messages are text only in Chat Completions.
    return { role: message.role, content: textOf(message.content) };
  }
  const parts = message.content.flatMap((part): OpenAI.Chat.Completions.ChatCompletionContentPart[] => {
    switch (part.type) {
      case 'text':
        return [{ type: 'text' as const, text: part.text.value }];
      case 'image_url':
        return [{ type: 'image_url' as const, image_url: { url: part.image_url.url, detail: part.image_url.detail } }];
      case 'image_file': {
        const url = imageUrlOf(part.image_file.file_id);
        return url ? [{ type: 'image_url' as const, image_url: { url, detail: part.image_file.detail } }] : [];
      }
    }
  });
  return { role: 'user', content: parts };
}

function textOf(content: MessageContent[]): string {
  return content.flatMap((part) => (part.type === 'text' ? [part.text.value] : [])).join('\n');
}

function toChatMessages(entry: TranscriptEntry): ChatMessage[] {
  if (entry.kind === 'message') {
    return [{ role: 'assistant', content: entry.text }];
  }
  return [
    {
      role: 'assistant',
      content: null,
      tool_calls: entry.calls.map((call) => ({
        id: call.id,
        type: 'function' as const,
        function: { name: call.name, arguments: call.arguments },
      })),
    },
    ...entry.calls.map((call): ChatMessage => ({ role: 'tool', tool_call_id: call.id, content: call.output })),
  ];
}
