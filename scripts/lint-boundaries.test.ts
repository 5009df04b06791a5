/**
 * The import boundaries of ARCHITECTURE.md are enforced by ESLint: a deliberate violation in
 * each room must fail lint, and the allowed imports must pass.
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const eslint = new ESLint({ cwd: root });

async function errors(code: string, file: string): Promise<string[]> {
  const [res] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return res!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it('forbids tfjs in ui', async () => {
    expect(
      await errors("import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n", 'src/ui/Bad.tsx'),
    ).toContain('no-restricted-imports');
  });
  it('forbids value imports from core in ui, allows type imports', async () => {
    expect(
      await errors(
        "import { getColumn } from '../core/data/table';\nexport const x = getColumn;\n",
        'src/ui/Bad.tsx',
      ),
    ).toContain('@typescript-eslint/no-restricted-imports');
    expect(
      await errors(
        "import type { Table } from '../core/data/table';\nexport type X = Table;\n",
        'src/ui/Ok.tsx',
      ),
    ).toEqual([]);
  });
  it('forbids react and workers in core', async () => {
    expect(
      await errors("import { useState } from 'react';\nexport const x = useState;\n", 'src/core/x/Bad.ts'),
    ).toContain('no-restricted-imports');
    expect(
      await errors(
        "import { trainModel } from '../../workers/client';\nexport const x = trainModel;\n",
        'src/core/x/Bad.ts',
      ),
    ).toContain('no-restricted-imports');
  });
  it('forbids tfjs in state and react in workers', async () => {
    expect(
      await errors("import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n", 'src/state/bad.ts'),
    ).toContain('no-restricted-imports');
    expect(
      await errors("import { useState } from 'react';\nexport const x = useState;\n", 'src/workers/bad.ts'),
    ).toContain('no-restricted-imports');
  });
  it('forbids value imports from core in state, allows type imports', async () => {
    expect(
      await errors(
        "import { getColumn } from '../core/data/table';\nexport const x = getColumn;\n",
        'src/state/bad.ts',
      ),
    ).toContain('@typescript-eslint/no-restricted-imports');
    expect(
      await errors(
        "import type { Table } from '../core/data/table';\nexport type X = Table;\n",
        'src/state/ok.ts',
      ),
    ).toEqual([]);
    expect(
      await errors(
        "import { type Table } from '../core/data/table';\nexport type X = Table;\n",
        'src/state/ok.ts',
      ),
    ).toEqual([]);
  });
  it('gives the bench page the ui rules, and its own workers the worker rules', async () => {
    expect(
      await errors("import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n", 'src/bench/bad.ts'),
    ).toContain('no-restricted-imports');
    expect(
      await errors(
        "import { mulberry32 } from '../core/random';\nexport const x = mulberry32;\n",
        'src/bench/bad.ts',
      ),
    ).toContain('@typescript-eslint/no-restricted-imports');
    expect(
      await errors(
        "import { analyzeWav } from '../workers/audioClient';\nexport const x = analyzeWav;\n",
        'src/bench/bad.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await errors("import type { Rng } from '../core/random';\nexport type X = Rng;\n", 'src/bench/ok.ts'),
    ).toEqual([]);
    expect(
      await errors(
        "import * as tf from '@tensorflow/tfjs';\nimport { mulberry32 } from '../../core/random';\nexport const x = [tf, mulberry32];\n",
        'src/bench/workers/ok.ts',
      ),
    ).toEqual([]);
    expect(
      await errors(
        "import { useStore } from '../../state/store';\nexport const x = useStore;\n",
        'src/bench/workers/bad.ts',
      ),
    ).toContain('no-restricted-imports');
  });
  it('forbids test-support in production files, allows it in tests and the bench', async () => {
    const fixtures = (up: string) =>
      `import { linearSet } from '${up}test-support/train/fixtures';\nexport const x = linearSet;\n`;
    for (const file of ['src/core/train/bad.ts', 'src/workers/bad.ts', 'src/state/bad.ts']) {
      const up = '../'.repeat(file.split('/').length - 2);
      expect(await errors(fixtures(up), file)).toContain('no-restricted-imports');
    }
    expect(await errors(fixtures('../'), 'src/ui/Bad.tsx')).toContain('no-restricted-imports');
    expect(await errors(fixtures('../../'), 'src/core/train/ok.test.ts')).toEqual([]);
    expect(await errors(fixtures('../'), 'src/workers/ok.test.ts')).toEqual([]);
    expect(await errors(fixtures('../'), 'src/bench/ok.ts')).toEqual([]);
    expect(await errors(fixtures('../../'), 'src/bench/workers/ok.ts')).toEqual([]);
    // Tests keep their room's other rules.
    expect(
      await errors(
        "import { useState } from 'react';\nexport const x = useState;\n",
        'src/core/x/bad.test.ts',
      ),
    ).toContain('no-restricted-imports');
  });
  it('holds test-support to the core rules', async () => {
    expect(
      await errors(
        "import { useState } from 'react';\nexport const x = useState;\n",
        'src/test-support/bad.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await errors(
        "import { useStore } from '../../state/store';\nexport const x = useStore;\n",
        'src/test-support/x/bad.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(await errors('export const w = window.innerWidth;\n', 'src/test-support/bad.ts')).toContain(
      'no-restricted-globals',
    );
    expect(
      await errors(
        "import { mulberry32 } from '../../core/random';\nimport { readFileSync } from 'node:fs';\nexport const x = [mulberry32, readFileSync];\n",
        'src/test-support/x/ok.ts',
      ),
    ).toEqual([]);
  });
  it("lets src/test-support/state fake the store's worker client, never tfjs or ui", async () => {
    expect(
      await errors(
        "import { CancelledError } from '../../workers/client';\nimport type { Deps } from '../../state/deps';\nexport type X = Deps;\nexport const x = CancelledError;\n",
        'src/test-support/state/ok.ts',
      ),
    ).toEqual([]);
    expect(
      await errors(
        "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n",
        'src/test-support/state/bad.ts',
      ),
    ).toContain('no-restricted-imports');
  });
});
