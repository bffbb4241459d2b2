import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { FILE_PURPOSES, FilePurpose } from '../file.entity';

/** The text fields of `POST /files`; the `file` part itself is handled by multer (see the controller). */
export class UploadFileDto {
  @ApiProperty({ enum: FILE_PURPOSES })
  @IsIn(FILE_PURPOSES)
  purpose: FilePurpose;
}

/** The whole multipart form, for Swagger UI. */
export const UPLOAD_FORM_SCHEMA = {
  type: 'object',
  required: ['file', 'purpose'],
  properties: {
    file: { type: 'string', format: 'binary' },
    purpose: { type: 'string', enum: [...FILE_PURPOSES] },
  },
};
