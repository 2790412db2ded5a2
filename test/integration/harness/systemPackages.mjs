// Installs the Debian packages a test run needs, so that `npm ci && npm test` is all the set-up a fresh machine needs.
// Each package comes with how to tell that what it provides is there (a file, a command on PATH): the same list
// serves the check and the install, and nothing is installed that is already there.
// As root it runs apt-get (Debian's packages are the only thing it downloads); PRECEDENT_NO_APT=1 opts out. Without
// root, or opted out, it fails at once with the one command to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** How long apt-get waits for another apt or dpkg (another test run, unattended upgrades) to release its lock. */
const LOCK_TIMEOUT_S = 300;

/**
 * A Debian package a test needs: `name` for apt-get, `why` it is needed (printed), `present()` whether what it
 * provides is already on this machine.
 * @typedef {{ name: string, why: string, present: () => boolean }} DebianPackage
 */

export class DebianPackageError extends Error {}

/** Whether `command` is an executable name found in a folder of $PATH. */
export function onPath(command) {
  return (process.env.PATH || '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

function log(message) {
  console.log(`[debian] ${message}`);
}

function installCommand(names) {
  return `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${names.join(' ')}`;
}

function aptGet(args) {
  log(`$ DEBIAN_FRONTEND=noninteractive apt-get ${args.join(' ')}`);
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new DebianPackageError(`apt-get ${args.join(' ')} failed (${result.signal ?? `exit ${result.status}`})`);
}

/**
 * Installs those of `packages` that are not present, for `reason` (what needs them, as printed: "the integration
 * tests"). Returns once all are present; throws a DebianPackageError that names the command to run otherwise.
 * @param {DebianPackage[]} packages
 * @param {string} reason
 */
export function ensureDebianPackages(packages, reason) {
  const missing = packages.filter((pkg) => !pkg.present());
  if (missing.length === 0) return;
  const names = missing.map((pkg) => pkg.name);
  const what = `Debian packages missing for ${reason}: ${missing.map((pkg) => `${pkg.name} (${pkg.why})`).join(', ')}`;
  const optedOut = Boolean(process.env.PRECEDENT_NO_APT) && process.env.PRECEDENT_NO_APT !== '0';
  if (optedOut || process.getuid?.() !== 0) {
    const why = optedOut ? 'PRECEDENT_NO_APT is set' : 'Not running as root';
    throw new DebianPackageError(`${what}.\n${why}, so they are not installed. Install them (as root):\n  ${installCommand(names)}`);
  }
  if (!onPath('apt-get')) {
    throw new DebianPackageError(`${what}.\napt-get not found: install these packages (or this system's equivalents) yourself.`);
  }

  const started = Date.now();
  log(`${what}: installing them (PRECEDENT_NO_APT=1 opts out)`);
  const lock = ['-o', `DPkg::Lock::Timeout=${LOCK_TIMEOUT_S}`];
  aptGet([...lock, 'update']);
  aptGet([...lock, 'install', '-y', ...names]);
  const stillMissing = missing.filter((pkg) => !pkg.present());
  if (stillMissing.length > 0) {
    throw new DebianPackageError(
      `apt-get installed ${names.join(' ')}, but what ${stillMissing.map((pkg) => pkg.name).join(', ')} should provide is still not there`,
    );
  }
  log(`installed ${names.join(' ')} in ${Math.round((Date.now() - started) / 1000)} s`);
}
