import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ToolResourcesModule } from '../tool-resources/tool-resources.module';
import { AssistantEntity } from './assistant.entity';
import { AssistantsController } from './assistants.controller';
import { AssistantsRepository } from './assistants.repository';
import { AssistantsService } from './assistants.service';

@Module({
  imports: [TypeOrmModule.forFeature([AssistantEntity]), ToolResourcesModule],
  controllers: [AssistantsController],
  providers: [AssistantsService, AssistantsRepository],
  exports: [AssistantsService],
})
export class AssistantsModule {}
