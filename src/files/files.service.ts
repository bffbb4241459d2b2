import { Injectable, StreamableFile } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InvalidReference, InvalidRequest, ObjectNotFound } from '../common/errors/app-errors';
import { newId, nowSeconds } from '../common/ids/ids';
import { ListPage, toListPage } from '../common/pagination/list-page';
import { ListFilesQueryDto } from './dto/list-files-query.dto';
import { UploadFileDto } from './dto/upload-file.dto';
import { FileObject } from './file.entity';
import { FileStorage } from './file-storage';
import { FilesRepository } from './files.repository';

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};
/** OpenAI's own limit for image inputs. */
const MAX_INLINE_IMAGE_BYTES = 20 * 1024 * 1024;

/** Emitted after a file is deleted, so modules holding references to it can drop them. */
export const FILE_DELETED = 'file.deleted';
export interface FileDeletedEvent {
  owner: string;
  fileId: string;
}

@Injectable()
export class FilesService {
  constructor(
    private readonly files: FilesRepository,
    private readonly storage: FileStorage,
    private readonly events: EventEmitter2,
  ) {}

  async upload(owner: string, upload: Express.Multer.File | undefined, dto: UploadFileDto): Promise<FileObject> {
    if (!upload) {
      throw new InvalidRequest("Missing required parameter: 'file'.", 'file');
    }
    const id = newId('file');
    try {
      await this.storage.keep(upload.path, id);
      const file = await this.files.insert({
        id,
        owner,
        createdAt: nowSeconds(),
        filename: upload.originalname,
        bytes: upload.size,
        purpose: dto.purpose,
      });
      return file.toObject();
    } catch (error) {
      // No row without bytes and no bytes without a row.
      await Promise.all([this.storage.remove(upload.path), this.storage.remove(id)]);
      throw error;
    }
  }

  async retrieve(owner: string, id: string): Promise<FileObject> {
    const file = await this.files.findOwned(owner, id);
    if (!file) {
      throw new ObjectNotFound('file', id);
    }
    return file.toObject();
  }

  async content(owner: string, id: string): Promise<StreamableFile> {
    const file = await this.retrieve(owner, id);
    return new StreamableFile(this.storage.open(id), {
      type: 'application/octet-stream',
      length: file.bytes,
      disposition: `attachment; filename="${encodeURIComponent(file.filename)}"`,
    });
  }

  /** A file's bytes and name, for indexing. */
  async contentOf(owner: string, id: string): Promise<{ bytes: Buffer; filename: string }> {
    const file = await this.files.findOwned(owner, id);
    if (!file) {
      throw new ObjectNotFound('file', id);
    }
    return { bytes: await this.storage.read(id), filename: file.filename };
  }

  /** An uploaded image as a data URL, for models that take images inline; null if not an image. */
  async dataUrl(owner: string, id: string): Promise<string | null> {
    const file = await this.files.findOwned(owner, id);
    const type = file && IMAGE_TYPES[file.filename.split('.').pop()?.toLowerCase() ?? ''];
    if (!file || !type || file.bytes > MAX_INLINE_IMAGE_BYTES) {
      return null;
    }
    return `data:${type};base64,${(await this.storage.read(id)).toString('base64')}`;
  }

  async list(owner: string, query: ListFilesQueryDto): Promise<ListPage<FileObject>> {
    const slice = await this.files.listOwned(owner, query);
    return toListPage(slice.rows, slice.hasMore, (file) => file.toObject());
  }

  async delete(owner: string, id: string) {
    if (!(await this.files.deleteOwned(owner, id))) {
      throw new ObjectNotFound('file', id);
    }
    await this.storage.remove(id);
    await this.events.emitAsync(FILE_DELETED, { owner, fileId: id } satisfies FileDeletedEvent);
    return { id, object: 'file' as const, deleted: true };
  }

  /** Rejects a request that references files the owner does not have, naming the param. */
  async assertOwned(owner: string, ids: string[], param: string): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    const owned = await this.files.ownedIds(owner, ids);
    const missing = ids.find((id) => !owned.has(id));
    if (missing !== undefined) {
      throw new InvalidReference(param, 'file', missing);
    }
  }
}
