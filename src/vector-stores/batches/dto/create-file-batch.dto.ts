import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SchemaProperty } from '../../../common/openapi/schema-property';
import { ValidShape } from '../../../common/validation/shape-validator';
import { ChunkingStrategyParam, checkChunkingStrategy } from '../../../retrieval/chunking';
import { ATTRIBUTES_SCHEMA, CHUNKING_STRATEGY_SCHEMA } from '../../files/dto/vector-store-file.dto';
import { checkFileAttributes } from '../../files/dto/file-attributes';
import { FileAttributes } from '../../files/vector-store-file.entity';

/** OpenAI's limit on files per batch. */
export const MAX_BATCH_FILES = 2000;

export class BatchFileDto {
  @IsString()
  @MinLength(1)
  file_id: string;

  @SchemaProperty(ATTRIBUTES_SCHEMA)
  @IsOptional()
  @ValidShape('fileAttributes', checkFileAttributes)
  attributes?: FileAttributes | null;

  @SchemaProperty(CHUNKING_STRATEGY_SCHEMA)
  @IsOptional()
  @ValidShape('chunkingStrategy', checkChunkingStrategy)
  chunking_strategy?: ChunkingStrategyParam;
}

/** Either `file_ids` (sharing `attributes` and `chunking_strategy`) or `files`, each with its own. */
export class CreateFileBatchDto {
  /** Uploaded files (`file-…`), 1 to 2000. Give this or `files`, not both. */
  @ValidateIf((dto: CreateFileBatchDto) => dto.files === undefined || dto.file_ids !== undefined)
  @IsArray({ message: 'file_ids or files is required' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_FILES)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  file_ids?: string[];

  /** Files with their own `attributes` and `chunking_strategy`, 1 to 2000. */
  @ValidateIf((dto: CreateFileBatchDto) => dto.files !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_FILES)
  @ValidateNested({ each: true })
  @Type(() => BatchFileDto)
  files?: BatchFileDto[];

  /** Attributes for every file of `file_ids`. */
  @SchemaProperty(ATTRIBUTES_SCHEMA)
  @IsOptional()
  @ValidShape('fileAttributes', checkFileAttributes)
  attributes?: FileAttributes | null;

  /** How every file of `file_ids` is chunked; absent means `auto`. */
  @SchemaProperty(CHUNKING_STRATEGY_SCHEMA)
  @IsOptional()
  @ValidShape('chunkingStrategy', checkChunkingStrategy)
  chunking_strategy?: ChunkingStrategyParam;
}
