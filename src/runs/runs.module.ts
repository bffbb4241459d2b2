import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssistantsModule } from '../assistants/assistants.module';
import { FilesModule } from '../files/files.module';
import { MessagesModule } from '../messages/messages.module';
import { ModelModule } from '../model/model.module';
import { QueueModule } from '../queue/queue.module';
import { ThreadsModule } from '../threads/threads.module';
import { PromptAssembler } from './engine/prompt-assembler';
import { RunEvents } from './engine/run-events';
import { RunExecutor } from './engine/run-executor';
import { RunLifecycle } from './engine/run-lifecycle';
import { SERVER_TOOLS } from './engine/server-tool';
import { ToolDispatcher } from './engine/tool-dispatcher';
import { RunDispatcher } from './execution/run-dispatcher';
import { RunSweeper } from './execution/run-sweeper';
import { RunWorker } from './execution/run-worker';
import { RunEntity } from './run.entity';
import { RunResponder } from './run-responder';
import { RunWaiter } from './run-waiter';
import { RunsController } from './runs.controller';
import { RunsRepository } from './runs.repository';
import { RunsService } from './runs.service';
import { RunStepEntity } from './steps/run-step.entity';
import { RunStepsController } from './steps/run-steps.controller';
import { RunStepsRepository } from './steps/run-steps.repository';
import { RunStepsService } from './steps/run-steps.service';
import { FileSearchTool } from './tools/file-search/file-search.tool';
import { VectorStoresModule } from '../vector-stores/vector-stores.module';

@Module({
  imports: [
    TypeOrmModule.forFeature([RunEntity, RunStepEntity]),
    AssistantsModule,
    ThreadsModule,
    MessagesModule,
    FilesModule,
    QueueModule,
    VectorStoresModule,
    ModelModule,
  ],
  controllers: [RunsController, RunStepsController],
  providers: [
    RunsService,
    RunsRepository,
    RunStepsService,
    RunStepsRepository,
    RunResponder,
    RunWaiter,
    RunDispatcher,
    RunWorker,
    RunSweeper,
    RunExecutor,
    RunLifecycle,
    RunEvents,
    PromptAssembler,
    ToolDispatcher,
    // Server-side tools register here; the executor's loop does not change.
    FileSearchTool,
    { provide: SERVER_TOOLS, useFactory: (fileSearch: FileSearchTool) => [fileSearch], inject: [FileSearchTool] },
  ],
  exports: [RunsService],
})
export class RunsModule {}
