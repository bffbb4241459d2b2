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

  /** Files to add at creation. Attaching and indexing files arrives with file search. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(0, { message: 'attaching files to vector stores is not supported yet' })
  file_ids?: string[];
}
