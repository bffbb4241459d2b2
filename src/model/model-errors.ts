import OpenAI from 'openai';
import { RunError } from '../runs/run.types';

/**
 * What a failed model call means for the run, in OpenAI's `last_error` codes: the endpoint was
 * overloaded (`rate_limit_exceeded`), broken or unreachable (`server_error`), or refused the
 * request itself, e.g. an unknown model (`invalid_prompt`).
 */
export function classifyModelError(error: unknown): RunError {
  if (error instanceof OpenAI.RateLimitError) {
    return { code: 'rate_limit_exceeded', message: `The model endpoint kept rate limiting the run: ${error.message}` };
  }
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return { code: 'server_error', message: 'The model endpoint did not answer in time.' };
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return { code: 'server_error', message: `The model endpoint could not be reached: ${error.message}` };
  }
  if (error instanceof OpenAI.APIError && error.status !== undefined && error.status >= 400 && error.status < 500) {
    return {
      code: 'invalid_prompt',
      message: `The model endpoint rejected the request (${error.status}): ${error.message}`,
    };
  }
  if (error instanceof OpenAI.APIError) {
    return { code: 'server_error', message: `The model endpoint failed: ${error.message}` };
  }
  return { code: 'server_error', message: error instanceof Error ? error.message : 'The run failed.' };
}
