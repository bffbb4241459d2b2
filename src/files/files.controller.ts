import { Body, Controller, Delete, Get, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/auth/api-route.decorator';
import { Owner } from '../common/auth/owner.decorator';
import { FileDeletedResponse, FileListResponse, FileResponse } from './dto/file.response';
import { ListFilesQueryDto } from './dto/list-files-query.dto';
import { UPLOAD_FORM_SCHEMA, UploadFileDto } from './dto/upload-file.dto';
import { FilesService } from './files.service';

@ApiTags('Files')
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post()
  @ApiRoute({ throttle: 'upload', summary: 'Upload a file (multipart, streamed to storage)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_FORM_SCHEMA })
  @ApiOkResponse({ type: FileResponse })
  @UseInterceptors(FileInterceptor('file'))
  upload(@Owner() owner: string, @UploadedFile() file: Express.Multer.File | undefined, @Body() dto: UploadFileDto) {
    return this.files.upload(owner, file, dto);
  }

  @Get()
  @ApiRoute({ throttle: 'read', summary: 'List files' })
  @ApiOkResponse({ type: FileListResponse })
  list(@Owner() owner: string, @Query() query: ListFilesQueryDto) {
    return this.files.list(owner, query);
  }

  @Get(':file_id')
  @ApiRoute({ throttle: 'read', summary: 'Retrieve a file' })
  @ApiOkResponse({ type: FileResponse })
  retrieve(@Owner() owner: string, @Param('file_id') id: string) {
    return this.files.retrieve(owner, id);
  }

  @Get(':file_id/content')
  @ApiRoute({ throttle: 'read', summary: "Download a file's content" })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  content(@Owner() owner: string, @Param('file_id') id: string) {
    return this.files.content(owner, id);
  }

  @Delete(':file_id')
  @ApiRoute({ throttle: 'write', summary: 'Delete a file' })
  @ApiOkResponse({ type: FileDeletedResponse })
  delete(@Owner() owner: string, @Param('file_id') id: string) {
    return this.files.delete(owner, id);
  }
}
