import { build } from 'vite';
import zlib from 'node:zlib';
process.env.NODE_ENV='production';
const out = await build({ configFile: '/work/wt-shell/vite.config.ts', mode:'production', logLevel: 'silent', build: { write: false } });
const outs = Array.isArray(out)?out:[out];
const all = new Map(outs.flatMap(o=>o.output).filter(c=>c.type==='chunk').map(c=>[c.fileName,c]));
const entry=[...all.values()].find(c=>c.isEntry); const seen=new Set(); const visit=n=>{if(seen.has(n))return;seen.add(n);for(const i of all.get(n).imports)visit(i)}; visit(entry.fileName);
for (const n of seen) { const c=all.get(n);
  const agg={}; for (const [k,v] of Object.entries(c.modules)) { const m=k.match(/node_modules\/((@[^/]+\/)?[^/]+)/); const key=m?m[1]:k.replace('/work/wt-shell/','').split('/').slice(0,3).join('/'); agg[key]=(agg[key]||0)+v.renderedLength; }
  console.log(n, zlib.gzipSync(c.code,{level:9}).length, JSON.stringify(Object.entries(agg).sort((a,b)=>b[1]-a[1]).slice(0,14)));
}
