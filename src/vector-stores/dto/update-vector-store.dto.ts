import { METADATA_SCHEMA, SchemaProperty } from '../../common/openapi/schema-property';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { IsMetadata, Metadata } from '../../common/metadata/metadata';
import { ExpiresAfterDto } from './create-vector-store.dto';

export class UpdateVectorStoreDto {
  @IsOptional()
  @IsString()
  @MaxLength(256)
  name?: string | null;

  @SchemaProperty(METADATA_SCHEMA)
  @IsOptional()
  @IsMetadata()
  metadata?: Metadata | null;

  /** `null` removes the expiration policy. */
  @ApiProperty({ type: ExpiresAfterDto, required: false, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExpiresAfterDto)
  expires_after?: ExpiresAfterDto | null;
}
