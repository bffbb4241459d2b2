import { MessageEntity } from '../../messages/message.entity';
import { RunStepEntity } from '../steps/run-step.entity';
import { TranscriptEntry } from './prompt-builder';

/**
 * The run's own turns, rebuilt from its steps: what it wrote, and the tool calls it made with the
 * outputs they got (function outputs from the client, server tool outputs kept on the step).
 */
export function transcriptOf(steps: RunStepEntity[], runMessages: Map<string, MessageEntity>): TranscriptEntry[] {
  return steps.flatMap((step): TranscriptEntry[] => {
    // An interrupted turn (crash, hand-over, cancel) is retried, not continued from its half.
    if (step.status === 'failed' || step.status === 'cancelled') {
      return [];
    }
    const details = step.stepDetails;
    if (details.type === 'message_creation') {
      const message = runMessages.get(details.message_creation.message_id);
      const text = message?.content.flatMap((part) => (part.type === 'text' ? [part.text.value] : [])).join('\n');
      return text ? [{ kind: 'message', text }] : [];
    }
    const calls = details.tool_calls.map((call) =>
      call.type === 'function'
        ? {
            id: call.id,
            name: call.function.name,
            arguments: call.function.arguments,
            output: call.function.output ?? '',
          }
        : { id: call.id, name: call.type, arguments: call.arguments ?? '{}', output: call.output ?? '' },
    );
    return calls.length > 0 ? [{ kind: 'tool_calls', calls }] : [];
  });
}
