// Verifying the Supporters membership token (cookie `supporters_membership`) on a Node
// server or an edge runtime, with jose (https://github.com/panva/jose). See
// docs/article-pages.md; checks the same as the WordPress plugin: ES256 only, a kid from
// the service's JWKS, iss equal to the service's URL, exp in the future (30 s of skew).
import { createRemoteJWKSet, jwtVerify } from 'jose';

const SERVICE_URL = process.env.SUPPORTERS_PUBLIC_URL ?? 'https://members.example.com';

// Fetched once and cached; an unknown kid fetches again, at most every 60 s.
const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', SERVICE_URL), {
  cooldownDuration: 60_000,
  cacheMaxAge: 60 * 60_000,
});

/**
 * The reader's claims ({ sub, status, tier, benefits, exp, ... }) when the token is
 * genuine and current; null for anything else: never throws for a bad token.
 */
export async function membership(token, { keys = jwks, issuer = SERVICE_URL, currentDate } = {}) {
  if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
    return null;
  }
  try {
    const { payload } = await jwtVerify(token, keys, {
      algorithms: ['ES256'],
      issuer,
      clockTolerance: 30,
      requiredClaims: ['exp', 'sub'],
      currentDate,
    });
    return Array.isArray(payload.benefits) ? payload : null;
  } catch {
    return null;
  }
}

/** Whether the reader has this benefit: members-only content needs `members-only`. */
export function hasBenefit(claims, benefit) {
  return claims !== null && claims.benefits.includes(benefit);
}
