import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/auth/api-route.decorator';
import { Owner } from '../common/auth/owner.decorator';
import { CreateThreadDto } from './dto/create-thread.dto';
import { ListThreadsQueryDto } from './dto/list-threads-query.dto';
import { ThreadDeletedResponse, ThreadListResponse, ThreadResponse } from './dto/thread.response';
import { UpdateThreadDto } from './dto/update-thread.dto';
import { ThreadsService } from './threads.service';

@ApiTags('Threads')
@Controller('threads')
export class ThreadsController {
  constructor(private readonly threads: ThreadsService) {}

  @Post()
  @ApiRoute({ throttle: 'write', summary: 'Create a thread, optionally with initial messages' })
  @ApiOkResponse({ type: ThreadResponse })
  create(@Owner() owner: string, @Body() dto: CreateThreadDto) {
    return this.threads.create(owner, dto);
  }

  @Get()
  @ApiRoute({ throttle: 'read', summary: 'List threads, filtered by metadata[key]=value' })
  @ApiOkResponse({ type: ThreadListResponse })
  list(@Owner() owner: string, @Query() query: ListThreadsQueryDto) {
    return this.threads.list(owner, query);
  }

  @Get(':thread_id')
  @ApiRoute({ throttle: 'read', summary: 'Retrieve a thread' })
  @ApiOkResponse({ type: ThreadResponse })
  retrieve(@Owner() owner: string, @Param('thread_id') id: string) {
    return this.threads.retrieve(owner, id);
  }

  @Post(':thread_id')
  @ApiRoute({ throttle: 'write', summary: 'Modify a thread' })
  @ApiOkResponse({ type: ThreadResponse })
  update(@Owner() owner: string, @Param('thread_id') id: string, @Body() dto: UpdateThreadDto) {
    return this.threads.update(owner, id, dto);
  }

  @Delete(':thread_id')
  @ApiRoute({ throttle: 'write', summary: 'Delete a thread and its messages' })
  @ApiOkResponse({ type: ThreadDeletedResponse })
  delete(@Owner() owner: string, @Param('thread_id') id: string) {
    return this.threads.delete(owner, id);
  }
}
