/** Wire types of runs and steps, in the `openai` package's shapes. */
export type RunStatus =
  | 'queued'
  | 'in_progress'
  | 'requires_action'
  | 'cancelling'
  | 'cancelled'
  | 'failed'
  | 'completed'
  | 'incomplete'
  | 'expired';

export type ToolChoice =
  'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } } | { type: 'file_search' };

export interface TruncationStrategy {
  type: 'auto' | 'last_messages';
  last_messages?: number | null;
}

export interface RunUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface RunError {
  code: 'server_error' | 'rate_limit_exceeded' | 'invalid_prompt';
  message: string;
}

export interface FunctionToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string; output: string | null };
}

export interface FileSearchResult {
  file_id: string;
  file_name: string;
  score: number;
  content?: Array<{ type: 'text'; text: string }>;
}

export interface FileSearchToolCall {
  id: string;
  type: 'file_search';
  file_search: {
    ranking_options?: { ranker: 'auto' | 'default_2024_08_21'; score_threshold: number };
    results?: FileSearchResult[];
  };
  /** Kept for rebuilding the prompt and resolving citations; never on the wire. */
  arguments?: string;
  output?: string;
  turn?: number;
}

export type ToolCall = FunctionToolCall | FileSearchToolCall;

export interface RequiredAction {
  type: 'submit_tool_outputs';
  submit_tool_outputs: {
    tool_calls: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
  };
}

export type StepDetails =
  | { type: 'message_creation'; message_creation: { message_id: string } }
  | { type: 'tool_calls'; tool_calls: ToolCall[] };

export type StepStatus = 'in_progress' | 'cancelled' | 'failed' | 'completed' | 'expired';
