import { listLexicons } from '$lib/ui/lexicons';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ lexicons: listLexicons() });
