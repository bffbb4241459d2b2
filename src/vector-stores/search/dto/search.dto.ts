import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { SchemaProperty } from '../../../common/openapi/schema-property';
import { ValidShape } from '../../../common/validation/shape-validator';
import { AttributeFilter, checkAttributeFilter } from '../../../retrieval/search/attribute-filter';
import { checkSearchQuery } from './search-query';

export class RankingOptionsDto {
  @IsOptional()
  @IsIn(['none', 'auto', 'default-2024-11-15'])
  ranker?: 'none' | 'auto' | 'default-2024-11-15';

  /** Results scoring below this (0 to 1) are left out. */
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  score_threshold?: number;
}

export class SearchVectorStoreDto {
  /** What to look for: a string, or several. */
  @SchemaProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }, { required: true })
  @ValidShape('searchQuery', checkSearchQuery)
  query: string | string[];

  /** 1 to 50, default 10. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  max_num_results: number = 10;

  @SchemaProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Comparison or compound filter on file attributes.',
  })
  @IsOptional()
  @ValidShape('attributeFilter', checkAttributeFilter)
  filters?: AttributeFilter;

  @IsOptional()
  @ValidateNested()
  @Type(() => RankingOptionsDto)
  ranking_options?: RankingOptionsDto;

  /** Accepted for compatibility; queries are used as given. */
  @IsOptional()
  @IsBoolean()
  rewrite_query?: boolean;
}
