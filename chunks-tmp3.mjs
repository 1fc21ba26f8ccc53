import { build } from 'vite';
import zlib from 'node:zlib';
process.env.NODE_ENV='production';
const out = await build({ configFile: '/work/wt-shell/vite.config.ts', mode:'production', logLevel: 'silent', build: { write: false } });
const outs = Array.isArray(out)?out:[out];
const all = new Map(outs.flatMap(o=>o.output).filter(c=>c.type==='chunk').map(c=>[c.fileName,c]));
const entry=[...all.values()].find(c=>c.isEntry); const seen=new Set(); const visit=n=>{if(seen.has(n))return;seen.add(n);for(const i of all.get(n).imports)visit(i)}; visit(entry.fileName);
let tot=0; for (const n of seen) { const g=zlib.gzipSync(all.get(n).code,{level:9}).length; tot+=g; console.log(n,g, Object.keys(all.get(n).modules).some(k=>k.includes('node_modules/zod'))?'ZOD':''); }
console.log('total', tot);
