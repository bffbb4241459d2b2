import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/auth/api-route.decorator';
import { Owner } from '../common/auth/owner.decorator';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { AssistantsService } from './assistants.service';
import { CreateAssistantDto } from './dto/create-assistant.dto';
import { UpdateAssistantDto } from './dto/update-assistant.dto';
import { AssistantDeletedResponse, AssistantListResponse, AssistantResponse } from './dto/assistant.response';
import { ApiOkResponse } from '@nestjs/swagger';

@ApiTags('Assistants')
@Controller('assistants')
export class AssistantsController {
  constructor(private readonly assistants: AssistantsService) {}

  @Post()
  @ApiRoute({ throttle: 'write', summary: 'Create an assistant' })
  @ApiOkResponse({ type: AssistantResponse })
  create(@Owner() owner: string, @Body() dto: CreateAssistantDto) {
    return this.assistants.create(owner, dto);
  }

  @Get()
  @ApiRoute({ throttle: 'read', summary: 'List assistants' })
  @ApiOkResponse({ type: AssistantListResponse })
  list(@Owner() owner: string, @Query() query: ListQueryDto) {
    return this.assistants.list(owner, query);
  }

  @Get(':assistant_id')
  @ApiRoute({ throttle: 'read', summary: 'Retrieve an assistant' })
  @ApiOkResponse({ type: AssistantResponse })
  retrieve(@Owner() owner: string, @Param('assistant_id') id: string) {
    return this.assistants.retrieve(owner, id);
  }

  @Post(':assistant_id')
  @ApiRoute({ throttle: 'write', summary: 'Modify an assistant' })
  @ApiOkResponse({ type: AssistantResponse })
  update(@Owner() owner: string, @Param('assistant_id') id: string, @Body() dto: UpdateAssistantDto) {
    return this.assistants.update(owner, id, dto);
  }

  @Delete(':assistant_id')
  @ApiRoute({ throttle: 'write', summary: 'Delete an assistant' })
  @ApiOkResponse({ type: AssistantDeletedResponse })
  delete(@Owner() owner: string, @Param('assistant_id') id: string) {
    return this.assistants.delete(owner, id);
  }
}
