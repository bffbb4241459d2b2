import { InitialSchema1795432787445 } from './1795432787445-InitialSchema';

/** Every migration, in order. Listed explicitly so the app, the CLI and the tests load the same set. */
export const MIGRATIONS = [InitialSchema1795432787445];
