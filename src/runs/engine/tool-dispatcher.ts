import { Inject, Injectable } from '@nestjs/common';
import { ChatTool } from '../../model/chat.types';
import { RunEntity } from '../run.entity';
import { ToolChoice } from '../run.types';
import { SERVER_TOOLS, ServerTool } from './server-tool';

export type ToolKind =
  { kind: 'function' } | { kind: 'server'; tool: ServerTool } | { kind: 'unavailable'; reason: string };

/**
 * Which tools the model is offered, and who answers a call: the client (function tools, through
 * requires_action) or the server (SERVER_TOOLS). code_interpreter is accepted in definitions but
 * not offered: nothing here executes code.
 */
@Injectable()
export class ToolDispatcher {
  constructor(@Inject(SERVER_TOOLS) private readonly serverTools: ServerTool[]) {}

  offeredTools(run: RunEntity): ChatTool[] {
    return run.tools.flatMap((tool): ChatTool[] => {
      if (tool.type === 'function') {
        return [{ type: 'function', function: { ...tool.function, strict: tool.function.strict ?? undefined } }];
      }
      const server = this.serverTools.find((candidate) => candidate.type === tool.type);
      return server ? [server.definition(run)] : [];
    });
  }

  classify(run: RunEntity, name: string): ToolKind {
    if (run.tools.some((tool) => tool.type === 'function' && tool.function.name === name)) {
      return { kind: 'function' };
    }
    const server = this.serverTools.find((tool) => tool.type === name && run.tools.some((t) => t.type === name));
    if (server) {
      return { kind: 'server', tool: server };
    }
    if (name === 'code_interpreter') {
      return {
        kind: 'unavailable',
        reason: 'code_interpreter is not supported by this server: the run cannot execute code.',
      };
    }
    return { kind: 'unavailable', reason: `The model called '${name}', which is not one of the run's tools.` };
  }

  /** The run's tool_choice in Chat Completions' terms (server tools are functions there). */
  toolChoice(choice: ToolChoice | null): unknown {
    if (choice === null || typeof choice === 'string') {
      return choice ?? undefined;
    }
    return choice.type === 'function' ? choice : { type: 'function', function: { name: choice.type } };
  }
}
