/**
 * Times a function and a baseline in the same run, interleaved so machine noise hits both
 * alike, and prints the figures. Benchmarks print; they never pass or fail on time.
 */
export interface Measurement {
  name: string
  medianMicros: number
}

export function measure(fn: () => void, iterations: number, rounds = 7): number {
  for (let i = 0; i < iterations; i++) fn() // warm up the JIT
  const samples: number[] = []
  for (let r = 0; r < rounds; r++) {
    const start = performance.now()
    for (let i = 0; i < iterations; i++) fn()
    samples.push(((performance.now() - start) * 1000) / iterations)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)]!
}

export function compare(title: string, baseline: [string, () => void], subject: [string, () => void], iterations: number): void {
  const base = measure(baseline[1], iterations)
  const value = measure(subject[1], iterations)
  console.log(`\n${title}`)
  console.log(`  ${baseline[0].padEnd(44)} ${base.toFixed(1).padStart(9)} µs`)
  console.log(`  ${subject[0].padEnd(44)} ${value.toFixed(1).padStart(9)} µs   ${(value / base).toFixed(2)}x baseline`)
}
