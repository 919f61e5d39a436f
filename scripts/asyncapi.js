// Writes libs/contracts/asyncapi.json from the event catalogue. Build the lib first (npm run build).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderAsyncApiJson } from '../libs/contracts/dist/index.js';

const target = fileURLToPath(new URL('../libs/contracts/asyncapi.json', import.meta.url));
writeFileSync(target, renderAsyncApiJson());
process.stdout.write(`Wrote ${target}\n`);
