import { handleImport } from '$lib/server/api';
import { getStore } from '$lib/server';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ request }) => handleImport(getStore(), request);
