import { DataSourceOptions } from 'typeorm';
import { join } from 'node:path';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Options shared by the app and the migration CLI: schema only through migrations. */
export function typeormOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    poolSize,
    namingStrategy: new SnakeNamingStrategy(),
    entities: [join(__dirname, '..', '**', '*.entity.{ts,js}')],
    migrations: [join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    synchronize: false,
  };
}
