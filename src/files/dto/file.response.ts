import { ApiProperty } from '@nestjs/swagger';
import { DeletedResponse, ListResponse } from '../../common/pagination/list-response';
import { FILE_PURPOSES } from '../file.entity';

/** An uploaded file, as `openai.files` returns it. */
export class FileResponse {
  /** `file-…` */
  id: string;

  @ApiProperty({ enum: ['file'] })
  object: 'file';

  /** Size in bytes. */
  bytes: number;

  /** Unix seconds. */
  created_at: number;

  filename: string;

  @ApiProperty({ enum: FILE_PURPOSES })
  purpose: string;

  @ApiProperty({ enum: ['processed'] })
  status: 'processed';
}

export class FileListResponse extends ListResponse(FileResponse, 'FileList') {}

/** OpenAI answered file deletes with `object: "file"`. */
export class FileDeletedResponse extends DeletedResponse('file', 'FileDeleted') {}
