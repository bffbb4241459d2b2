import { countTokens } from 'gpt-tokenizer';
import { ChatMessage } from './chat.types';

/** Tokens the chat format adds around each message (role, separators), as OpenAI documents. */
const PER_MESSAGE_OVERHEAD = 4;
/** An image part costs at least this much; its real cost depends on the model and the detail. */
const IMAGE_TOKENS = 85;

/** Prompt tokens of chat messages, counted with a real BPE tokenizer (o200k, GPT-4o's). */
export function countMessageTokens(message: ChatMessage): number {
  const { text, images } = contentOf(message);
  return PER_MESSAGE_OVERHEAD + countTokens(text) + images * IMAGE_TOKENS;
}

export function countPromptTokens(messages: ChatMessage[]): number {
  return messages.reduce((sum, message) => sum + countMessageTokens(message), 0);
}

function contentOf(message: ChatMessage): { text: string; images: number } {
  const parts: string[] = [];
  let images = 0;
  if (typeof message.content === 'string') {
    parts.push(message.content);
  } else if (Array.isArray(message.content)) {
    for (const part of message.content) {
      if (part.type === 'text') {
        parts.push(part.text);
      } else {
        images += 1;
      }
    }
  }
  if (message.role === 'assistant') {
    for (const call of message.tool_calls ?? []) {
      if (call.type === 'function') {
        parts.push(call.function.name, call.function.arguments);
      }
    }
  }
  return { text: parts.join('\n'), images };
}
