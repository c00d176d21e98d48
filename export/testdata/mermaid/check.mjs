// Checks every ```mermaid block of the Markdown files named on the command
// line with mermaid's own parser (the one GitHub's renderer uses), under
// jsdom since mermaid expects a browser. Gantt charts are also read back
// through mermaid's gantt model: every task must have a valid start and an
// end not before it, so a date the dateFormat cannot read fails too.
// Exits 1 naming each block that fails, 2 when no block was found at all.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

const valid = (d) => d instanceof Date && !Number.isNaN(d.getTime());

async function check(src) {
  const { diagramType } = await mermaid.parse(src);
  if (diagramType !== 'gantt') return diagramType;
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(src);
  const tasks = diagram.db.getTasks();
  if (tasks.length === 0) throw new Error('gantt chart without tasks');
  for (const t of tasks) {
    if (!valid(t.startTime) || !valid(t.endTime) || t.endTime < t.startTime) {
      throw new Error(`task "${t.task}" has start ${t.startTime} and end ${t.endTime}`);
    }
  }
  return `gantt, ${tasks.length} tasks`;
}

let blocks = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/```mermaid\n([\s\S]*?)```/g)) {
    blocks++;
    try {
      console.log(`ok   ${file}: ${await check(m[1])}`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${file}: ${String(e.message).split('\n').slice(0, 3).join(' | ')}`);
    }
  }
}
console.log(`${blocks - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : blocks === 0 ? 2 : 0);
