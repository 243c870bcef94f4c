/** The baseline: an Express 5 app that only parses JSON and answers 204, on the port given as argv[2]. */
import express from 'express';

const app = express();
app.use(express.json());
app.patch('/v1/hood/partners/:id/contacts/:contactId', (_req, res) => {
  res.status(204).end();
});
const server = app.listen(Number(process.argv[2]), '127.0.0.1', () => process.stdout.write('ready\n'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
