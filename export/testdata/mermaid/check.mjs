// Parses every ```mermaid block of the Markdown files named on the command
// line with mermaid's own parser (the one GitHub's renderer uses), under
// jsdom since mermaid expects a browser. Exits 1 naming each block that
// does not parse, 2 when no block was found at all.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

let blocks = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/```mermaid\n([\s\S]*?)```/g)) {
    blocks++;
    try {
      const r = await mermaid.parse(m[1]);
      console.log(`ok   ${file}: ${r.diagramType}`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${file}: ${String(e.message).split('\n').slice(0, 3).join(' | ')}`);
    }
  }
}
console.log(`${blocks - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : blocks === 0 ? 2 : 0);
