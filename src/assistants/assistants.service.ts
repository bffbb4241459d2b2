import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ObjectNotFound } from '../common/errors/app-errors';
import { newId, nowSeconds } from '../common/ids/ids';
import { ListPage, toListPage } from '../common/pagination/list-page';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { FILE_DELETED, FileDeletedEvent } from '../files/files.service';
import { ToolResourcesService } from '../tool-resources/tool-resources.service';
import { AssistantEntity, AssistantObject } from './assistant.entity';
import { AssistantsRepository } from './assistants.repository';
import { CreateAssistantDto } from './dto/create-assistant.dto';
import { UpdateAssistantDto } from './dto/update-assistant.dto';

@Injectable()
export class AssistantsService {
  constructor(
    private readonly assistants: AssistantsRepository,
    private readonly toolResources: ToolResourcesService,
  ) {}

  async create(owner: string, dto: CreateAssistantDto): Promise<AssistantObject> {
    const toolResources = await this.toolResources.resolve(owner, dto.tool_resources, 'assistant');
    const assistant = this.assistants.create({
      id: newId('assistant'),
      owner,
      createdAt: nowSeconds(),
      tools: [],
      metadata: {},
    });
    this.apply(assistant, { ...dto, tool_resources: toolResources });
    return (await this.assistants.save(assistant)).toObject();
  }

  async retrieve(owner: string, id: string): Promise<AssistantObject> {
    return (await this.findOwned(owner, id)).toObject();
  }

  async list(owner: string, query: ListQueryDto): Promise<ListPage<AssistantObject>> {
    const slice = await this.assistants.listOwned(owner, query);
    return toListPage(slice.rows, slice.hasMore, (assistant) => assistant.toObject());
  }

  async update(owner: string, id: string, dto: UpdateAssistantDto): Promise<AssistantObject> {
    const assistant = await this.findOwned(owner, id);
    const toolResources = await this.toolResources.resolve(owner, dto.tool_resources, 'assistant');
    this.apply(assistant, { ...dto, tool_resources: toolResources });
    return (await this.assistants.save(assistant)).toObject();
  }

  async delete(owner: string, id: string) {
    if (!(await this.assistants.deleteOwned(owner, id))) {
      throw new ObjectNotFound('assistant', id);
    }
    return { id, object: 'assistant.deleted' as const, deleted: true };
  }

  /** A deleted file no longer appears in any of the owner's assistants. */
  @OnEvent(FILE_DELETED)
  async detachDeletedFile({ owner, fileId }: FileDeletedEvent): Promise<void> {
    await this.assistants.detachFile(owner, fileId);
  }

  /** Resolves the assistant a run executes. */
  async findOwned(owner: string, id: string): Promise<AssistantEntity> {
    const assistant = await this.assistants.findOwned(owner, id);
    if (!assistant) {
      throw new ObjectNotFound('assistant', id);
    }
    return assistant;
  }

  /** Copies the fields present in the request; `null` clears a nullable field, as OpenAI did. */
  private apply(assistant: AssistantEntity, dto: UpdateAssistantDto): void {
    const fields: Partial<AssistantEntity> = {
      model: dto.model,
      name: dto.name,
      description: dto.description,
      instructions: dto.instructions,
      tools: dto.tools,
      toolResources: dto.tool_resources,
      metadata: dto.metadata === null ? {} : dto.metadata,
      temperature: dto.temperature,
      topP: dto.top_p,
      responseFormat: dto.response_format,
      reasoningEffort: dto.reasoning_effort,
    };
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) {
        Object.assign(assistant, { [key]: value });
      }
    }
  }
}
