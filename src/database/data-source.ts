import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/environment';
import { typeormOptions } from './typeorm-options';

/**
 * The data source of the TypeORM CLI (`npm run migration:*`). It needs `DATABASE_URL`; the
 * server itself also runs pending migrations at start, embedded server included.
 */
const env = validateEnvironment(process.env);
if (!env.DATABASE_URL) {
  throw new Error('Invalid configuration: DATABASE_URL must be set for the migration CLI');
}
export default new DataSource(typeormOptions(env.DATABASE_URL, 2));
