/// <reference types="vitest/config" />
// Runs only the throughput measurement (not part of `npm run test:unit`):
//   npx vitest run -c src/test-support/kernels/measure.config.ts
// Env: MEASURE=mlp,cnn,lstm,fastlstm (default all), MEASURE_BEFORE=0 to skip the stock-kernel figures.
import { defineConfig } from 'vite';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/test-support/kernels/measure.bench-only.ts'],
    testTimeout: 600_000,
    pool: 'forks',
  },
});
