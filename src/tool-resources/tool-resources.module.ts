import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { VectorStoresModule } from '../vector-stores/vector-stores.module';
import { ToolResourcesService } from './tool-resources.service';

@Module({
  imports: [FilesModule, VectorStoresModule],
  providers: [ToolResourcesService],
  exports: [ToolResourcesService, FilesModule],
})
export class ToolResourcesModule {}
