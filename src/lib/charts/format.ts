/** Number formats shared by charts, tables and readings (en-GB, as the copy). */

const one = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const two = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const int = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export type Unit = 'per1000' | 'share' | 'index' | 'count';

/** "3.4", "12%", "0.82", "1,204"; `null` reads "n/a". */
export function formatValue(value: number | null | undefined, unit: Unit): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
	switch (unit) {
		case 'per1000':
			return one.format(value);
		case 'share':
			return `${int.format(value * 100)}%`;
		case 'index':
			return two.format(value);
		case 'count':
			return int.format(value);
	}
}

/** The unit in words, for labels and readings. */
export function unitWords(unit: Unit): string {
	switch (unit) {
		case 'per1000':
			return 'per 1,000 words';
		case 'share':
			return 'per cent';
		case 'index':
			return 'from 0 to 1';
		case 'count':
			return '';
	}
}

/** "Antiwar.com, American Age and Caravanserai". */
export function listWords(items: string[]): string {
	if (items.length <= 1) return items[0] ?? '';
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
