import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { paginate, Slice } from '../common/pagination/cursor-paginator';
import { FileEntity } from './file.entity';
import { ListFilesQueryDto } from './dto/list-files-query.dto';

@Injectable()
export class FilesRepository {
  constructor(@InjectRepository(FileEntity) private readonly files: Repository<FileEntity>) {}

  insert(file: Partial<FileEntity>): Promise<FileEntity> {
    return this.files.save(this.files.create(file));
  }

  findOwned(owner: string, id: string): Promise<FileEntity | null> {
    return this.files.findOneBy({ owner, id });
  }

  /** The ids among `ids` that the owner has (used to check references in one query). */
  async ownedIds(owner: string, ids: string[]): Promise<Set<string>> {
    const rows = await this.files.find({ select: { id: true }, where: { owner, id: In(ids) } });
    return new Set(rows.map((row) => row.id));
  }

  listOwned(owner: string, query: ListFilesQueryDto): Promise<Slice<FileEntity>> {
    const qb = this.files.createQueryBuilder('file').where('file.owner = :owner', { owner });
    if (query.purpose) {
      qb.andWhere('file.purpose = :purpose', { purpose: query.purpose });
    }
    return paginate(qb, query);
  }

  async deleteOwned(owner: string, id: string): Promise<boolean> {
    const result = await this.files.delete({ owner, id });
    return (result.affected ?? 0) > 0;
  }
}
