export default { input: 'src/core/kernels/scratch/profrun.ts', platform: 'node', external: [/^@tensorflow\//], output: { file: 'src/core/kernels/scratch/profrun.mjs', format: 'esm' } };
