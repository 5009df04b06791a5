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
});
