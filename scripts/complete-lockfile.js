// Completes package-lock.json so that `npm ci` (npm >= 11.6) accepts it here.
//
// Why: the registry these machines reach lacks some foreign-platform optional builds (e.g.
// @swc/core-darwin-arm64). `npm install` then leaves them out of the lock, and newer `npm ci`
// refuses a lock that does not list every optional dependency (npm/cli#8805). An entry with the
// package's `os`/`cpu` is all npm needs: it skips it on other platforms, as it would anyway.
//
// Run after any dependency change: `npm run lockfile:complete`.
const { execSync } = require('node:child_process');
const { readFileSync, writeFileSync } = require('node:fs');

function missingPackages() {
  let output = '';
  try {
    execSync('npm ci --dry-run --ignore-scripts', { stdio: 'pipe' });
  } catch (error) {
    output = `${error.stdout}${error.stderr}`;
  }
  return [...output.matchAll(/Missing: (.+?)@\S* from lock file/g)].map((match) => match[1]);
}

const missing = missingPackages();
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
for (const name of missing) {
  const parent = Object.values(lock.packages).find((entry) => entry.optionalDependencies?.[name]);
  const platform = /-(darwin|linux|win32|android|freebsd|openharmony)-([a-z0-9]+)/.exec(name);
  if (!parent || !platform) {
    throw new Error(`${name} is missing from the lock but is not a platform build: run npm install`);
  }
  lock.packages[`node_modules/${name}`] = {
    version: parent.optionalDependencies[name],
    ...(parent.dev ? { dev: true } : {}),
    optional: true,
    os: [platform[1]],
    cpu: [platform[2]],
  };
}
const [root, ...rest] = Object.entries(lock.packages);
lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => a.localeCompare(b))]);
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${missing.length} foreign-platform optional entries`);
