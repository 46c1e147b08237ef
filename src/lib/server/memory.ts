import { openStore } from './index';
import type { Store } from './store';

/** A private in-memory database holding the seed corpus; for tests and scripts. */
export function createMemoryStore(): Store {
	return openStore(':memory:');
}
