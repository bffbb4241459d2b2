import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { paginate, Slice } from '../common/pagination/cursor-paginator';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { detachFileFromToolResources } from '../files/file-references';
import { AssistantEntity } from './assistant.entity';

@Injectable()
export class AssistantsRepository {
  constructor(@InjectRepository(AssistantEntity) private readonly assistants: Repository<AssistantEntity>) {}

  create(fields: Partial<AssistantEntity>): AssistantEntity {
    return this.assistants.create(fields);
  }

  save(assistant: AssistantEntity): Promise<AssistantEntity> {
    return this.assistants.save(assistant);
  }

  findOwned(owner: string, id: string): Promise<AssistantEntity | null> {
    return this.assistants.findOneBy({ owner, id });
  }

  listOwned(owner: string, query: ListQueryDto): Promise<Slice<AssistantEntity>> {
    return paginate(
      this.assistants.createQueryBuilder('assistant').where('assistant.owner = :owner', { owner }),
      query,
    );
  }

  detachFile(owner: string, fileId: string): Promise<number> {
    return detachFileFromToolResources(this.assistants.manager, 'assistants', owner, fileId);
  }

  async deleteOwned(owner: string, id: string): Promise<boolean> {
    const result = await this.assistants.delete({ owner, id });
    return (result.affected ?? 0) > 0;
  }
}
