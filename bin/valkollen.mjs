#!/usr/bin/env node
// The `valkollen` command. Loads the TypeScript CLI through tsx's API (no build step), e.g.
//   npx valkollen check --format json page.html
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/check.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
