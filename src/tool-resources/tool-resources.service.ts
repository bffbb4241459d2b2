import { Injectable } from '@nestjs/common';
import { ToolResources } from '../assistants/dto/assistant-shapes';
import { FilesService } from '../files/files.service';
import { VectorStoresService } from '../vector-stores/vector-stores.service';

/** Checks that the files and vector stores named in `tool_resources` exist and are the caller's. */
@Injectable()
export class ToolResourcesService {
  constructor(
    private readonly files: FilesService,
    private readonly vectorStores: VectorStoresService,
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
  }
}
