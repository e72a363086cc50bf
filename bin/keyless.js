#!/usr/bin/env node
'use strict';
// The CLI is built by `npm run build` (electron-vite) into out/main/cli.js.
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(built)) {
  process.stderr.write('keyless: the CLI is not built yet.\n  next: run `npm run build` in the Keyless folder, then try again.\n');
  process.exit(1);
}
require(built);
