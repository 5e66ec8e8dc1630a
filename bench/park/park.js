// bench/park/park.js - measurement 3, peer: memory of N suspended Node.js
// async functions, each awaiting a shared promise.
//   node park.js N      prints "parked N"
'use strict';

let total = 0;
let parked = 0;

async function task(p, id) {
  parked++;
  const r = await p;
  parked--;
  total += r + id;
}

async function main() {
  const n = Number(process.argv[2] || 1000000);
  let resolve;
  const p = new Promise((r) => (resolve = r));
  const all = new Array(n);
  for (let i = 0; i < n; i++) all[i] = task(p, i);
  console.log(`parked ${parked}`);
  setImmediate(() => resolve(1));
  await Promise.all(all);
  console.error(`checksum ${total}`);
}

main();
