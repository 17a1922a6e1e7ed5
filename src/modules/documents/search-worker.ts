import { indexTextsOf } from '../../platform/search/text.js';
import { serveCalls } from '../../platform/worker/thread.js';

/** Worker thread of bulk indexing: makes the index texts of a batch of documents (search.ts, indexAhead). */
serveCalls(indexTextsOf);
