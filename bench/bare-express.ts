/**
 * The baseline: an Express 5 app that only parses JSON (`express.json()`) and
 * answers 204, for any method and path, on the port given as argv[2]. Each
 * vendor's main write is measured against it with the same request.
 */
import express from 'express';

const app = express();
app.use(express.json());
app.all('/{*rest}', (_req, res) => {
  res.status(204).end();
});
const server = app.listen(Number(process.argv[2]), '127.0.0.1', () => process.stdout.write('ready\n'));
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
