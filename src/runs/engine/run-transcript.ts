import { MessageEntity } from '../../messages/message.entity';
import { RunStepEntity } from '../steps/run-step.entity';
import { TranscriptEntry } from './prompt-builder';

/**
 * The run's own turns, rebuilt from its steps: what it wrote, and the tool calls it made with the
 * outputs they got (function outputs from the client, server tool outputs kept on the step).
 */
export function transcriptOf(steps: RunStepEntity[], runMessages: Map<string, MessageEntity>): TranscriptEntry[] {
  return steps.flatMap((step): TranscriptEntry[] => {
    const details = step.stepDetails;
    if (details.type === 'message_creation') {
      const message = runMessages.get(details.message_creation.message_id);
      const text = message?.content.flatMap((part) => (part.type === 'text' ? [part.text.value] : [])).join('\n');
      return text ? [{ kind: 'message', text }] : [];
    }
    const calls = details.tool_calls.map((call) =>
      call.type === 'function'
        ? { id: call.id, name: call.function.name, arguments: call.function.arguments, output: call.function.output ?? '' }
        : { id: call.id, name: call.type, arguments: call.arguments ?? '{}', output: call.output ?? '' },
    );
    return calls.length > 0 && step.status !== 'failed' ? [{ kind: 'tool_calls', calls }] : [];
  });
}
