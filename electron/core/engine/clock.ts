/** Time for the engine, injectable so propagation waits run instantly in tests. */
export interface EngineClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: EngineClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
