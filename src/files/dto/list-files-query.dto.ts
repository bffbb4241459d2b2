import { IsIn, IsOptional } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { FILE_PURPOSES, FilePurpose } from '../file.entity';

export class ListFilesQueryDto extends ListQueryDto {
  /** Only files uploaded with this purpose. */
  @IsOptional()
  @IsIn(FILE_PURPOSES)
  purpose?: FilePurpose;
}
