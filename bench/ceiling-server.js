'use strict';

/**
 * The ceiling: the fastest a NestJS + pg endpoint can serve one primary-key read on this machine.
 * Same framework, HTTP adapter, driver, pool size and database as Poste, but nothing else: no
 * auth, guards, interceptors, validation, logging, ORM or DI. Poste's figures are read as a
 * fraction of this one.
 *
 * Plain CommonJS so it needs no build; decorators are applied by hand. Environment:
 * DATABASE_URL, PORT, HOST (default 127.0.0.1), POOL_SIZE (default 10).
 */

require('reflect-metadata');
const { NestFactory } = require('@nestjs/core');
const { Controller, Get, Module, NotFoundException, Param } = require('@nestjs/common');
const { Pool } = require('pg');

// A module-level pool rather than an injected provider: DI is framework overhead the ceiling skips.
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
});

class CeilingController {
  async get(id) {
    const { rows } = await pool.query('SELECT * FROM assistants WHERE id = $1', [id]);
    if (rows.length === 0) {
      // A 404 rather than an empty 200, so a wrong id shows up as non-2xx in the results.
      throw new NotFoundException();
    }
    return rows[0];
  }
}
Controller('ceiling')(CeilingController);
Get(':id')(CeilingController.prototype, 'get', Object.getOwnPropertyDescriptor(CeilingController.prototype, 'get'));
Param('id')(CeilingController.prototype, 'get', 0);

class CeilingModule {}
Module({ controllers: [CeilingController] })(CeilingModule);

async function main() {
  const app = await NestFactory.create(CeilingModule, { logger: false });
  await app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
  // The harness stops us with SIGTERM; close the pool so Postgres sees clean disconnects.
  process.once('SIGTERM', () => pool.end().finally(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
