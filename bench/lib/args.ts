import { parseArgs } from 'node:util';

type Spec = Record<string, { default: string; help: string }>;

/** `--name value` options with defaults; `--help` prints them and exits. */
export function options<S extends Spec>(usage: string, spec: S): { [K in keyof S]: string } {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      ...Object.fromEntries(Object.keys(spec).map((k) => [k, { type: 'string' as const }])),
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    for (const [k, v] of Object.entries(spec))
      console.log(`  --${k.padEnd(16)} ${v.help} (default ${v.default || '—'})`);
    process.exit(0);
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(spec)) {
    const given = (values as Record<string, string | boolean | undefined>)[k];
    out[k] = typeof given === 'string' ? given : v.default;
  }
  return out as { [K in keyof S]: string };
}

export function positiveInt(name: string, value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a whole number, got ${value}`);
  return n;
}
