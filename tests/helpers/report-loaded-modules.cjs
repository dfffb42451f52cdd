// Preloaded into a service under test (NODE_OPTIONS=--require): on exit, writes the files of every
// module it loaded to LOADED_MODULES_FILE, so a test can tell what the service depended on.
const fs = require('node:fs');

process.on('exit', () => {
  fs.writeFileSync(process.env.LOADED_MODULES_FILE, JSON.stringify(Object.keys(require.cache)));
});
