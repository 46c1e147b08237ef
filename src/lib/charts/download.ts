/**
 * Chart downloads for slides, client-side only: the chart's own SVG,
 * serialised with its rendered size (its x positions are percentages), and a
 * PNG drawn from that SVG on a canvas at twice the size.
 */

function fileName(title: string, ext: string): string {
	const base = title
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60);
	return `slant-${base || 'chart'}.${ext}`;
}

/** The SVG as a standalone document, with a white background and fixed pixel size. */
export function serialiseSvg(svg: SVGSVGElement): { markup: string; width: number; height: number } {
	const box = svg.getBoundingClientRect();
	const width = Math.round(box.width);
	const height = Math.round(box.height);
	const clone = svg.cloneNode(true) as SVGSVGElement;
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	clone.setAttribute('width', String(width));
	clone.setAttribute('height', String(height));
	clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
	const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
	bg.setAttribute('width', '100%');
	bg.setAttribute('height', '100%');
	bg.setAttribute('fill', '#ffffff');
	clone.insertBefore(bg, clone.firstChild);
	return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

function save(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadSvg(svg: SVGSVGElement, title: string): void {
	const { markup } = serialiseSvg(svg);
	save(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }), fileName(title, 'svg'));
}

export async function downloadPng(svg: SVGSVGElement, title: string, scale = 2): Promise<void> {
	const { markup, width, height } = serialiseSvg(svg);
	const img = new Image();
	img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(markup);
	await img.decode();
	const canvas = document.createElement('canvas');
	canvas.width = width * scale;
	canvas.height = height * scale;
	const ctx = canvas.getContext('2d');
	if (!ctx) return;
	ctx.scale(scale, scale);
	ctx.drawImage(img, 0, 0, width, height);
	const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
	if (blob) save(blob, fileName(title, 'png'));
}
