import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/auth/api-route.decorator';
import { Owner } from '../common/auth/owner.decorator';
import { CreateMessageDto } from './dto/create-message.dto';
import { ListMessagesQueryDto } from './dto/list-messages-query.dto';
import { MessageDeletedResponse, MessageListResponse, MessageResponse } from './dto/message.response';
import { UpdateMessageDto } from './dto/update-message.dto';
import { MessagesService } from './messages.service';

@ApiTags('Messages')
@Controller('threads/:thread_id/messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Post()
  @ApiRoute({ throttle: 'write', summary: 'Create a message' })
  @ApiOkResponse({ type: MessageResponse })
  create(@Owner() owner: string, @Param('thread_id') threadId: string, @Body() dto: CreateMessageDto) {
    return this.messages.create(owner, threadId, dto);
  }

  @Get()
  @ApiRoute({ throttle: 'read', summary: "List a thread's messages" })
  @ApiOkResponse({ type: MessageListResponse })
  list(@Owner() owner: string, @Param('thread_id') threadId: string, @Query() query: ListMessagesQueryDto) {
    return this.messages.list(owner, threadId, query);
  }

  @Get(':message_id')
  @ApiRoute({ throttle: 'read', summary: 'Retrieve a message' })
  @ApiOkResponse({ type: MessageResponse })
  retrieve(@Owner() owner: string, @Param('thread_id') threadId: string, @Param('message_id') id: string) {
    return this.messages.retrieve(owner, threadId, id);
  }

  @Post(':message_id')
  @ApiRoute({ throttle: 'write', summary: "Modify a message's metadata" })
  @ApiOkResponse({ type: MessageResponse })
  update(
    @Owner() owner: string,
    @Param('thread_id') threadId: string,
    @Param('message_id') id: string,
    @Body() dto: UpdateMessageDto,
  ) {
    return this.messages.update(owner, threadId, id, dto);
  }

  @Delete(':message_id')
  @ApiRoute({ throttle: 'write', summary: 'Delete a message' })
  @ApiOkResponse({ type: MessageDeletedResponse })
  delete(@Owner() owner: string, @Param('thread_id') threadId: string, @Param('message_id') id: string) {
    return this.messages.delete(owner, threadId, id);
  }
}
