import type { AnalysisRecord, ErrorRecord } from '../nlp/types';

/** A record already serialised, as `npm run score` writes it: the thread that scored it does the JSON work too. */
export type JsonRecord = { id: string; json: string; error: string | null };

/** A record, or an input that could not be read, as one JSON line. */
export function jsonRecord(rec: AnalysisRecord | ErrorRecord): JsonRecord {
	return { id: rec.id, json: JSON.stringify(rec), error: 'error' in rec ? rec.error : null };
}
