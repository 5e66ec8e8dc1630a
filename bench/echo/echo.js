// bench/echo/echo.js - measurement 4, peer: a Node.js `net` echo server.
//   node echo.js PORT      listens on 127.0.0.1:PORT
'use strict';
const net = require('net');

const port = Number(process.argv[2] || 7000);
const server = net.createServer({ noDelay: true }, (socket) => {
  socket.on('data', (data) => socket.write(data));
  socket.on('error', () => socket.destroy());
});
server.listen(port, '127.0.0.1');
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
