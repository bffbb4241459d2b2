import { DONE_FRAME, encodeEvent, STREAM_END_EVENTS } from './sse';

describe(encodeEvent.name, () => {
  it('should frame an event as OpenAI does', () => {
    expect(encodeEvent({ event: 'thread.run.created', data: { id: 'run_1' } })).toBe(
      'event: thread.run.created\ndata: {"id":"run_1"}\n\n',
    );
    expect(DONE_FRAME).toBe('event: done\ndata: [DONE]\n\n');
  });

  it('should end streams on terminal events and requires_action only', () => {
    expect(STREAM_END_EVENTS.has('thread.run.requires_action')).toBe(true);
    expect(STREAM_END_EVENTS.has('thread.run.completed')).toBe(true);
    expect(STREAM_END_EVENTS.has('thread.run.in_progress')).toBe(false);
    expect(STREAM_END_EVENTS.has('thread.run.cancelling')).toBe(false);
  });
});
