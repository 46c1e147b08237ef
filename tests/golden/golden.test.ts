import { describe, expect, test } from 'vitest';
import { analyzeSeeds, diffGolden, goldenOf, readGolden } from '../../scripts/eval/golden';

// Analysed once: five pages, shared by every case below.
const records = analyzeSeeds();

describe('golden corpus', () => {
	test.each(records.map((r) => [r.id, r] as const))('seed %s still gives its reviewed record', (id, record) => {
		const expected = readGolden(id);
		expect(expected, `tests/golden/${id}.json is missing: run npm run golden:update and review it`).not.toBeNull();
		const changes = diffGolden(expected, goldenOf(record));
		expect(changes, `${id} changed (run npm run golden:update, then review the diff):\n${changes.join('\n')}`).toEqual([]);
	});
});
