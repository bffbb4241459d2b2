import { Module } from '@nestjs/common';
import { EmbeddingsClient } from './embeddings-client';
import { ModelClient } from './model-client';

/** The model endpoint: chat completions for runs, embeddings for hybrid file search. */
@Module({
  providers: [ModelClient, EmbeddingsClient],
  exports: [ModelClient, EmbeddingsClient],
})
export class ModelModule {}
