import { ID_PREFIX, newId } from './ids';

describe(newId.name, () => {
  it.each(Object.entries(ID_PREFIX))('should prefix %s ids with %s and 24 base-62 characters', (kind, prefix) => {
    const id = newId(kind as keyof typeof ID_PREFIX);
    expect(id.startsWith(prefix)).toBe(true);
    expect(id.slice(prefix.length)).toMatch(/^[A-Za-z0-9]{24}$/);
  });

  it('should not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId('message')));
    expect(ids.size).toBe(10_000);
  });
});
