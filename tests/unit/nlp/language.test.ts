import { expect, test } from 'vitest';
import { readDoc } from '../../../src/lib/nlp/doc';
import { detectLanguage, detectLanguageInDoc } from '../../../src/lib/nlp/language';

const CASES: [string, string][] = [
	['en', 'The minister said on Tuesday that the talks with the two delegations would continue next week in Geneva, and that progress had been made.'],
	['fr', "Le ministre a déclaré mardi que les discussions avec les deux délégations se poursuivraient la semaine prochaine à Genève et que des progrès ont été faits."],
	['de', 'Der Minister sagte am Dienstag, dass die Gespräche mit den beiden Delegationen in der kommenden Woche in Genf fortgesetzt werden und es Fortschritte gibt.'],
	['es', 'El ministro dijo el martes que las conversaciones con las dos delegaciones continuarán la próxima semana en Ginebra y que se han hecho progresos para la paz.'],
	['ru', 'Министр заявил во вторник, что переговоры с двумя делегациями продолжатся на следующей неделе в Женеве и что достигнут прогресс.'],
	['zh', '部长周二表示，与两个代表团的会谈将于下周在日内瓦继续进行，并且已经取得了进展，双方都表示满意并将继续合作。']
];

test.each(CASES)('tells %s', (code, text) => {
	const lang = detectLanguage(text);
	expect(lang.code).toBe(code);
	expect(lang.isEnglish).toBe(code === 'en');
});

test.each(CASES)('tells %s from wink tokens as from the characters', (_code, text) => {
	const whole = [{ start: 0, end: text.length }];
	expect(detectLanguageInDoc(readDoc(text), whole)).toEqual(detectLanguage(text));
});

test('reads only the given blocks, as one sample', () => {
	const french = CASES.find(([c]) => c === 'fr')![1];
	const english = CASES.find(([c]) => c === 'en')![1];
	const text = `${french}\n\n${english}\n\n${english}`;
	const doc = readDoc(text);
	const englishBlocks = [french.length + 2, french.length + 4 + english.length].map((start) => ({ start, end: start + english.length }));
	expect(detectLanguageInDoc(doc, englishBlocks).code).toBe('en');
	expect(detectLanguageInDoc(doc, [{ start: 0, end: french.length }]).code).toBe('fr');
});

test('a text too short to tell is undetermined and scored as English', () => {
	expect(detectLanguage('Talks resume.')).toEqual({ code: 'und', isEnglish: true, englishScore: 0 });
});
