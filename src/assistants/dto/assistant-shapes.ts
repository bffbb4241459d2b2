import { Metadata, metadataViolation } from '../../common/metadata/metadata';
import { shape, Violation } from '../../common/validation/shape-validator';
import { ChunkingStrategyParam, checkChunkingStrategy } from '../../retrieval/chunking';

/** Wire types of `tools`, `tool_resources` and `response_format`, as the `openai` package defines them. */
export type AssistantTool =
  | { type: 'code_interpreter' }
  | {
      type: 'file_search';
      file_search?: { max_num_results?: number; ranking_options?: { score_threshold: number; ranker?: string } };
    }
  | { type: 'function'; function: FunctionDefinition };

export interface FunctionDefinition {
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
  strict?: boolean | null;
}

export interface ToolResources {
  code_interpreter?: { file_ids?: string[] };
  file_search?: { vector_store_ids?: string[]; vector_stores?: InlineVectorStore[] };
}

/** A vector store created along with the assistant or thread (`tool_resources.file_search.vector_stores`). */
export interface InlineVectorStore {
  file_ids?: string[];
  chunking_strategy?: ChunkingStrategyParam;
  metadata?: Metadata | null;
}

export type ResponseFormat =
  | 'auto'
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema';
      json_schema: { name: string; description?: string; schema?: object; strict?: boolean | null };
    };

export const MAX_TOOLS = 128;
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const RANKERS = ['auto', 'default_2024_08_21'];

export function checkTools(value: unknown): Violation | null {
  if (!Array.isArray(value)) {
    return shape.fail('', 'must be an array of tools');
  }
  if (value.length > MAX_TOOLS) {
    return shape.fail('', `must have at most ${MAX_TOOLS} tools`);
  }
  const names = new Set<string>();
  for (const [index, tool] of value.entries()) {
    const violation = checkTool(tool, `[${index}]`);
    if (violation) {
      return violation;
    }
    if (tool.type === 'function') {
      if (names.has(tool.function.name)) {
        return shape.fail(`[${index}].function.name`, `duplicate function name '${tool.function.name}'`);
      }
      names.add(tool.function.name);
    }
  }
  return null;
}

function checkTool(tool: unknown, path: string): Violation | null {
  if (!shape.isObject(tool)) {
    return shape.fail(path, 'must be a tool object');
  }
  switch (tool.type) {
    case 'code_interpreter':
      return shape.unknownKey(tool, ['type'], path);
    case 'file_search':
      return (
        shape.unknownKey(tool, ['type', 'file_search'], path) ??
        checkFileSearch(tool.file_search, `${path}.file_search`)
      );
    case 'function':
      return shape.unknownKey(tool, ['type', 'function'], path) ?? checkFunction(tool.function, `${path}.function`);
    default:
      return shape.fail(`${path}.type`, "must be one of 'code_interpreter', 'file_search', 'function'");
  }
}

function checkFileSearch(options: unknown, path: string): Violation | null {
  if (options === undefined) {
    return null;
  }
  if (!shape.isObject(options)) {
    return shape.fail(path, 'must be an object');
  }
  const max = options.max_num_results;
  const ranking = options.ranking_options;
  return shape.firstOf(
    () => shape.unknownKey(options, ['max_num_results', 'ranking_options'], path),
    () =>
      max !== undefined && (!Number.isInteger(max) || (max as number) < 1 || (max as number) > 50)
        ? shape.fail(`${path}.max_num_results`, 'must be an integer between 1 and 50')
        : null,
    () => (ranking === undefined ? null : checkRankingOptions(ranking, `${path}.ranking_options`)),
  );
}

function checkRankingOptions(ranking: unknown, path: string): Violation | null {
  if (!shape.isObject(ranking)) {
    return shape.fail(path, 'must be an object');
  }
  const threshold = ranking.score_threshold;
  return shape.firstOf(
    () => shape.unknownKey(ranking, ['score_threshold', 'ranker'], path),
    () =>
      typeof threshold !== 'number' || threshold < 0 || threshold > 1
        ? shape.fail(`${path}.score_threshold`, 'must be a number between 0 and 1')
        : null,
    () =>
      ranking.ranker !== undefined && !RANKERS.includes(ranking.ranker as string)
        ? shape.fail(`${path}.ranker`, `must be one of ${RANKERS.map((r) => `'${r}'`).join(', ')}`)
        : null,
  );
}

function checkFunction(fn: unknown, path: string): Violation | null {
  if (!shape.isObject(fn)) {
    return shape.fail(path, 'must be a function definition object');
  }
  return shape.firstOf(
    () => shape.unknownKey(fn, ['name', 'description', 'parameters', 'strict'], path),
    () =>
      typeof fn.name !== 'string' || !FUNCTION_NAME.test(fn.name)
        ? shape.fail(`${path}.name`, 'must be 1 to 64 characters of a-z, A-Z, 0-9, underscores and dashes')
        : null,
    () =>
      fn.description !== undefined && typeof fn.description !== 'string'
        ? shape.fail(`${path}.description`, 'must be a string')
        : null,
    () =>
      fn.parameters !== undefined && !shape.isObject(fn.parameters)
        ? shape.fail(`${path}.parameters`, 'must be a JSON Schema object')
        : null,
    () =>
      fn.strict !== undefined && fn.strict !== null && typeof fn.strict !== 'boolean'
        ? shape.fail(`${path}.strict`, 'must be a boolean')
        : null,
  );
}

export function checkToolResources(value: unknown): Violation | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (!shape.isObject(value)) {
    return shape.fail('', 'must be an object');
  }
  const { code_interpreter: code, file_search: search } = value;
  return shape.firstOf(
    () => shape.unknownKey(value, ['code_interpreter', 'file_search'], ''),
    () => (code === undefined ? null : checkFileIds(code)),
    () => (search === undefined ? null : checkVectorStoreIds(search)),
  );
}

function checkFileIds(code: unknown): Violation | null {
  const path = 'code_interpreter';
  if (!shape.isObject(code)) {
    return shape.fail(path, 'must be an object');
  }
  return shape.firstOf(
    () => shape.unknownKey(code, ['file_ids'], path),
    () => (code.file_ids === undefined ? null : shape.stringArray(code.file_ids, `${path}.file_ids`, 20)),
  );
}

function checkVectorStoreIds(search: unknown): Violation | null {
  const path = 'file_search';
  if (!shape.isObject(search)) {
    return shape.fail(path, 'must be an object');
  }
  const ids = search.vector_store_ids;
  const inline = search.vector_stores;
  return shape.firstOf(
    () => shape.unknownKey(search, ['vector_store_ids', 'vector_stores'], path),
    () => (ids === undefined ? null : shape.stringArray(ids, `${path}.vector_store_ids`, 1)),
    () => (inline === undefined ? null : checkInlineStores(inline, `${path}.vector_stores`)),
    // OpenAI allowed one vector store per assistant or thread, however it is given.
    () =>
      Array.isArray(ids) && ids.length > 0 && Array.isArray(inline) && inline.length > 0
        ? shape.fail(`${path}.vector_stores`, 'cannot be given with vector_store_ids: one vector store at most')
        : null,
  );
}

function checkInlineStores(value: unknown, path: string): Violation | null {
  if (!Array.isArray(value) || value.length > 1) {
    return shape.fail(path, 'must be an array of at most 1 vector store');
  }
  const [store] = value as unknown[];
  if (store === undefined) {
    return null;
  }
  const at = `${path}[0]`;
  if (!shape.isObject(store)) {
    return shape.fail(at, 'must be an object');
  }
  const strategy = checkChunkingStrategy(store.chunking_strategy);
  const metadata = store.metadata == null ? null : metadataViolation(store.metadata);
  return shape.firstOf(
    () => shape.unknownKey(store, ['file_ids', 'chunking_strategy', 'metadata'], at),
    () => (store.file_ids === undefined ? null : shape.stringArray(store.file_ids, `${at}.file_ids`, 10_000)),
    () =>
      strategy &&
      shape.fail(
        strategy.path ? `${at}.chunking_strategy.${strategy.path}` : `${at}.chunking_strategy`,
        strategy.message,
      ),
    () => (metadata === null ? null : shape.fail(`${at}.metadata`, metadata)),
  );
}

export function checkResponseFormat(value: unknown): Violation | null {
  if (value === null || value === undefined || value === 'auto') {
    return null;
  }
  if (!shape.isObject(value)) {
    return shape.fail('', "must be 'auto' or an object with a type");
  }
  switch (value.type) {
    case 'text':
    case 'json_object':
      return shape.unknownKey(value, ['type'], '');
    case 'json_schema':
      return shape.unknownKey(value, ['type', 'json_schema'], '') ?? checkJsonSchema(value.json_schema);
    default:
      return shape.fail('type', "must be one of 'text', 'json_object', 'json_schema'");
  }
}

function checkJsonSchema(format: unknown): Violation | null {
  const path = 'json_schema';
  if (!shape.isObject(format)) {
    return shape.fail(path, 'must be an object');
  }
  return shape.firstOf(
    () => shape.unknownKey(format, ['name', 'description', 'schema', 'strict'], path),
    () =>
      typeof format.name !== 'string' || !FUNCTION_NAME.test(format.name)
        ? shape.fail(`${path}.name`, 'must be 1 to 64 characters of a-z, A-Z, 0-9, underscores and dashes')
        : null,
    () =>
      format.schema !== undefined && !shape.isObject(format.schema)
        ? shape.fail(`${path}.schema`, 'must be a JSON Schema object')
        : null,
  );
}
