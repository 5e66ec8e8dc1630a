// bench/yield/yield.js - measurement 2, peer: Node.js, each task awaiting a
// promise resolved by setImmediate (the next turn of the event loop).
//   node yield.js NTASKS SWITCHES      ns per switch
'use strict';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

async function worker(n) {
  for (let i = 0; i < n; i++) await nextTurn();
}

async function run(ntasks, per) {
  const t0 = process.hrtime.bigint();
  const all = [];
  for (let t = 0; t < ntasks; t++) all.push(worker(per));
  await Promise.all(all);
  const t1 = process.hrtime.bigint();
  return Number(t1 - t0) / (ntasks * per);
}

async function main() {
  const ntasks = Number(process.argv[2] || 1);
  const total = Number(process.argv[3] || 1000000);
  const per = Math.max(1, Math.floor(total / ntasks));
  await run(ntasks, Math.floor(per / 10) + 1); // warm up
  console.log(`ns_per_op ${(await run(ntasks, per)).toFixed(4)}`);
}

main();
