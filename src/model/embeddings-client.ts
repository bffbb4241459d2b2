import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import OpenAI from 'openai';
import { Environment } from '../config/environment';
import { openAIClient } from './openai-client';

/** Embeddings from the configured endpoint (`EMBEDDINGS_MODEL`), requested in batches. */
@Injectable()
export class EmbeddingsClient {
  private readonly client: OpenAI;
  readonly model: string | null;
  private readonly batchSize: number;

  constructor(config: ConfigService<Environment, true>) {
    this.client = openAIClient(config);
    this.model = config.get('EMBEDDINGS_MODEL', { infer: true }) || null;
    this.batchSize = config.get('EMBEDDINGS_BATCH_SIZE', { infer: true });
  }

  get configured(): boolean {
    return this.model !== null;
  }

  /** One vector per text, in order. */
  async embed(texts: string[]): Promise<number[][]> {
    if (this.model === null) {
      throw new Error('EMBEDDINGS_MODEL is not set');
    }
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const { data } = await this.client.embeddings.create({
        model: this.model,
        input: texts.slice(start, start + this.batchSize),
      });
      vectors.push(...[...data].sort((a, b) => a.index - b.index).map((item) => item.embedding));
    }
    return vectors;
  }
}
