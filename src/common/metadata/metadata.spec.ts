import { metadataViolation } from './metadata';

describe(metadataViolation.name, () => {
  it('should accept up to 16 pairs of 64-character keys and 512-character values', () => {
    const full = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [String(i).padEnd(64, 'k'), 'v'.repeat(512)]));
    expect(metadataViolation(full)).toBeNull();
    expect(metadataViolation({})).toBeNull();
  });

  it.each([
    ['an array', ['a']],
    ['a string', 'a'],
    ['17 pairs', Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']))],
    ['a 65-character key', { ['k'.repeat(65)]: 'v' }],
    ['an empty key', { '': 'v' }],
    ['a 513-character value', { k: 'v'.repeat(513) }],
    ['a number value', { k: 1 }],
    ['a nested object', { k: { nested: 'v' } }],
  ])('should reject %s', (_name, value) => {
    expect(metadataViolation(value)).toEqual(expect.any(String));
  });
});
