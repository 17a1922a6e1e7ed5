import { serveCalls } from '../../platform/worker/thread.js';
import { prepareLines, unitFinder, type ImportUnit } from './import-prepare.js';

/** Worker thread of the import: prepares batches of lines (import.ts sends them, in order). */
let findUnit: ReturnType<typeof unitFinder> | undefined;
serveCalls((m: { lines: string[]; firstLine: number }, data: { units: ImportUnit[] }) => prepareLines(m.lines, m.firstLine, findUnit ??= unitFinder(data.units)));
