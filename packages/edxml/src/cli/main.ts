/** Entry point of the `vanban-edxml` bin (see bin/vanban-edxml.mjs). */
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2));
