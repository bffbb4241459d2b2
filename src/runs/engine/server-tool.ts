import { ChatTool } from '../../model/chat.types';
import { RunEntity } from '../run.entity';
import { ToolCall } from '../run.types';

/**
 * A tool the server executes itself (file_search): offered to the model as a function, run
 * without leaving the executor's loop. New server tools register under SERVER_TOOLS; the loop
 * never changes.
 */
export interface ServerTool {
  /** The `type` of the assistant tool that enables it, and the function name the model calls. */
  readonly type: string;
  definition(run: RunEntity): ChatTool;
  /** `sequence` is unique to this call within the run (file_search numbers its source markers with it). */
  execute(run: RunEntity, call: { id: string; arguments: string }, sequence: number): Promise<ServerToolResult>;
}

export interface ServerToolResult {
  /** What the model reads as the tool message. */
  output: string;
  /** What the run step records. */
  call: ToolCall;
}

export const SERVER_TOOLS = Symbol('SERVER_TOOLS');
