import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** The texts of the seed articles and of our gold passages: the corpus the benchmarks cycle through. */
export function ownTexts(): string[] {
	const texts = readdirSync('seeds')
		.filter((f) => f.endsWith('.txt'))
		.map((f) => readFileSync(`seeds/${f}`, 'utf8'));
	for (const f of existsSync('tests/gold') ? readdirSync('tests/gold').filter((f) => f.startsWith('passages') && f.endsWith('.jsonl')) : []) {
		for (const line of readFileSync(`tests/gold/${f}`, 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
	}
	return texts;
}
