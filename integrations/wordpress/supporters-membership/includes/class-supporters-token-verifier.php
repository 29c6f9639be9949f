<?php
/**
 * Verifies the Supporters membership token (the supporters_membership cookie) with PHP's
 * own openssl functions. No WordPress function is used here: the class works on any PHP
 * 8.1+ site server (see docs/article-pages.md in the Supporters repository).
 *
 * @package Supporters_Membership
 * @license GPL-2.0-or-later
 */

if ( class_exists( 'Supporters_Token_Verifier', false ) ) {
	return;
}

/**
 * A compact JWS is accepted only when: alg is ES256, its kid names an EC P-256 key of the
 * JWKS, the signature verifies, iss is the service's URL and exp has not passed (with a
 * small allowance for clock skew). Anything else, including a malformed token, answers
 * null: "not a member", never an error.
 */
final class Supporters_Token_Verifier {

	/** Longer than any real token (about 600 bytes): refused before any work. */
	private const MAX_TOKEN_LENGTH = 4096;

	/** DER of SubjectPublicKeyInfo for an EC P-256 key, up to the uncompressed point. */
	private const P256_SPKI_PREFIX = '3059301306072a8648ce3d020106082a8648ce3d030107034200';

	private string $issuer;

	/** @var callable(bool): array */
	private $jwks;

	private int $leeway;

	/** @var array<string, OpenSSLAsymmetricKey> public keys by kid, parsed once per request */
	private array $keys = array();

	/**
	 * @param string   $issuer the service's public URL, exactly as the token's iss
	 * @param callable $jwks   function ( bool $refresh ): array giving the decoded JWKS
	 *                         (['keys' => [...]]); called with true when a kid is
	 *                         unknown, and may then fetch the keys again
	 * @param int      $leeway seconds of clock skew allowed on exp and nbf
	 */
	public function __construct( string $issuer, callable $jwks, int $leeway = 30 ) {
		$this->issuer = $issuer;
		$this->jwks   = $jwks;
		$this->leeway = $leeway;
	}

	/**
	 * The token's claims (iss, sub, status, tier, benefits, iat, exp) when it is genuine
	 * and current; null for anything else.
	 *
	 * @param mixed    $token the cookie's value
	 * @param int|null $now   the time, for tests; the clock by default
	 */
	public function verify( $token, ?int $now = null ): ?array {
		try {
			return $this->check( $token, $now ?? time() );
		} catch ( \Throwable $e ) {
			// a token is the reader's input: whatever is wrong with it means "not a member"
			return null;
		}
	}

	private function check( $token, int $now ): ?array {
		if ( ! is_string( $token ) || strlen( $token ) > self::MAX_TOKEN_LENGTH
			|| ! preg_match( '/^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/', $token, $parts ) ) {
			return null;
		}
		$header = self::json( $parts[1] );
		// only ES256; "none", HS256 (a MAC keyed with the public key) and the rest are refused
		// before any key is looked at, and a header naming extensions we do not know too
		if ( null === $header || ( $header['alg'] ?? null ) !== 'ES256' || isset( $header['crit'] )
			|| ! is_string( $header['kid'] ?? null ) || '' === $header['kid'] ) {
			return null;
		}
		$signature = self::base64url( $parts[3] );
		if ( null === $signature || strlen( $signature ) !== 64 ) {
			return null;
		}
		$key = $this->key( $header['kid'] );
		if ( null === $key ) {
			return null;
		}
		$signed = $parts[1] . '.' . $parts[2];
		if ( openssl_verify( $signed, self::der_signature( $signature ), $key, OPENSSL_ALGO_SHA256 ) !== 1 ) {
			return null;
		}
		$claims = self::json( $parts[2] );
		if ( null === $claims || ( $claims['iss'] ?? null ) !== $this->issuer ) {
			return null;
		}
		$exp = $claims['exp'] ?? null;
		if ( ! is_int( $exp ) || $exp + $this->leeway <= $now ) {
			return null;
		}
		if ( isset( $claims['nbf'] ) && ( ! is_int( $claims['nbf'] ) || $claims['nbf'] - $this->leeway > $now ) ) {
			return null;
		}
		$benefits = $claims['benefits'] ?? array();
		if ( ! is_array( $benefits ) || array_filter( $benefits, 'is_string' ) !== $benefits
			|| ! is_string( $claims['sub'] ?? null ) ) {
			return null;
		}
		$claims['benefits'] = array_values( $benefits );
		$claims['tier']     = is_string( $claims['tier'] ?? null ) ? $claims['tier'] : null;
		$claims['status']   = is_string( $claims['status'] ?? null ) ? $claims['status'] : 'none';
		return $claims;
	}

	/** The key for a kid; asks for fresh keys once when the kid is unknown (a rotation). */
	private function key( string $kid ): ?OpenSSLAsymmetricKey {
		if ( isset( $this->keys[ $kid ] ) ) {
			return $this->keys[ $kid ];
		}
		$jwk = self::find( ( $this->jwks )( false ), $kid ) ?? self::find( ( $this->jwks )( true ), $kid );
		if ( null === $jwk ) {
			return null;
		}
		$key = openssl_pkey_get_public( self::pem( $jwk ) );
		if ( false === $key ) {
			return null;
		}
		$this->keys[ $kid ] = $key;
		return $key;
	}

	/** The JWK with that kid when it is an EC P-256 public key for ES256 signatures. */
	private static function find( $jwks, string $kid ): ?array {
		if ( ! is_array( $jwks ) || ! is_array( $jwks['keys'] ?? null ) ) {
			return null;
		}
		foreach ( $jwks['keys'] as $jwk ) {
			if ( is_array( $jwk ) && ( $jwk['kid'] ?? null ) === $kid ) {
				$usable = ( $jwk['kty'] ?? null ) === 'EC' && ( $jwk['crv'] ?? null ) === 'P-256'
					&& ( $jwk['alg'] ?? 'ES256' ) === 'ES256' && ( $jwk['use'] ?? 'sig' ) === 'sig'
					&& is_string( $jwk['x'] ?? null ) && is_string( $jwk['y'] ?? null );
				return $usable ? $jwk : null;
			}
		}
		return null;
	}

	/** A JWK's x and y as a PEM SubjectPublicKeyInfo, the form openssl reads. */
	public static function pem( array $jwk ): string {
		$x = self::base64url( $jwk['x'] );
		$y = self::base64url( $jwk['y'] );
		if ( null === $x || null === $y || strlen( $x ) !== 32 || strlen( $y ) !== 32 ) {
			return '';
		}
		$der = hex2bin( self::P256_SPKI_PREFIX ) . "\x04" . $x . $y;
		return "-----BEGIN PUBLIC KEY-----\n" . chunk_split( base64_encode( $der ), 64, "\n" )
			. "-----END PUBLIC KEY-----\n";
	}

	/**
	 * JOSE signs ES256 as R || S, 32 bytes each; openssl wants the DER
	 * SEQUENCE { INTEGER r, INTEGER s }: minimal, positive integers.
	 */
	public static function der_signature( string $raw ): string {
		$integers = '';
		foreach ( array( substr( $raw, 0, 32 ), substr( $raw, 32, 32 ) ) as $half ) {
			$half = ltrim( $half, "\x00" );
			if ( '' === $half || ord( $half[0] ) > 0x7f ) {
				$half = "\x00" . $half;
			}
			$integers .= "\x02" . chr( strlen( $half ) ) . $half;
		}
		return "\x30" . chr( strlen( $integers ) ) . $integers;
	}

	private static function json( string $part ): ?array {
		$decoded = self::base64url( $part );
		if ( null === $decoded ) {
			return null;
		}
		$value = json_decode( $decoded, true, 16 );
		return is_array( $value ) ? $value : null;
	}

	private static function base64url( string $value ): ?string {
		$decoded = base64_decode( strtr( $value, '-_', '+/' ), true );
		return ( false === $decoded ) ? null : $decoded;
	}
}
