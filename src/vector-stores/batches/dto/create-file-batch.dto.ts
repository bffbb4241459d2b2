import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { CreateVectorStoreFileDto, FileSettingsDto } from '../../files/dto/vector-store-file.dto';

/** OpenAI's limit on files per batch. */
export const MAX_BATCH_FILES = 2000;

/**
 * Either `file_ids`, sharing this batch's `attributes` and `chunking_strategy`, or `files`, each
 * with its own.
 */
export class CreateFileBatchDto extends FileSettingsDto {
  /** Uploaded files (`file-…`), 1 to 2000. Give this or `files`, not both. */
  @ValidateIf((dto: CreateFileBatchDto) => dto.files === undefined || dto.file_ids !== undefined)
  @IsArray({ message: 'file_ids or files is required' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_FILES)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  file_ids?: string[];

  /** Files with their own `attributes` and `chunking_strategy`, 1 to 2000. */
  @ValidateIf((dto: CreateFileBatchDto) => dto.files !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_FILES)
  @ValidateNested({ each: true })
  @Type(() => CreateVectorStoreFileDto)
  files?: CreateVectorStoreFileDto[];
}
