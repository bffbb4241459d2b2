import { METADATA_SCHEMA, SchemaProperty } from '../../common/openapi/schema-property';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { IsMetadata, Metadata } from '../../common/metadata/metadata';
import { ValidShape } from '../../common/validation/shape-validator';
import { ChunkingStrategyParam, checkChunkingStrategy } from '../../retrieval/chunking';
import { CHUNKING_STRATEGY_SCHEMA } from '../files/dto/vector-store-file.dto';

export class ExpiresAfterDto {
  /** Only `last_active_at` is supported, as in OpenAI's API. */
  @ApiProperty({ enum: ['last_active_at'] })
  @Equals('last_active_at')
  anchor: 'last_active_at';

  /** Days after the anchor, 1 to 365. */
  @IsInt()
  @Min(1)
  @Max(365)
  days: number;
}

export class CreateVectorStoreDto {
  /** Up to 256 characters. */
  @IsOptional()
  @IsString()
  @MaxLength(256)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(512)
  description?: string;

  @SchemaProperty(METADATA_SCHEMA)
  @IsOptional()
  @IsMetadata()
  metadata?: Metadata | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => ExpiresAfterDto)
  expires_after?: ExpiresAfterDto;

  /** Uploaded files (`file-…`) to add at creation, up to 500; they are indexed in the background. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  file_ids?: string[];

  /** How `file_ids` are chunked: `auto` (800 tokens, 400 overlap) or `static` with your own sizes. */
  @SchemaProperty(CHUNKING_STRATEGY_SCHEMA)
  @IsOptional()
  @ValidShape('chunkingStrategy', checkChunkingStrategy)
  chunking_strategy?: ChunkingStrategyParam;
}
