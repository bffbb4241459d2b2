'use strict';

/** Plain-text tables for the retrieval report (the same layout as bench/runs.js prints). */

/** A number with `digits` decimals, or "–" when it is not a finite number. */
const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

/** `rows[0]` is the header; the first column is left-aligned, the others right-aligned. */
function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  const format = (row) =>
    row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  ');
  console.log(format(rows[0]));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  rows.slice(1).forEach((row) => console.log(format(row)));
}

module.exports = { fixed, table };
