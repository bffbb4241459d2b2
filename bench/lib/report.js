'use strict';

/** Turns measurements into the table and the two target checks printed by bench/run.js. */

const ASSISTANT_TARGET = 0.5; // Poste GET /assistants/{id} ≥ 50 % of the ceiling's requests/s
const LIST_TARGET = 1.2; // list p99 at 100 000 messages ≤ 1.2 × list p99 at 100

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function printTable(results) {
  const rows = [
    ['Scenario', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'requests'],
    ...results.map((r) => [
      r.name,
      integer.format(r.requestsPerSecond),
      decimal.format(r.p50),
      decimal.format(r.p99),
      integer.format(r.non2xx),
      integer.format(r.errors),
      integer.format(r.total),
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const format = (row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(format(rows[0]));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  rows.slice(1).forEach((row) => console.log(format(row)));
}

/** Any scenario with failures is called out: its req/s and latencies do not describe success. */
function printFailures(results) {
  const failing = results.filter((r) => r.non2xx > 0 || r.errors > 0);
  for (const r of failing) {
    const codes = Object.entries(r.statusCodes)
      .map(([code, count]) => `${code}×${count}`)
      .join(', ');
    console.log(`WARNING: "${r.name}" had ${r.non2xx} non-2xx responses and ${r.errors} socket errors/timeouts (status codes: ${codes}).`);
  }
  return failing.length;
}

/**
 * The two targets, PASS/MISS beside each. A check whose inputs had failures is flagged as
 * unreliable instead of being silently passed.
 */
function printTargets({ ceiling, assistant, others, listSmall, listLarge }) {
  const caveat = (...rs) => {
    const bad = rs.filter((r) => r.non2xx > 0 || r.errors > 0);
    return bad.length ? `  (unreliable: ${bad.map((r) => r.name).join(', ')} had failures)` : '';
  };
  const shareOfCeiling = (r) => r.requestsPerSecond / ceiling.requestsPerSecond;

  const share = shareOfCeiling(assistant);
  console.log(
    `Poste GET /assistants/{id}: ${percent(share)} of the ceiling's requests/s (target ≥ ${percent(ASSISTANT_TARGET)})  ` +
      `${verdict(share >= ASSISTANT_TARGET)}${caveat(ceiling, assistant)}`,
  );
  for (const r of others) {
    console.log(`  ${r.name.replace(/\s+/g, ' ')}: ${percent(shareOfCeiling(r))} of the ceiling's requests/s${caveat(r)}`);
  }

  const ratio = listSmall.p99 > 0 ? listLarge.p99 / listSmall.p99 : Infinity;
  console.log(
    `List p99 at 100 000 messages / at 100: ${decimal.format(ratio)}× ` +
      `(${decimal.format(listLarge.p99)} ms / ${decimal.format(listSmall.p99)} ms; target ≤ ${LIST_TARGET}×)  ` +
      `${verdict(ratio <= LIST_TARGET)}${caveat(listSmall, listLarge)}`,
  );
  return { listRatio: ratio, listMissed: !(ratio <= LIST_TARGET) };
}

function percent(fraction) {
  return `${oneDecimal.format(fraction * 100)} %`;
}

function verdict(ok) {
  return ok ? 'PASS' : 'MISS';
}

/** Warnings and errors Poste logged under load are part of the result. */
function reportPosteLogs(output, label = 'Poste') {
  if (output.problemCount === 0) {
    console.log(`\n${label} logged no warnings or errors during the run.`);
    return;
  }
  const distinct = new Map();
  for (const line of output.problems) {
    const key = summarise(line);
    distinct.set(key, (distinct.get(key) ?? 0) + 1);
  }
  console.log(`\n${label} logged ${output.problemCount} warning/error lines; most frequent (of the first ${output.problems.length}):`);
  [...distinct.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .forEach(([text, count]) => console.log(`  ${count}×  ${text}`));
}

function summarise(line) {
  try {
    const record = JSON.parse(line);
    return `[level ${record.level}] ${record.msg ?? record.err?.message ?? line}`.slice(0, 200);
  } catch {
    return line.slice(0, 200);
  }
}

module.exports = { printTable, printFailures, printTargets, reportPosteLogs };
