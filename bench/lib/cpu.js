'use strict';

/**
 * Where the CPU went during a phase, from /proc (Linux; elsewhere every figure is null): the
 * Poste process, the PostgreSQL server (postmaster and its children, when it runs on this
 * machine), and the whole machine.
 */

const fs = require('node:fs');
const { Client } = require('pg');

const TICKS_PER_SECOND = 100; // USER_HZ; 100 on every mainstream Linux build

function processTicks(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may contain spaces) start at field 3 (state).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
      // Children that exited and were waited for (a backend whose connection closed).
      childTicks: Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return null;
  }
}

/** Ticks of `root` and all its children, live or exited (PostgreSQL backends are children of the postmaster). */
function treeTicks(root) {
  const own = processTicks(root);
  let total = own ? own.ticks + own.childTicks : 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    const process = processTicks(entry);
    if (process && process.ppid === root) {
      total += process.ticks;
    }
  }
  return total;
}

function machineTicks() {
  const [, ...values] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = values[3] + values[4];
  return { busy: total - idle, total };
}

/** The postmaster's pid, found through its checkpointer; null when the server is not on this machine. */
async function postmasterPid(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'");
    const parent = rows[0] ? processTicks(rows[0].pid)?.ppid : undefined;
    return parent && processTicks(parent) ? parent : null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

class CpuMeter {
  /** `databasePid`, when given, is the database's process (e.g. PGlite's), instead of looking up the postmaster. */
  static async create(postePid, databaseUrl, databasePid) {
    const available = fs.existsSync('/proc/stat') && processTicks(postePid) !== null;
    if (!available) {
      return new CpuMeter(null, null);
    }
    return new CpuMeter(postePid, databasePid ?? (await postmasterPid(databaseUrl)));
  }

  constructor(postePid, postgresPid) {
    this.postePid = postePid;
    this.postgresPid = postgresPid;
  }

  snapshot() {
    if (this.postePid === null) {
      return null;
    }
    return {
      poste: processTicks(this.postePid)?.ticks ?? 0,
      postgres: this.postgresPid === null ? null : treeTicks(this.postgresPid),
      machine: machineTicks(),
    };
  }

  /**
   * CPU milliseconds per unit of work (`count` runs) for Poste and PostgreSQL, and how busy the
   * machine was (in cores) between two snapshots. Tick resolution is 10 ms: use long phases.
   */
  static difference(before, after, count) {
    if (!before || !after) {
      return null;
    }
    const ms = (ticks) => (ticks * 1000) / TICKS_PER_SECOND;
    const cores = require('node:os').cpus().length;
    const machineTotal = after.machine.total - before.machine.total;
    return {
      posteMsPerRun: ms(after.poste - before.poste) / count,
      postgresMsPerRun: after.postgres === null ? null : ms(after.postgres - before.postgres) / count,
      machineBusyCores: machineTotal > 0 ? ((after.machine.busy - before.machine.busy) / machineTotal) * cores : null,
    };
  }
}

module.exports = { CpuMeter };
