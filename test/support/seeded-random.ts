/** mulberry32: a small seeded PRNG, so a fuzz failure reproduces from its printed seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The seed from PUSHDECK_FUZZ_SEED when set (to replay a failure), otherwise a fresh one. */
export function fuzzSeed(): number {
  const fromEnv = Number(process.env.PUSHDECK_FUZZ_SEED)
  return Number.isInteger(fromEnv) && process.env.PUSHDECK_FUZZ_SEED !== '' ? fromEnv : Math.floor(Math.random() * 2 ** 31)
}
