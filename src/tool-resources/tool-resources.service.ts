import { Injectable } from '@nestjs/common';
import { ToolResources } from '../assistants/dto/assistant-shapes';
import { FilesService } from '../files/files.service';
import { FileAttacher } from '../vector-stores/files/file-attacher';
import { VectorStoresService } from '../vector-stores/vector-stores.service';

/** Stores that thread helpers create expire 7 days after their last activity, as OpenAI's did. */
const THREAD_STORE_EXPIRY = { anchor: 'last_active_at' as const, days: 7 };

export type ResourceOwner = 'assistant' | 'thread';

/**
 * `tool_resources` of assistants and threads: checks that the files and vector stores named
 * exist and are the caller's, creates the vector store asked for inline
 * (`file_search.vector_stores`), and keeps a thread's store for files attached to its messages.
 */
@Injectable()
export class ToolResourcesService {
  constructor(
    private readonly files: FilesService,
    private readonly vectorStores: VectorStoresService,
    private readonly attacher: FileAttacher,
  ) {}

  async assertReferencesExist(owner: string, resources: ToolResources | null | undefined): Promise<void> {
    await this.files.assertOwned(
      owner,
      resources?.code_interpreter?.file_ids ?? [],
      'tool_resources.code_interpreter.file_ids',
    );
    await this.vectorStores.assertOwned(
      owner,
      resources?.file_search?.vector_store_ids ?? [],
      'tool_resources.file_search.vector_store_ids',
    );
    for (const [index, store] of (resources?.file_search?.vector_stores ?? []).entries()) {
      await this.files.assertOwned(
        owner,
        store.file_ids ?? [],
        `tool_resources.file_search.vector_stores[${index}].file_ids`,
      );
    }
  }

  /**
   * Checks the references, then creates the inline vector store, if any: the resources come
   * back as they are stored, naming stores by id only.
   */
  async resolve(owner: string, resources: ToolResources | null | undefined, kind: ResourceOwner) {
    await this.assertReferencesExist(owner, resources);
    const search = resources?.file_search;
    if (!resources || !search?.vector_stores) {
      return resources;
    }
    const { vector_stores: inline, ...rest } = search;
    const ids = [...(rest.vector_store_ids ?? [])];
    for (const store of inline) {
      const created = await this.vectorStores.create(owner, {
        file_ids: store.file_ids,
        chunking_strategy: store.chunking_strategy,
        metadata: store.metadata,
        expires_after: kind === 'thread' ? THREAD_STORE_EXPIRY : undefined,
      });
      ids.push(created.id);
    }
    return { ...resources, file_search: { ...rest, vector_store_ids: ids } };
  }

  /** Creates the store that holds a thread's message attachments. */
  async createThreadStore(owner: string, threadId: string): Promise<string> {
    const store = await this.vectorStores.create(owner, {
      name: `Files attached to ${threadId}`,
      expires_after: THREAD_STORE_EXPIRY,
    });
    return store.id;
  }

  /** Adds files (already checked to be the owner's) to a store; they are indexed in the background. */
  async addFiles(owner: string, vectorStoreId: string, fileIds: string[]): Promise<void> {
    await this.attacher.attach(
      owner,
      vectorStoreId,
      fileIds.map((fileId) => ({ fileId })),
    );
  }
}
