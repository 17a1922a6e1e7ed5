import { parentPort, workerData } from 'node:worker_threads';
import { prepareLines, unitFinder, type ImportUnit } from './import-prepare.js';

/** Worker thread of the import: prepares batches of lines (import.ts sends them, in order). */
const findUnit = unitFinder((workerData as { units: ImportUnit[] }).units);
parentPort!.on('message', (m: { id: number; lines: string[]; firstLine: number }) => {
  parentPort!.postMessage({ id: m.id, prepared: prepareLines(m.lines, m.firstLine, findUnit) });
});
