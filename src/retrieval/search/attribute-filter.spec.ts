import { checkAttributeFilter, compileAttributeFilter } from './attribute-filter';

describe(checkAttributeFilter.name, () => {
  it('should accept comparison and nested compound filters', () => {
    expect(
      checkAttributeFilter({
        type: 'and',
        filters: [
          { type: 'eq', key: 'lang', value: 'fr' },
          {
            type: 'or',
            filters: [
              { type: 'gte', key: 'year', value: 2020 },
              { type: 'in', key: 'tag', value: ['a', 'b'] },
            ],
          },
        ],
      }),
    ).toBeNull();
  });

  it.each([
    [{ type: 'like', key: 'a', value: 'b' }, 'type'],
    [{ type: 'eq', value: 'b' }, 'key'],
    [{ type: 'eq', key: 'a', value: { nested: true } }, 'value'],
    [{ type: 'in', key: 'a', value: 'x' }, 'value'],
    [{ type: 'and', filters: [] }, 'filters'],
    [{ type: 'or', filters: [{ type: 'eq', key: 'a' }] }, 'filters[0].value'],
  ])('should reject %j at %s', (filter, path) => {
    expect(checkAttributeFilter(filter)?.path).toBe(path);
  });
});

describe(compileAttributeFilter.name, () => {
  it('should compile to parameterised SQL, never interpolating values', () => {
    const params: unknown[] = [];
    const sql = compileAttributeFilter(
      {
        type: 'and',
        filters: [
          { type: 'eq', key: "x'; DROP", value: 'y' },
          { type: 'lt', key: 'n', value: 3 },
        ],
      },
      'a',
      params,
    );
    expect(sql).toBe(
      "((a -> $1) = $2::jsonb AND (CASE WHEN jsonb_typeof(a -> $3) = 'number' THEN (a ->> $3)::numeric END) < $4::numeric)",
    );
    expect(params).toEqual(["x'; DROP", '"y"', 'n', 3]);
  });
});
