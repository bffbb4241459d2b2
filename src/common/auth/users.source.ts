import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { hashSync } from 'bcryptjs';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Environment } from '../../config/environment';
import { ConfiguredUser, parseAuthUsers } from './auth-users';

const GENERATED_USER = 'admin';
const GENERATED_FILE = 'auth-users';

/**
 * Where the users come from: `AUTH_USERS`, or — when it is unset — one generated `admin` user
 * whose password is printed once and whose bcrypt hash is kept under `DATA_DIR`, so there is
 * never a known default password.
 */
@Injectable()
export class UsersSource {
  private readonly logger = new Logger(UsersSource.name);
  private readonly users: Map<string, ConfiguredUser>;

  constructor(config: ConfigService<Environment, true>) {
    const configured = config.get('AUTH_USERS', { infer: true });
    // `||`, not `??`: an empty AUTH_USERS (as compose passes an unset variable) means "generate".
    this.users = parseAuthUsers(configured || this.generatedUsers(config.get('DATA_DIR', { infer: true })));
  }

  find(name: string): ConfiguredUser | undefined {
    return this.users.get(name);
  }

  private generatedUsers(dataDir: string): string {
    const file = join(dataDir, GENERATED_FILE);
    if (existsSync(file)) {
      this.logger.log(`AUTH_USERS is unset: using the generated credentials whose hash is in ${file}`);
      return readFileSync(file, 'utf8').trim();
    }
    const password = randomBytes(18).toString('base64url');
    const line = `${GENERATED_USER}:${hashSync(password, 10)}`;
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${line}\n`, { mode: 0o600 });
    // Printed once, straight to stderr whatever LOG_LEVEL says: the only copy of the password
    // is the operator's, so it must not depend on log settings (or end up in a log pipeline twice).
    process.stderr.write(
      `AUTH_USERS is unset: generated user "${GENERATED_USER}" with password "${password}" ` +
        `(shown once; its hash is kept in ${file}; set AUTH_USERS to choose your own)\n`,
    );
    return line;
  }
}
