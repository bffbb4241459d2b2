import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** `limit/order/after/before`, the list parameters of every OpenAI list route. */
export class ListQueryDto {
  /** How many objects to return, 1 to 100. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  /** Sort order by creation: `asc` or `desc`. */
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'desc';

  /** An object id: return the objects that come after it in this order. */
  @IsOptional()
  @IsString()
  after?: string;

  /** An object id: return the objects that come before it in this order. */
  @IsOptional()
  @IsString()
  before?: string;
}
