import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VectorStoreEntity } from './vector-store.entity';
import { VectorStoresController } from './vector-stores.controller';
import { VectorStoresRepository } from './vector-stores.repository';
import { VectorStoresService } from './vector-stores.service';

@Module({
  imports: [TypeOrmModule.forFeature([VectorStoreEntity])],
  controllers: [VectorStoresController],
  providers: [VectorStoresService, VectorStoresRepository],
  exports: [VectorStoresService],
})
export class VectorStoresModule {}
