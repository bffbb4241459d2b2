import { Column, Generated, PrimaryColumn } from 'typeorm';

/**
 * Columns every tenant-owned object shares: a prefixed random id, the owner (the Basic-auth
 * user), Unix-seconds creation time, and `seq`, the insertion order that lists sort by.
 */
export abstract class OwnedEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  /** Insertion order: breaks ties between objects created in the same second. Never on the wire. */
  @Column({ type: 'bigint', select: false, insert: false, update: false })
  @Generated('increment')
  seq: string;

  @Column({ type: 'varchar', length: 128 })
  owner: string;

  @Column({ type: 'integer' })
  createdAt: number;
}
