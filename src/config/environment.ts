import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateBy, validateSync } from 'class-validator';
import { authUsersViolation } from '../common/auth/auth-users';

/** Numeric strings become numbers; anything else stays as given, so the error can quote it. */
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

/**
 * Every environment variable Poste reads, validated once at boot.
 * Documented in `.env.example` and the README; nothing else reads `process.env`.
 */
export class Environment {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '0.0.0.0';

  /** Where the embedded Postgres cluster, uploaded files and generated credentials live. */
  @IsOptional()
  @IsString()
  DATA_DIR = './.data';

  /** External PostgreSQL; when unset an embedded server is started under DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_POSTGRES_PORT = 5433;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Comma-separated `user:secret` pairs; a secret may be a bcrypt or argon2 hash. */
  @IsOptional()
  @ValidateBy({
    name: 'authUsers',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && authUsersViolation(value) === null,
      defaultMessage: (args) => `AUTH_USERS ${authUsersViolation(String(args?.value)) ?? 'is invalid'}`,
    },
  })
  AUTH_USERS?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /**
   * Express' `trust proxy`: which proxies may set X-Forwarded-For, so auth-failure limits count
   * real clients (`true`, a hop count, or a comma list of addresses/subnets). Off by default.
   */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_READ = 600;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_POLL = 1200;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_WRITE = 120;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_RUN = 60;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_UPLOAD = 20;

  /** Failed Basic-auth attempts allowed per client address and minute before answering 429. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_AUTH_FAILURES = 20;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  FILE_MAX_BYTES = 512 * 1024 * 1024;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  JSON_BODY_MAX_BYTES = 2 * 1024 * 1024;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * Which background work this process does: `worker` and `all` execute queued runs and sweep
   * (expiry, dead workers); `api` does neither. Every role serves HTTP; streaming runs execute in
   * the process that serves the stream.
   */
  @IsOptional()
  @IsIn(['api', 'worker', 'all'])
  POSTE_ROLE: 'api' | 'worker' | 'all' = 'all';

  /** Runs one worker process executes at once. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  WORKER_CONCURRENCY = 8;

  /**
   * Longest a file may take to index. A job still running after it is taken for dead (its
   * worker crashed) and retried, so it must exceed the slowest file's indexing.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  INDEXING_TIMEOUT_SECONDS = 300;

  /** Files one worker process indexes at once. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(32)
  INDEXING_CONCURRENCY = 2;

  /** How often the job queue looks for jobs of dead workers (past their timeout) to retry. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3_600)
  QUEUE_MAINTENANCE_SECONDS = 60;

  /** A run not finished this long after creation (incl. waiting for tool outputs) expires. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RUN_EXPIRES_AFTER_SECONDS = 600;

  /** Run steps one run may take before it fails (guards against tool-call loops). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  RUN_MAX_STEPS = 25;

  /** A worker that has not renewed its lease on a run for this long is presumed dead. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(3)
  @Max(600)
  RUN_LEASE_SECONDS = 15;

  /** Per model call: time limit and retries of transient errors (429, 5xx, network). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  MODEL_TIMEOUT_MS = 120_000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10)
  MODEL_MAX_RETRIES = 3;

  /** The model endpoint, read by the `openai` package under its own names. */
  @IsOptional()
  @IsString()
  OPENAI_BASE_URL?: string;

  @IsOptional()
  @IsString()
  OPENAI_API_KEY?: string;

  /**
   * An embeddings model on the same endpoint (e.g. `text-embedding-3-small`). With it, and the
   * pgvector `vector` extension in the database, file search is hybrid (keyword + vector).
   */
  @IsOptional()
  @IsString()
  EMBEDDINGS_MODEL?: string;

  /** Texts per embeddings request while indexing. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(2048)
  EMBEDDINGS_BATCH_SIZE = 64;
}

/** Validates the environment; throws one line naming the first bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  // Compose and shells pass unset variables as empty strings: treat them as absent so defaults apply.
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const env = plainToInstance(Environment, present, { exposeDefaultValues: true });
  const [error] = validateSync(env);
  if (error) {
    const constraints = error.constraints ?? {};
    // A wrong type explains itself better than the range checks that also fail.
    const reason = constraints.isInt ?? Object.values(constraints)[0] ?? 'is invalid';
    const secret = /USERS|KEY|URL/.test(error.property);
    const shown = secret ? '' : ` (got "${String(error.value)}")`;
    throw new Error(`Invalid configuration: ${error.property} ${reason.replace(`${error.property} `, '')}${shown}`);
  }
  return env;
}
