import { Column, Entity, Index } from 'typeorm';
import { OwnedEntity } from '../database/owned.entity';

export const FILE_PURPOSES = ['assistants', 'vision', 'user_data', 'batch', 'fine-tune', 'evals'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** An uploaded file; its bytes live under `DATA_DIR/files/<id>` (see FileStorage). */
@Entity('files')
@Index('idx_files_owner_seq', ['owner', 'seq'])
export class FileEntity extends OwnedEntity {
  @Column({ type: 'varchar', length: 512 })
  filename: string;

  @Column({ type: 'bigint', transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  bytes: number;

  @Column({ type: 'varchar', length: 32 })
  purpose: FilePurpose;

  toObject() {
    return {
      id: this.id,
      object: 'file' as const,
      bytes: this.bytes,
      created_at: this.createdAt,
      filename: this.filename,
      purpose: this.purpose,
      status: 'processed' as const,
      status_details: null,
    };
  }
}

export type FileObject = ReturnType<FileEntity['toObject']>;
