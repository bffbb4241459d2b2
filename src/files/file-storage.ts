import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createReadStream, mkdirSync, ReadStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Environment } from '../config/environment';

export const filesRoot = (dataDir: string) => resolve(dataDir, 'files');
export const incomingDir = (dataDir: string) => join(filesRoot(dataDir), 'incoming');

/**
 * File bytes on disk under `DATA_DIR/files`: uploads stream into `incoming/` (never held in
 * memory) and are moved to `<file id>` once their row is about to be written.
 */
@Injectable()
export class FileStorage {
  readonly root: string;
  readonly incoming: string;

  constructor(config: ConfigService<Environment, true>) {
    this.root = filesRoot(config.get('DATA_DIR', { infer: true }));
    this.incoming = incomingDir(config.get('DATA_DIR', { infer: true }));
    mkdirSync(this.incoming, { recursive: true });
  }

  async keep(uploadedPath: string, fileId: string): Promise<void> {
    await rename(uploadedPath, this.pathOf(fileId));
  }

  read(fileId: string): Promise<Buffer> {
    return readFile(this.pathOf(fileId));
  }

  open(fileId: string): ReadStream {
    return createReadStream(this.pathOf(fileId));
  }

  async remove(pathOrId: string): Promise<void> {
    await rm(pathOrId.startsWith(this.root) ? pathOrId : this.pathOf(pathOrId), { force: true });
  }

  private pathOf(fileId: string): string {
    return join(this.root, fileId);
  }
}
