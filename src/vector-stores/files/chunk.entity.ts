import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VectorStoreFileEntity } from './vector-store-file.entity';

/**
 * A piece of a file's text, searchable by PostgreSQL full-text search. The `english`
 * configuration stems and drops stop words: measured on the benchmark's labelled questions it
 * finds more answers than `simple`, and a question made of common words no longer matches (and
 * ranks) every chunk of a store. Words of other languages still match, unstemmed.
 */
@Entity('vector_store_chunks')
@Index('idx_vector_store_chunks_file', ['vectorStoreId', 'fileId', 'chunkIndex'])
@Index('idx_vector_store_chunks_tsv', { synchronize: false })
export class ChunkEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  vectorStoreId: string;

  @Column({ type: 'varchar', length: 64 })
  fileId: string;

  @ManyToOne(() => VectorStoreFileEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'vector_store_id', referencedColumnName: 'vectorStoreId' },
    { name: 'file_id', referencedColumnName: 'fileId' },
  ])
  vectorStoreFile?: VectorStoreFileEntity;

  @Column({ type: 'varchar', length: 128 })
  owner: string;

  @Column({ type: 'integer' })
  chunkIndex: number;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'integer' })
  tokens: number;

  @Column({
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: "to_tsvector('english', content)",
  })
  tsv: string;
}
