import { RunEvent } from './run-events';

/** `event: <name>\ndata: <json>\n\n`, the server-sent event framing the SDKs parse. */
export function encodeEvent({ event, data }: RunEvent): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The stream's last frame. */
export const DONE_FRAME = 'event: done\ndata: [DONE]\n\n';

/** Events after which a stream ends: the run stopped, for good or until tool outputs arrive. */
export const STREAM_END_EVENTS = new Set([
  'thread.run.requires_action',
  'thread.run.completed',
  'thread.run.incomplete',
  'thread.run.failed',
  'thread.run.cancelled',
  'thread.run.expired',
]);
