import { SchemaObject } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MinLength } from 'class-validator';
import { SchemaProperty } from '../../../common/openapi/schema-property';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';
import { ValidShape } from '../../../common/validation/shape-validator';
import { ChunkingStrategyParam, checkChunkingStrategy } from '../../../retrieval/chunking';
import { checkFileAttributes } from './file-attributes';

const ATTRIBUTES_SCHEMA: SchemaObject = {
  type: 'object',
  nullable: true,
  additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
};

export const CHUNKING_STRATEGY_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['auto', 'static'] },
    static: {
      type: 'object',
      properties: {
        max_chunk_size_tokens: { type: 'integer', minimum: 100, maximum: 4096 },
        chunk_overlap_tokens: { type: 'integer', minimum: 0 },
      },
    },
  },
};

/** How files are indexed: shared by one file, a batch, and each file of a batch. */
export class FileSettingsDto {
  /** Up to 16 attributes to filter searches by: string, number or boolean values. */
  @SchemaProperty(ATTRIBUTES_SCHEMA)
  @IsOptional()
  @ValidShape('fileAttributes', checkFileAttributes)
  attributes?: Record<string, string | number | boolean> | null;

  /** `auto` (800 tokens, 400 overlap) or `static` with your own sizes. */
  @SchemaProperty(CHUNKING_STRATEGY_SCHEMA)
  @IsOptional()
  @ValidShape('chunkingStrategy', checkChunkingStrategy)
  chunking_strategy?: ChunkingStrategyParam;
}

export class CreateVectorStoreFileDto extends FileSettingsDto {
  /** An uploaded file of the caller's (`file-…`). */
  @IsString()
  @MinLength(1)
  file_id: string;
}

export class ListVectorStoreFilesQueryDto extends ListQueryDto {
  /** Only files in this indexing status. */
  @IsOptional()
  @IsIn(['in_progress', 'completed', 'failed', 'cancelled'])
  filter?: 'in_progress' | 'completed' | 'failed' | 'cancelled';
}
