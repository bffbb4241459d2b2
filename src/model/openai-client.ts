import { ConfigService } from '@nestjs/config';
import OpenAI from 'openai';
import { Environment } from '../config/environment';

/**
 * The `openai` package's client for the configured endpoint (OPENAI_BASE_URL / OPENAI_API_KEY):
 * per-attempt timeout, and the package's own retries of transient failures (429, 5xx, network),
 * with exponential backoff and jitter, honouring Retry-After.
 */
export function openAIClient(config: ConfigService<Environment, true>): OpenAI {
  return new OpenAI({
    baseURL: config.get('OPENAI_BASE_URL', { infer: true }) || undefined,
    // Local endpoints (vLLM, Ollama, …) need no key, but the package insists on one.
    apiKey: config.get('OPENAI_API_KEY', { infer: true }) || 'unused',
    timeout: config.get('MODEL_TIMEOUT_MS', { infer: true }),
    maxRetries: config.get('MODEL_MAX_RETRIES', { infer: true }),
  });
}
