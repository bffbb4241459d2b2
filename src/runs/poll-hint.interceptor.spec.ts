import { pollAfterMs } from './poll-hint.interceptor';

describe(pollAfterMs.name, () => {
  it('should ask for a quick poll while a run is young', () => {
    expect(pollAfterMs({ created_at: 100, started_at: null }, 100)).toBe(50);
  });

  it('should slow down as the run ages, never beyond SPEC §2’s 1000 ms', () => {
    expect(pollAfterMs({ created_at: 100, started_at: 101 }, 103)).toBe(550);
    expect(pollAfterMs({ created_at: 100, started_at: 101 }, 200)).toBe(1000);
  });
});
