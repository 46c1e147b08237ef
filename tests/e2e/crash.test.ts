import { afterAll, expect, test } from 'vitest';
import { startServer, type Server } from './harness';

const CLIENTS = 20;
const STORY = 'crash-test';
let restarted: Server | undefined;
const sentTexts = new Set<string>();

afterAll(async () => {
	await restarted?.stop();
});

function article(client: number, n: number): string {
	return `Client ${client} article ${n}. Officials said on Tuesday that the talks would continue next week, and the minister told reporters the meeting had been useful. Paragraph marker ${client}-${n}-${Math.random()}.`;
}

/** Upload one article at a time until the server goes away; returns what the server acknowledged. */
async function client(server: Server, id: number, acked: Map<string, string>, sent: Set<string>, stopped: () => boolean): Promise<void> {
	for (let n = 0; !stopped(); n++) {
		const text = article(id, n);
		sent.add(text);
		try {
			const res = await fetch(`${server.url}/api/articles`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ story: STORY, articles: [{ text, outlet: `Client ${id}`, title: `Article ${n}` }] })
			});
			if (res.status !== 201) continue;
			const body = (await res.json()) as { saved: { id: string }[] };
			acked.set(body.saved[0].id, text);
		} catch {
			return; // the server was killed mid-request: not acknowledged
		}
	}
}

test('every article acknowledged before a SIGKILL is intact after a restart', async () => {
	const server = await startServer();
	const acked = new Map<string, string>();
	const sent = sentTexts;
	let killed = false;
	const clients = Array.from({ length: CLIENTS }, (_, i) => client(server, i, acked, sent, () => killed));
	// Kill mid-way: once a good number of uploads have been acknowledged, with the rest in flight.
	while (acked.size < 60) await new Promise((r) => setTimeout(r, 20));
	await server.kill();
	killed = true;
	await Promise.all(clients);

	restarted = await startServer({ dataDir: server.dataDir });
	const missing: string[] = [];
	for (const [id, text] of acked) {
		const res = await fetch(`${restarted.url}/api/articles/${id}`);
		const record = res.ok ? ((await res.json()) as { text: string; story: string }) : null;
		if (record?.text !== text || record.story !== STORY) missing.push(id);
	}
	console.info(`slant crash test: ${acked.size} acknowledged before SIGKILL, ${acked.size - missing.length} intact after restart`);
	expect(missing).toEqual([]);
	expect(acked.size).toBeGreaterThanOrEqual(60);
});

test('after the restart every stored article is whole: a text that was sent, with its record', async () => {
	const data = (await (await fetch(`${restarted!.url}/api/stories/${STORY}/export.json`)).json()) as { records: { id: string; text: string }[] };
	console.info(`slant crash test: ${data.records.length} articles stored after restart (committed ones whose answer was cut off count too)`);
	expect(data.records.length).toBeGreaterThanOrEqual(60);
	expect(data.records.filter((r) => !sentTexts.has(r.text))).toEqual([]);
});
