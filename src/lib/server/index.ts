import { createMemoryStore } from './memory';
import type { Store } from './store';

export type { ArticleSummary, Store, StorySummary } from './store';

let store: Store | null = null;

/** The process-wide store, opened on first use. */
export function getStore(): Store {
	store ??= createMemoryStore();
	return store;
}
