// Summarises a V8 heap snapshot (bench/engineEdits.ts --snapshot FILE, v8.writeHeapSnapshot):
// self size and count per constructor, and the engine's memo slots (engine/database.ts) per
// query, so a change's effect on what the engine retains can be read without DevTools.
// Usage: node --max-old-space-size=6000 bench/heapSummary.mjs FILE [rows]
import fs from 'node:fs';

const snap = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const rows = Number(process.argv[3] ?? 25);
const meta = snap.snapshot.meta;
const NF = meta.node_fields.length;
const EF = meta.edge_fields.length;
const [nodeTypes, edgeTypes] = [meta.node_types[0], meta.edge_types[0]];
const at = (fields, name) => fields.indexOf(name);
const [nType, nName, nSize, nEdges] = ['type', 'name', 'self_size', 'edge_count'].map((f) => at(meta.node_fields, f));
const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => at(meta.edge_fields, f));
const { nodes, edges, strings } = snap;
const count = nodes.length / NF;
const firstEdge = new Uint32Array(count + 1);
for (let i = 0, e = 0; i < count; i++) {
  firstEdge[i] = e;
  e += nodes[i * NF + nEdges] * EF;
  firstEdge[i + 1] = e;
}
const type = (i) => nodeTypes[nodes[i * NF + nType]];
const size = (i) => nodes[i * NF + nSize];
/** Named edges (properties, and a concatenated string's internal first and second). */
const properties = (i) => {
  const out = {};
  for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += EF) {
    const t = edgeTypes[edges[e + eType]];
    if (t === 'property' || t === 'internal') out[strings[edges[e + eName]]] = edges[e + eTo] / NF;
  }
  return out;
};
const elements = (i) => {
  let n = 0;
  for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += EF) if (edgeTypes[edges[e + eType]] === 'element') n++;
  return n;
};
/** A string node's text; a concatenated one is joined from its parts. */
const text = (i) => {
  if (type(i) !== 'concatenated string') return String(strings[nodes[i * NF + nName]]);
  const p = properties(i);
  return text(p.first) + text(p.second);
};
const mb = (bytes) => (bytes / 2 ** 20).toFixed(2).padStart(8);

const byConstructor = new Map();
const slots = new Map();
let total = 0;
for (let i = 0; i < count; i++) {
  total += size(i);
  const t = type(i);
  const name = t === 'object' || t === 'closure' ? String(strings[nodes[i * NF + nName]]) : `(${t})`;
  const row = byConstructor.get(name) ?? { n: 0, bytes: 0 };
  row.n++;
  row.bytes += size(i);
  byConstructor.set(name, row);
  if (t !== 'object') continue;
  const p = properties(i);
  // A derived slot: the fields engine/database.ts gives one.
  if (!('fn' in p && 'deps' in p && 'equals' in p)) continue;
  // One query holds every derived fact (session/tracked.ts): its key names the fact.
  const written = text(p.name);
  const query = (written === 'derived' ? `derived ${text(p.key).split('\n')[1]}` : written)
    .replace(/ of v\d\|.*/s, '')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/^\S+ per /, 'a check per ');
  const s = slots.get(query) ?? { n: 0, bytes: 0, deps: 0 };
  s.n++;
  s.bytes += size(i) + size(p.deps);
  s.deps += elements(p.deps);
  slots.set(query, s);
}
console.log(`${mb(total)} MB in ${count} nodes`);
console.log('-- self size by constructor');
for (const [k, v] of [...byConstructor].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, rows))
  console.log(`${mb(v.bytes)} MB ${String(v.n).padStart(8)} ${k}`);
console.log('-- engine memo slots by query (slot and its dependency array)');
for (const [k, v] of [...slots].sort((a, b) => b[1].n - a[1].n).slice(0, rows))
  console.log(
    `${mb(v.bytes)} MB ${String(v.n).padStart(8)} slots, ${(v.deps / v.n).toFixed(1)} dependencies each: ${k}`,
  );
