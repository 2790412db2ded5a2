#!/usr/bin/env node
import { main } from './main';

main(process.argv.slice(2), process.stdout, process.stderr).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`precedent: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
