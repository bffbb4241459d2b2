import { countTokens } from 'gpt-tokenizer';
import { ChatRequest, ModelTurn } from '../../model/chat.types';
import { RunEntity } from '../run.entity';
import { RunUsage, ToolCall } from '../run.types';
import { ToolDispatcher } from './tool-dispatcher';

export const NO_USAGE: RunUsage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };

/** One model call of a run: its messages, tools and the run's sampling and budget parameters. */
export function chatRequest(
  run: RunEntity,
  messages: ChatRequest['messages'],
  usage: RunUsage,
  dispatcher: ToolDispatcher,
): ChatRequest {
  const tools = dispatcher.offeredTools(run);
  const remaining = run.maxCompletionTokens === null ? undefined : run.maxCompletionTokens - usage.completion_tokens;
  const format = run.responseFormat === 'auto' ? null : run.responseFormat;
  return {
    model: run.model,
    messages,
    ...(tools.length > 0 && {
      tools,
      tool_choice: dispatcher.toolChoice(run.toolChoice) as ChatRequest['tool_choice'],
      parallel_tool_calls: run.parallelToolCalls,
    }),
    ...(run.temperature !== null && { temperature: run.temperature }),
    ...(run.topP !== null && { top_p: run.topP }),
    ...(format && { response_format: format as ChatRequest['response_format'] }),
    ...(remaining !== undefined && { max_completion_tokens: remaining }),
    ...(run.reasoningEffort && { reasoning_effort: run.reasoningEffort as ChatRequest['reasoning_effort'] }),
  };
}

export function requiredActionFor(calls: ToolCall[]) {
  return {
    type: 'submit_tool_outputs' as const,
    submit_tool_outputs: {
      tool_calls: calls.flatMap((call) =>
        call.type === 'function'
          ? [
              {
                id: call.id,
                type: 'function' as const,
                function: { name: call.function.name, arguments: call.function.arguments },
              },
            ]
          : [],
      ),
    },
  };
}

export function addUsage(a: RunUsage, b: RunUsage): RunUsage {
  return {
    prompt_tokens: a.prompt_tokens + b.prompt_tokens,
    completion_tokens: a.completion_tokens + b.completion_tokens,
    total_tokens: a.total_tokens + b.total_tokens,
  };
}

/** When an endpoint sends no usage, count with the tokenizer rather than report nothing. */
export function estimateUsage(promptTokens: number, turn: ModelTurn): RunUsage {
  const completion = countTokens(turn.content + turn.toolCalls.map((call) => call.name + call.arguments).join(''));
  return { prompt_tokens: promptTokens, completion_tokens: completion, total_tokens: promptTokens + completion };
}
