/** The CLI on the process: wires its streams to the command line and sets its exit status. */
import { runCli } from './cli.js';
import { colorWanted, streamSink } from './io.js';

// Output piped into `head` closes early; stop quietly instead of reporting a write error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const io = {
  out: streamSink(process.stdout),
  err: streamSink(process.stderr),
  errIsTty: process.stderr.isTTY === true,
  outIsColorTty: colorWanted(process.stdout.isTTY === true, process.env['NO_COLOR']),
  ...(process.stdout.isTTY === true ? { outColumns: process.stdout.columns } : {}),
};

runCli(process.argv.slice(2), io).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`evtxhunt: internal error: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
