// Worker threads do not inherit tsx's loader (nor Vite's): when running from source,
// register tsx in the thread, then load the TypeScript entry. The built server never uses this file.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
