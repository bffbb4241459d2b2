import { shape, Violation } from '../../common/validation/shape-validator';

type Scalar = string | number | boolean;

/** The `filters` of a search, as the `openai` package types them (Shared.ComparisonFilter / CompoundFilter). */
export type AttributeFilter = ComparisonFilter | CompoundFilter;
type ComparisonFilter =
  | { type: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'; key: string; value: Scalar }
  | { type: 'in' | 'nin'; key: string; value: Array<string | number> };
type CompoundFilter = { type: 'and' | 'or'; filters: AttributeFilter[] };

const isCompound = (filter: AttributeFilter): filter is CompoundFilter => 'filters' in filter;

const COMPARISONS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin'];
const MAX_DEPTH = 8;

export function checkAttributeFilter(value: unknown, path = '', depth = 0): Violation | null {
  if (!shape.isObject(value)) {
    return shape.fail(path, 'must be a comparison or compound filter object');
  }
  if (value.type === 'and' || value.type === 'or') {
    if (!Array.isArray(value.filters) || value.filters.length === 0 || depth >= MAX_DEPTH) {
      return shape.fail(
        join(path, 'filters'),
        `must be a non-empty array of filters (nested at most ${MAX_DEPTH} deep)`,
      );
    }
    for (const [index, filter] of value.filters.entries()) {
      const violation = checkAttributeFilter(filter, `${join(path, 'filters')}[${index}]`, depth + 1);
      if (violation) {
        return violation;
      }
    }
    return shape.unknownKey(value, ['type', 'filters'], path || 'filters');
  }
  if (!COMPARISONS.includes(value.type as string)) {
    return shape.fail(join(path, 'type'), `must be one of ${[...COMPARISONS, 'and', 'or'].join(', ')}`);
  }
  if (typeof value.key !== 'string' || value.key === '') {
    return shape.fail(join(path, 'key'), 'must be an attribute name');
  }
  const list = value.type === 'in' || value.type === 'nin';
  const ok = list
    ? Array.isArray(value.value) && value.value.every((item) => ['string', 'number'].includes(typeof item))
    : ['string', 'number', 'boolean'].includes(typeof value.value);
  return ok
    ? null
    : shape.fail(
        join(path, 'value'),
        list ? 'must be an array of strings or numbers' : 'must be a string, number or boolean',
      );
}

/**
 * Compiles a filter to a SQL condition on the JSONB column `column`, appending its values to
 * `params` (never interpolated). Numbers compare numerically, strings and booleans by equality.
 */
export function compileAttributeFilter(filter: AttributeFilter, column: string, params: unknown[]): string {
  if (isCompound(filter)) {
    const parts = filter.filters.map((inner) => compileAttributeFilter(inner, column, params));
    return `(${parts.join(filter.type === 'and' ? ' AND ' : ' OR ')})`;
  }
  params.push(filter.key);
  const key = `$${params.length}`;
  if (filter.type === 'in' || filter.type === 'nin') {
    params.push(JSON.stringify(filter.value));
    const member = `(${column} -> ${key}) <@ $${params.length}::jsonb`;
    return filter.type === 'in' ? member : `NOT coalesce(${member}, false)`;
  }
  params.push(filter.type === 'eq' || filter.type === 'ne' ? JSON.stringify(filter.value) : filter.value);
  const value = `$${params.length}`;
  switch (filter.type) {
    case 'eq':
      return `(${column} -> ${key}) = ${value}::jsonb`;
    case 'ne':
      return `(${column} -> ${key}) IS DISTINCT FROM ${value}::jsonb`;
    default: {
      const operator = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[filter.type];
      const numeric = typeof filter.value === 'number';
      const left = numeric
        ? `(CASE WHEN jsonb_typeof(${column} -> ${key}) = 'number' THEN (${column} ->> ${key})::numeric END)`
        : `(${column} ->> ${key})`;
      return `${left} ${operator} ${value}${numeric ? '::numeric' : '::text'}`;
    }
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
