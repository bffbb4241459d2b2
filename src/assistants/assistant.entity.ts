import { Column, Entity, Index } from 'typeorm';
import { Metadata } from '../common/metadata/metadata';
import { OwnedEntity } from '../database/owned.entity';
import { AssistantTool, ResponseFormat, ToolResources } from './dto/assistant-shapes';

@Entity('assistants')
@Index('idx_assistants_owner_seq', ['owner', 'seq'])
export class AssistantEntity extends OwnedEntity {
  @Column({ type: 'varchar', length: 256, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 256 })
  model: string;

  @Column({ type: 'text', nullable: true })
  instructions: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  tools: AssistantTool[];

  @Column({ type: 'jsonb', nullable: true })
  toolResources: ToolResources | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  metadata: Metadata;

  @Column({ type: 'double precision', nullable: true })
  temperature: number | null;

  @Column({ type: 'double precision', nullable: true })
  topP: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseFormat: ResponseFormat | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  reasoningEffort: string | null;

  toObject() {
    return {
      id: this.id,
      object: 'assistant' as const,
      created_at: this.createdAt,
      name: this.name,
      description: this.description,
      model: this.model,
      instructions: this.instructions,
      tools: this.tools,
      tool_resources: this.toolResources ?? {},
      metadata: this.metadata,
      temperature: this.temperature,
      top_p: this.topP,
      response_format: this.responseFormat ?? 'auto',
      reasoning_effort: this.reasoningEffort,
    };
  }
}

export type AssistantObject = ReturnType<AssistantEntity['toObject']>;
