/** URL-safe slug: "Financial Times (republished)" → "financial-times-republished". */
export function slugify(s: string): string {
	return (
		s
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'unknown'
	);
}
