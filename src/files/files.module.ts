import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { diskStorage } from 'multer';
import { Environment } from '../config/environment';
import { FileEntity } from './file.entity';
import { FileStorage, incomingDir } from './file-storage';
import { FilesController } from './files.controller';
import { FilesRepository } from './files.repository';
import { FilesService } from './files.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([FileEntity]),
    MulterModule.registerAsync({
      inject: [ConfigService],
      // Uploads stream to disk as they arrive; the size limit aborts them early (→ 413).
      useFactory: (config: ConfigService<Environment, true>) => ({
        storage: diskStorage({ destination: incomingDir(config.get('DATA_DIR', { infer: true })) }),
        limits: { fileSize: config.get('FILE_MAX_BYTES', { infer: true }), files: 1, fields: 10 },
      }),
    }),
  ],
  controllers: [FilesController],
  providers: [FilesService, FilesRepository, FileStorage],
  exports: [FilesService],
})
export class FilesModule {}
