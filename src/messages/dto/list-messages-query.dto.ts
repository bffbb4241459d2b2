import { IsOptional, IsString } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';

export class ListMessagesQueryDto extends ListQueryDto {
  /** Only the messages created by this run. */
  @IsOptional()
  @IsString()
  run_id?: string;
}
