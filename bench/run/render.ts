import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/paths.js';
import type { BenchReport } from './bench.js';
import { writeMarkdown } from './report.js';

/** Re-renders the results section of docs/performance.md from a results file (default latest). */
const file = path.resolve(repoRoot, process.argv[2] ?? 'bench/results/latest.json');
const report = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchReport;
await writeMarkdown(path.join(repoRoot, 'docs/performance.md'), report);
console.log(`docs/performance.md results section rendered from ${path.relative(repoRoot, file)}`);
