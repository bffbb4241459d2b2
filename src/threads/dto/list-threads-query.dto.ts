import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsMetadata, Metadata } from '../../common/metadata/metadata';
import { ListQueryDto } from '../../common/pagination/list-query.dto';

export class ListThreadsQueryDto extends ListQueryDto {
  /** `metadata[key]=value` filters; several combine with AND. */
  @ApiPropertyOptional({ type: Object, example: { customer: 'acme' } })
  @IsOptional()
  @IsMetadata()
  metadata?: Metadata;
}
