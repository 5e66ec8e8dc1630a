// bench/await/await.js - measurement 1, peer: Node.js `await f()` of an
// async function that returns without awaiting anything. ns per await.
'use strict';

async function leaf(x) {
  return x + 1;
}

async function loop(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await leaf(i);
  return sum;
}

async function main() {
  const n = Number(process.argv[2] || 10000000);
  let sum = await loop(Math.floor(n / 10)); // warm up (and JIT)
  const t0 = process.hrtime.bigint();
  sum += await loop(n);
  const t1 = process.hrtime.bigint();
  console.log(`ns_per_op ${(Number(t1 - t0) / n).toFixed(4)}`);
  console.error(`checksum ${sum}`);
}

main();
