import fs from 'node:fs';

/**
 * Where a server CPU profile (`npm run bench -- --profile DIR`) spent its time: self time by
 * function and inclusive time by source file. `npx tsx bench/run/profile-summary.ts FILE.cpuprofile`
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile');
const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const where = (n: Node) => {
  const url = n.callFrame.url.replace(/^file:\/\//, '').replace(/.*\/node_modules\//, 'npm:');
  return url.replace(/.*\/work\/main\//, '') || '(native)';
};
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
p.samples.forEach((id, i) => {
  const dt = p.timeDeltas[i] ?? 0;
  const n = byId.get(id);
  if (!n) return;
  total += dt;
  const name = `${n.callFrame.functionName || '(anonymous)'} ${where(n)}:${n.callFrame.lineNumber + 1}`;
  self.set(name, (self.get(name) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const node = byId.get(cur);
    if (!node) break;
    const key = where(node).replace(/^(npm:(@[^/]+\/)?[^/]+).*/, '$1');
    if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    seen.add(key);
  }
});
const top = (m: Map<string, number>, k: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, us]) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`);
console.log(
  `total ${(total / 1e6).toFixed(1)} s of samples\n\nself time:\n${top(self, 30).join('\n')}`,
);
console.log(`\ninclusive by file/package:\n${top(inclusive, 30).join('\n')}`);
