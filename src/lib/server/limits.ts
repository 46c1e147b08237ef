import { DEFAULT_MAX_BYTES } from '$lib/text/decode';

/** Upload limits, read from the environment so a deployment can raise or lower them. */
export type Limits = {
	/** Bytes per file (or per pasted text). `SLANT_MAX_FILE_BYTES`, default 5 MB. */
	maxFileBytes: number;
	/** Files (or JSON articles) per request. `SLANT_MAX_FILES`, default 500. */
	maxFiles: number;
	/** Bytes per request, checked against `content-length` before the body is read. `SLANT_MAX_REQUEST_BYTES`. */
	maxRequestBytes: number;
};

function positiveInt(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n <= 0) throw new Error(`slant: expected ${name} to be a positive whole number, found "${raw}"`);
	return n;
}

/** The limits in force for this process. */
export function readLimits(): Limits {
	const maxFileBytes = positiveInt('SLANT_MAX_FILE_BYTES', DEFAULT_MAX_BYTES);
	const maxFiles = positiveInt('SLANT_MAX_FILES', 500);
	// A full batch of full files would be 2.5 GB; one request is capped lower, and a
	// bigger import is several requests.
	const maxRequestBytes = positiveInt('SLANT_MAX_REQUEST_BYTES', Math.min(maxFileBytes * maxFiles, 64 * 1024 * 1024) + 64 * 1024);
	return { maxFileBytes, maxFiles, maxRequestBytes };
}
