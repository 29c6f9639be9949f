// Test harness (run by the Java test NodeTokenVerifierTests): verifies every token of a
// cases file with verify-membership.mjs against a local JWKS and prints the results.
import { readFileSync } from 'node:fs';
import { createLocalJWKSet } from 'jose';
import { membership } from './verify-membership.mjs';

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const keys = createLocalJWKSet(cases.jwks);
const results = {};
for (const [name, token] of Object.entries(cases.tokens)) {
  results[name] = await membership(token, { keys, issuer: cases.issuer, currentDate: new Date(cases.now * 1000) });
}
process.stdout.write(JSON.stringify({ results }));
