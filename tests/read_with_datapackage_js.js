#!/usr/bin/env node
// Read every table of a Frictionless Data Package with datapackage-js
// (datapackage@1.1.10, pinned in package.json), resolving foreign keys, and check cast types.
// Usage: node tests/read_with_datapackage_js.js [path/to/datapackage.json]
// Prints one JSON line per table: {name, rows, ok, error}; exits 1 if any fails.
'use strict';
const { Package } = require('datapackage');

const NUMERIC = new Set(['number', 'integer']);

function typeOk(want, v) {
  return NUMERIC.has(want)
    ? typeof v === 'number' && Number.isFinite(v)
    : v instanceof Date && !Number.isNaN(v.getTime());
}

// With relations: true the library replaces each non-null foreign-key value by
// the referenced row (a keyed object). For such fields we check that the value
// was resolved to an object and type-check the referenced field inside it.
function checkTypes(resource, rows, pkg) {
  const problems = [];
  const schema = resource.schema;
  const fields = schema ? schema.fields : [];
  const fkOf = new Map(); // field name -> {resource, field}
  for (const fk of (schema && schema.foreignKeys) || []) {
    fk.fields.forEach((f, i) => fkOf.set(f, { resource: fk.reference.resource || resource.name, field: fk.reference.fields[i] }));
  }
  for (const field of fields) {
    const ref = fkOf.get(field.name);
    let want = field.type;
    if (ref) {
      const refRes = pkg.getResource(ref.resource);
      const refField = refRes && refRes.schema && refRes.schema.getField(ref.field);
      want = refField ? refField.type : want;
    }
    const check = ref || NUMERIC.has(want) || want === 'date';
    if (!check) continue;
    let bad = 0;
    let example;
    for (const row of rows) {
      let v = row[field.name];
      if (v === null || v === undefined) continue; // missing value
      if (ref) {
        if (typeof v !== 'object' || v instanceof Date) { bad += 1; if (example === undefined) example = v; continue; }
        v = v[ref.field];
        if (!(NUMERIC.has(want) || want === 'date')) continue;
      }
      if (!typeOk(want, v)) {
        bad += 1;
        if (example === undefined) example = v;
      }
    }
    if (bad) {
      problems.push(
        `${field.name} (${want}${ref ? ', FK->' + ref.resource + '.' + ref.field : ''}): ` +
          `${bad} value(s) not resolved/wrong JS type, e.g. ${typeof example} ${JSON.stringify(example)}`
      );
    }
  }
  return problems;
}

function describeError(err) {
  if (!err) return null;
  let msg = err.message || String(err);
  if (Array.isArray(err.errors) && err.errors.length) {
    msg += ' | ' + err.errors.slice(0, 5).map((e) => e.message || String(e)).join(' | ');
    if (err.errors.length > 5) msg += ` | ... (${err.errors.length} errors)`;
  }
  return msg;
}

async function main() {
  const descriptor = process.argv[2] || 'datapackage.json';
  let failed = false;
  let dp;
  try {
    dp = await Package.load(descriptor);
  } catch (err) {
    console.log(JSON.stringify({ name: '<package>', rows: null, ok: false, error: describeError(err) }));
    process.exit(1);
  }
  if (!dp.valid) {
    // Not fatal for reading, but report it.
    console.log(JSON.stringify({
      name: '<package>', rows: null, ok: false,
      error: 'package descriptor invalid per library profile: ' +
        dp.errors.map((e) => e.message).join(' | '),
    }));
    failed = true;
  }
  for (const resource of dp.resources) {
    const out = { name: resource.name, rows: null, ok: false, error: null };
    try {
      if (!resource.tabular) throw new Error('library does not consider this resource tabular');
      if (!resource.valid) throw new Error('resource descriptor invalid per library profile: ' + resource.errors.map((e) => e.message).join(' | '));
      const rows = await resource.read({ keyed: true, cast: true, relations: true });
      out.rows = rows.length;
      const problems = checkTypes(resource, rows, dp);
      if (problems.length) throw new Error('type check: ' + problems.join('; '));
      out.ok = true;
    } catch (err) {
      out.error = describeError(err);
      failed = true;
    }
    console.log(JSON.stringify(out));
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
