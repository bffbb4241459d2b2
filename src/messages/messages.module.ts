import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesModule } from '../files/files.module';
import { MessageEntity } from './message.entity';
import { MessageDrafter } from './message-drafter';
import { MessagesController } from './messages.controller';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';

@Module({
  imports: [TypeOrmModule.forFeature([MessageEntity]), FilesModule],
  controllers: [MessagesController],
  providers: [MessagesService, MessagesRepository, MessageDrafter],
  exports: [MessagesService, MessagesRepository, MessageDrafter],
})
export class MessagesModule {}
