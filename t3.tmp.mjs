const t0 = performance.now();
const lap = (l) => process.stderr.write((performance.now() - t0).toFixed(1).padStart(7) + " " + l + "\n");
for (const m of process.argv.slice(2)) { await import(m); lap(m); }
