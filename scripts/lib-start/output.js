/** Console output of `npm start`: every line of a child process prefixed with its name, as Procfile runners do. */
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const COLOURS = [36, 33, 35, 32, 34, 96, 93, 95];
const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
let width = 8;
const colourOf = new Map();

/** Pads every prefix to the longest name so the output lines up. */
export function alignPrefixes(names) {
  width = Math.max(width, ...names.map((name) => name.length));
}

function prefix(name) {
  if (!colourOf.has(name)) colourOf.set(name, COLOURS[colourOf.size % COLOURS.length]);
  const label = name.padEnd(width);
  return useColour ? `\u001b[${colourOf.get(name)}m${label}\u001b[0m | ` : `${label} | `;
}

export function say(name, text) {
  for (const line of String(text).split('\n')) process.stdout.write(`${prefix(name)}${line}\n`);
}

export function warn(name, text) {
  for (const line of String(text).split('\n')) process.stderr.write(`${prefix(name)}${line}\n`);
}

/** Copies a child's output stream line by line under its name. */
export function relayLines(name, stream, write = say) {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => write(name, line));
}

export function bold(text) {
  return useColour ? `\u001b[1m${text}\u001b[0m` : text;
}

/** The last lines of a log file, to show beside an error. */
export function tail(file, lines = 20) {
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  return `Last lines of ${file}:\n${text}`;
}
